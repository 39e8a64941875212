import {
  columnSpec,
  formatCell,
  type CellSection,
  type PlanContent,
  type TableSection,
} from "../../domain/plan";

/** Member names by user id, for owner columns. */
export type PeopleNames = Readonly<Record<string, string>>;

/**
 * One stored cell as a reader sees it in a read-only plan: money, rates and
 * dates formatted as the editor shows them, target markets and owners by
 * name (a removed market or a former member said so), empty as "—".
 */
export function cellText(
  content: Pick<PlanContent, "targetMarkets" | "meta">,
  people: PeopleNames,
  section: CellSection,
  key: string,
  value: unknown,
): string {
  const spec = columnSpec(section, key);
  if (value === null || value === undefined || value === "") return "—";
  if (spec?.kind === "ref") {
    if (typeof value !== "string") return "—";
    if (spec.refersTo === "targetMarket") {
      const market = content.targetMarkets.find((m) => m.id === value);
      return market ? market.segment.trim() || "Unnamed market" : "(removed market)";
    }
    return people[value] ?? "(former member)";
  }
  if (Array.isArray(value) && value.length === 0) return "—";
  const text = formatCell(section, key, value, { currency: content.meta.currency });
  return text === "" ? "—" : text;
}

/** What names a row for a reader: its segment, period, campaign or term. */
export function rowName(section: TableSection, row: Readonly<Record<string, unknown>>): string {
  const key = { targetMarkets: "segment", revenueGoals: "period", campaigns: "name", glossary: "term" }[
    section
  ];
  const value = row[key];
  return typeof value === "string" && value.trim() ? value.trim() : "(unnamed row)";
}
