import {
  columnSpec,
  formatCell,
  type CellKeyOf,
  type ColumnSpec,
  type RowOf,
  type TableSection,
} from "../../domain/plan";
import type { CellControl, SelectOption } from "../../components/plan-table/types";
import { marketName } from "./funnel-view";

/**
 * What each table shows and how its cells are edited. Labels, hints and
 * kinds come from app/domain/plan/columns.ts; here is only what is about the
 * table itself: its title, its purpose, its columns in order, and how a row
 * is named in labels ("Revenue target of Mid-market fintech").
 */

export interface TableSpec<S extends TableSection> {
  section: S;
  title: string;
  /** The section's purpose, under its title. */
  hint: string;
  /** What an empty table says, above its add button. */
  emptyHint: string;
  /** "target market": in "Add target market" and in names of unnamed rows. */
  noun: string;
  columns: ReadonlyArray<CellKeyOf<S>>;
  /** The row's name in labels and messages; "" when it has none yet. */
  name: (row: RowOf[S], markets: ReadonlyMap<string, string>) => string;
  /** What tells two rows of one name apart ("Mid-market fintech, 2027-Q2"). */
  detail?: (row: RowOf[S]) => string;
}

export const TABLE_SPECS: { [S in TableSection]: TableSpec<S> } = {
  targetMarkets: {
    section: "targetMarkets",
    title: "Target markets",
    hint: "The segments both teams go after, agreed once: who they are, where, how big, and who owns each.",
    emptyHint: "No target markets yet. Name the segments you both go after this quarter, most important first.",
    noun: "target market",
    columns: ["segment", "icp", "region", "companySize", "priority", "ownerId"],
    name: (row) => row.segment.trim(),
  },
  revenueGoals: {
    section: "revenueGoals",
    title: "Revenue goals",
    hint: "One shared number per target market, with the rates that turn it into the MQLs marketing must bring.",
    emptyHint:
      "No revenue goals yet. Set a revenue target per target market, with its average deal size, win rate and MQL → SQL rate.",
    noun: "revenue goal",
    columns: [
      "targetMarketId",
      "period",
      "revenueTarget",
      "pipelineTarget",
      "avgDealSize",
      "winRate",
      "mqlToSqlRate",
      "marketingSourcedShare",
    ],
    name: (row, markets) => (row.targetMarketId ? (markets.get(row.targetMarketId) ?? "") : ""),
    detail: (row) => row.period.trim(),
  },
  campaigns: {
    section: "campaigns",
    title: "Campaigns",
    hint: "Joint campaigns per target market, with the MQLs each should bring: they feed the reverse funnel.",
    emptyHint: "No campaigns yet. Plan each campaign for a target market, with its dates, budget and expected MQLs.",
    noun: "campaign",
    columns: [
      "name",
      "channel",
      "targetMarketId",
      "start",
      "end",
      "budget",
      "expectedMqls",
      "ownerId",
      "status",
    ],
    name: (row) => row.name.trim(),
  },
  glossary: {
    section: "glossary",
    title: "Glossary",
    hint: "Words the two teams use differently, and the one meaning both use from now on.",
    emptyHint: "No terms yet. Start with the words that cause arguments, like “qualified lead” or “pipeline”.",
    noun: "term",
    columns: ["term", "salesMeaning", "marketingMeaning", "agreedDefinition"],
    name: (row) => row.term.trim(),
  },
};

/**
 * Every row's name for labels, by id: "Mid-market fintech" (so a cell is
 * "Revenue target of Mid-market fintech"), "target market 2" while unnamed,
 * and with its detail or a number when two rows share a name.
 */
export function rowNames<S extends TableSection>(
  spec: TableSpec<S>,
  rows: ReadonlyArray<RowOf[S]>,
  markets: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  const base = rows.map((row, position) => spec.name(row, markets) || `${spec.noun} ${position + 1}`);
  const counts = new Map<string, number>();
  for (const name of base) counts.set(name, (counts.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  rows.forEach((row, position) => {
    const name = base[position]!;
    const occurrence = (seen.get(name) ?? 0) + 1;
    seen.set(name, occurrence);
    if ((counts.get(name) ?? 0) < 2) return names.set(row.id, name);
    const detail = spec.detail?.(row);
    names.set(row.id, detail ? `${name}, ${detail}` : `${name} (${occurrence})`);
  });
  return names;
}

/** The lists ref cells choose from. */
export interface CellChoices {
  markets: readonly SelectOption[];
  members: readonly SelectOption[];
}

/** The options of the target market select: id → segment, in the plan's order. */
export function marketOptions(markets: ReadonlyArray<{ id: string; segment: string }>): SelectOption[] {
  return markets.map((market) => ({ value: market.id, label: marketName(market.segment) }));
}

/** How one cell is edited, from its column's kind. */
export function cellControl(spec: ColumnSpec, value: unknown, choices: CellChoices): CellControl {
  switch (spec.kind) {
    case "money":
    case "rate":
    case "count":
    case "hours":
      return { type: "text", numeric: true };
    case "date":
      return { type: "date" };
    case "enum": {
      const options = (spec.options ?? []).map((option) => ({
        value: option,
        label: spec.optionLabels?.[option] ?? option,
      }));
      // A required choice offers "empty" only until something is chosen.
      const emptyLabel = !spec.required ? "—" : value === null ? `Choose ${spec.label.toLowerCase()}…` : null;
      return { type: "select", options, emptyLabel };
    }
    case "ref": {
      const isMarket = spec.refersTo === "targetMarket";
      const list = isMarket ? choices.markets : choices.members;
      const known = typeof value !== "string" || list.some((option) => option.value === value);
      const options = known
        ? list
        : [...list, { value: value as string, label: isMarket ? "Removed market" : "Former member" }];
      return { type: "select", options, emptyLabel: isMarket ? "Whole plan" : "No owner" };
    }
    default:
      return {
        type: "text",
        multiline: (spec.maxLength ?? 0) > 200,
        maxLength: spec.maxLength,
        placeholder: spec.hint,
      };
  }
}

/** The text a cell shows at rest: formatted numbers in the plan's currency, labels of choices. */
export function cellDisplay(
  section: TableSection,
  key: string,
  value: unknown,
  currency: string | null,
  control: CellControl,
): string {
  if (control.type === "select") {
    if (value === null || value === undefined) return "";
    return control.options.find((option) => option.value === value)?.label ?? "";
  }
  return formatCell(section, key, value, { currency, mode: "display" });
}

/** The text a cell is edited as (and a select's value). */
export function cellEditText(section: TableSection, key: string, value: unknown): string {
  return formatCell(section, key, value, { mode: "edit" });
}

/** The column spec of a shown key (every shown key has one). */
export function specOf(section: TableSection, key: string): ColumnSpec {
  const spec = columnSpec(section, key);
  if (!spec) throw new Error(`No column ${section}.${key}`);
  return spec;
}
