import type { CsvRecord } from "./csv-parse";
import { isMonth, periodMonths } from "./months";
import {
  MAX_ACTUAL_COUNT,
  MAX_ACTUAL_MONEY,
  SLA_OVER_HANDED_OFF,
  type ActualsRow,
  type CampaignSpendRow,
} from "./schemas";
import type { ActualsCsvContext, CsvError, NamedRef } from "./actuals-csv";

/**
 * The rules of one CSV row of actuals or campaign spend: which template a
 * header is, where its columns are, and every cell of a row checked with
 * its line and column. Rows are read one at a time, remembering the keys
 * seen, so a file can be checked in slices with the same answers as in one go.
 */

const normalizeHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** The template a header is: a `campaign` column makes it campaign spend. */
export function headerKind(fields: readonly string[]): "actuals" | "spend" {
  return fields.map(normalizeHeader).includes("campaign") ? "spend" : "actuals";
}

export type Positions = Map<string, number>;

/** Where each expected column is; null (with errors) for a wrong header. */
export function columnPositions(
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
export class RowReader {
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
