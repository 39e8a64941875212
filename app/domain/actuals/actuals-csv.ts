import { csvField, parseCsv, type CsvRecord } from "./csv-parse";
import { isMonth, periodMonths } from "./months";
import {
  MAX_ACTUAL_COUNT,
  MAX_ACTUAL_MONEY,
  SLA_OVER_HANDED_OFF,
  type ActualsRow,
  type CampaignSpendRow,
} from "./schemas";

/**
 * CSV import of actuals. Two templates, told apart by their header, because
 * the two kinds of row have different keys (market + month, campaign +
 * month) and different owners (sales fills the first, marketing the second):
 *
 *   month,market,revenue_won,deals_won,pipeline_created,mqls,sqls,followed_up_in_sla,handed_off
 *   month,campaign,spend,mqls
 *
 * Columns may come in any order and header names ignore case and spaces.
 * A market or campaign is named by its name (any case) or its id. Every
 * cell must hold a value: 0 for none, so a forgotten cell is never read as 0.
 * The import is all-or-nothing: any error means the caller writes nothing,
 * so every bad row is reported at once, each with its line and column.
 */

export const ACTUALS_COLUMNS = [
  "month",
  "market",
  "revenue_won",
  "deals_won",
  "pipeline_created",
  "mqls",
  "sqls",
  "followed_up_in_sla",
  "handed_off",
] as const;

export const SPEND_COLUMNS = ["month", "campaign", "spend", "mqls"] as const;

export interface CsvError {
  /** 1-based line of the file. */
  line: number;
  /** The header name of the column at fault, when one is. */
  column?: string;
  message: string;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface ActualsCsvContext {
  period: string;
  markets: readonly NamedRef[];
  campaigns: readonly NamedRef[];
}

export interface ActualsCsvResult {
  kind: "actuals" | "spend" | null;
  rows: ActualsRow[];
  spend: CampaignSpendRow[];
  errors: CsvError[];
}

/** The downloadable template: the header and one example line per month of the period. */
export function actualsCsvTemplate(period: string, markets: readonly NamedRef[]): string {
  const lines = [ACTUALS_COLUMNS.join(",")];
  const market = markets[0]?.name ?? "";
  for (const month of periodMonths(period))
    lines.push([month, csvField(market), 0, 0, 0, 0, 0, 0, 0].join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** The campaign spend template, built like the actuals one. */
export function spendCsvTemplate(period: string, campaigns: readonly NamedRef[]): string {
  const lines = [SPEND_COLUMNS.join(",")];
  const campaign = campaigns[0]?.name ?? "";
  for (const month of periodMonths(period)) lines.push([month, csvField(campaign), 0, 0].join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Reads either template, resolving names to ids and checking every row. */
export function validateActualsCsv(text: string, context: ActualsCsvContext): ActualsCsvResult {
  const parsed = parseCsv(text);
  const result: ActualsCsvResult = { kind: null, rows: [], spend: [], errors: [] };
  if (parsed.unclosedQuoteLine !== null) {
    result.errors.push({
      line: parsed.unclosedQuoteLine,
      message: "A quote opened on this line is never closed.",
    });
    return result;
  }
  const [header, ...body] = parsed.records;
  if (!header) {
    result.errors.push({
      line: 1,
      message: `The file is empty. Start with the header: ${ACTUALS_COLUMNS.join(",")}`,
    });
    return result;
  }
  const kind = headerKind(header.fields);
  const columns = kind === "spend" ? SPEND_COLUMNS : ACTUALS_COLUMNS;
  const positions = columnPositions(header, columns, result.errors);
  if (!positions) return result;
  result.kind = kind;
  const reader = new RowReader(context, result.errors);
  for (const record of body) {
    if (record.fields.length !== header.fields.length) {
      result.errors.push({
        line: record.line,
        message: `Expected ${header.fields.length} values, found ${record.fields.length}.`,
      });
      continue;
    }
    if (kind === "spend") {
      const row = reader.spendRow(record, positions);
      if (row) result.spend.push(row);
    } else {
      const row = reader.actualsRow(record, positions);
      if (row) result.rows.push(row);
    }
  }
  return result;
}

const normalizeHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function headerKind(fields: readonly string[]): "actuals" | "spend" {
  return fields.map(normalizeHeader).includes("campaign") ? "spend" : "actuals";
}

type Positions = Map<string, number>;

/** Where each expected column is; null (with errors) for a wrong header. */
function columnPositions(
  header: CsvRecord,
  expected: readonly string[],
  errors: CsvError[],
): Positions | null {
  const positions: Positions = new Map();
  const before = errors.length;
  header.fields.forEach((raw, index) => {
    const name = normalizeHeader(raw);
    if (!expected.includes(name)) {
      errors.push({
        line: header.line,
        column: raw,
        message: `Unknown column "${raw}". Expected: ${expected.join(",")}`,
      });
    } else if (positions.has(name)) {
      errors.push({ line: header.line, column: name, message: `The column "${name}" appears twice.` });
    } else {
      positions.set(name, index);
    }
  });
  for (const name of expected) {
    if (!positions.has(name))
      errors.push({ line: header.line, column: name, message: `The column "${name}" is missing.` });
  }
  return errors.length === before ? positions : null;
}

type Lookup = Map<string, string | "ambiguous">;

/** Ids and lower-cased names to ids; a name two rows share is ambiguous. */
function lookupOf(refs: readonly NamedRef[]): Lookup {
  const byKey: Lookup = new Map();
  for (const ref of refs) byKey.set(ref.id.toLowerCase(), ref.id);
  for (const ref of refs) {
    const name = ref.name.trim().toLowerCase();
    if (name === "" || byKey.get(name) === ref.id) continue;
    byKey.set(name, byKey.has(name) ? "ambiguous" : ref.id);
  }
  return byKey;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Checks rows one by one; remembers keys seen so duplicates are found in one pass. */
class RowReader {
  private readonly months: Set<string>;
  private readonly markets: Lookup;
  private readonly campaigns: Lookup;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly context: ActualsCsvContext,
    private readonly errors: CsvError[],
  ) {
    this.months = new Set(periodMonths(context.period));
    this.markets = lookupOf(context.markets);
    this.campaigns = lookupOf(context.campaigns);
  }

  actualsRow(record: CsvRecord, at: Positions): ActualsRow | null {
    const before = this.errors.length;
    const cell = (name: string) => (record.fields[at.get(name) as number] as string).trim();
    const month = this.month(record.line, cell("month"));
    const targetMarketId = this.ref(record.line, "market", cell("market"), this.markets);
    const revenueWon = this.money(record.line, "revenue_won", cell("revenue_won"));
    const dealsWon = this.count(record.line, "deals_won", cell("deals_won"));
    const pipelineCreated = this.money(record.line, "pipeline_created", cell("pipeline_created"));
    const mqls = this.count(record.line, "mqls", cell("mqls"));
    const sqls = this.count(record.line, "sqls", cell("sqls"));
    const leadsFollowedUpInSla = this.count(record.line, "followed_up_in_sla", cell("followed_up_in_sla"));
    const leadsHandedOff = this.count(record.line, "handed_off", cell("handed_off"));
    if (leadsFollowedUpInSla !== null && leadsHandedOff !== null && leadsFollowedUpInSla > leadsHandedOff) {
      this.errors.push({ line: record.line, column: "followed_up_in_sla", message: SLA_OVER_HANDED_OFF });
    }
    if (month !== null && targetMarketId !== null)
      this.unique(record.line, `m|${targetMarketId}|${month}`, "market");
    if (this.errors.length !== before) return null;
    return {
      targetMarketId: targetMarketId as string,
      month: month as string,
      revenueWon: revenueWon as number,
      dealsWon: dealsWon as number,
      pipelineCreated: pipelineCreated as number,
      mqls: mqls as number,
      sqls: sqls as number,
      leadsFollowedUpInSla: leadsFollowedUpInSla as number,
      leadsHandedOff: leadsHandedOff as number,
    };
  }

  spendRow(record: CsvRecord, at: Positions): CampaignSpendRow | null {
    const before = this.errors.length;
    const cell = (name: string) => (record.fields[at.get(name) as number] as string).trim();
    const month = this.month(record.line, cell("month"));
    const campaignId = this.ref(record.line, "campaign", cell("campaign"), this.campaigns);
    const spend = this.money(record.line, "spend", cell("spend"));
    const mqls = this.count(record.line, "mqls", cell("mqls"));
    if (month !== null && campaignId !== null)
      this.unique(record.line, `c|${campaignId}|${month}`, "campaign");
    if (this.errors.length !== before) return null;
    return {
      campaignId: campaignId as string,
      month: month as string,
      spend: spend as number,
      mqls: mqls as number,
    };
  }

  private month(line: number, value: string): string | null {
    if (!isMonth(value)) {
      this.errors.push({ line, column: "month", message: `"${value}" is not a month like 2027-01.` });
      return null;
    }
    if (!this.months.has(value)) {
      this.errors.push({
        line,
        column: "month",
        message: `${value} is outside the plan's period ${this.context.period}.`,
      });
      return null;
    }
    return value;
  }

  private ref(line: number, column: "market" | "campaign", value: string, lookup: Lookup): string | null {
    const found = lookup.get(value.toLowerCase());
    if (found === "ambiguous") {
      this.errors.push({
        line,
        column,
        message: `More than one ${column} is called "${value}". Use its id.`,
      });
      return null;
    }
    if (found === undefined) {
      const what = column === "market" ? "target market" : "campaign";
      this.errors.push({ line, column, message: `No ${what} of this plan is called "${value}".` });
      return null;
    }
    return found;
  }

  private number(line: number, column: string, value: string): number | null {
    if (!NUMBER.test(value)) {
      const message = value === "" ? "Enter a number; use 0 for none." : `"${value}" is not a number.`;
      this.errors.push({ line, column, message });
      return null;
    }
    const parsed = Number(value);
    if (parsed < 0) {
      this.errors.push({ line, column, message: `${value} is negative; enter 0 or more.` });
      return null;
    }
    return parsed;
  }

  private money(line: number, column: string, value: string): number | null {
    const parsed = this.number(line, column, value);
    if (parsed !== null && parsed > MAX_ACTUAL_MONEY) {
      this.errors.push({ line, column, message: "That amount is too large." });
      return null;
    }
    return parsed;
  }

  private count(line: number, column: string, value: string): number | null {
    const parsed = this.number(line, column, value);
    if (parsed === null) return null;
    if (!Number.isInteger(parsed)) {
      this.errors.push({ line, column, message: `${value} is not a whole number.` });
      return null;
    }
    if (parsed > MAX_ACTUAL_COUNT) {
      this.errors.push({ line, column, message: "That number is too large." });
      return null;
    }
    return parsed;
  }

  private unique(line: number, key: string, column: "market" | "campaign"): void {
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, line);
      return;
    }
    this.errors.push({ line, column, message: `Duplicate of line ${first}: the same ${column} and month.` });
  }
}
