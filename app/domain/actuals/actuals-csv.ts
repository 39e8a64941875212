import { CsvReader, csvField, type CsvRecord } from "./csv-parse";
import { columnPositions, headerKind, RowReader, type Positions } from "./csv-row-reader";
import { periodMonths } from "./months";
import type { ActualsRow, CampaignSpendRow } from "./schemas";

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

/** How far a check has come: characters of the file read (`done` of `total`) and rows read so far. */
export interface CsvCheckProgress {
  done: number;
  total: number;
  rows: number;
}

/**
 * A check of one file that runs as far as it is asked to: `step(2000)`
 * reads and checks the next 2,000 records and returns, so a browser tab
 * or the server can do other work between slices. Stepped to the end it
 * gives exactly what `validateActualsCsv` gives. It also keeps the header
 * and the first `sample` records as they are in the file, for a preview.
 */
export class ActualsCsvCheck {
  readonly result: ActualsCsvResult = { kind: null, rows: [], spend: [], errors: [] };
  /** The header's fields as written, once read. */
  header: string[] | null = null;
  /** The first records after the header, as written. */
  readonly sample: CsvRecord[] = [];
  private readonly reader: CsvReader;
  private readonly rowReader: RowReader;
  private readonly sampleSize: number;
  private positions: Positions | null = null;
  private width = 0;
  private rowsRead = 0;
  private finished = false;

  constructor(text: string, context: ActualsCsvContext, options: { sample?: number } = {}) {
    this.reader = new CsvReader(text);
    this.rowReader = new RowReader(context, this.result.errors);
    this.sampleSize = options.sample ?? 0;
  }

  get done(): boolean {
    return this.finished;
  }

  get progress(): CsvCheckProgress {
    return { done: this.reader.position, total: this.reader.length, rows: this.rowsRead };
  }

  /** Reads and checks up to `records` more records; true once the whole file is checked. */
  step(records: number): boolean {
    for (let n = 0; n < records && !this.finished; n += 1) {
      const record = this.reader.next();
      if (record === null) this.finish();
      else if (this.header === null) this.readHeader(record);
      else this.readRow(record);
    }
    return this.finished;
  }

  private readHeader(header: CsvRecord): void {
    this.header = header.fields;
    this.width = header.fields.length;
    const kind = headerKind(header.fields);
    this.positions = columnPositions(
      header,
      kind === "spend" ? SPEND_COLUMNS : ACTUALS_COLUMNS,
      this.result.errors,
    );
    if (this.positions) this.result.kind = kind;
    // A wrong header says it all: the rows cannot be read against it.
    else this.finished = true;
  }

  private readRow(record: CsvRecord): void {
    this.rowsRead += 1;
    if (this.sample.length < this.sampleSize) this.sample.push(record);
    const { result } = this;
    if (record.fields.length !== this.width) {
      result.errors.push({
        line: record.line,
        message: `Expected ${this.width} values, found ${record.fields.length}.`,
      });
      return;
    }
    const positions = this.positions as Positions;
    if (result.kind === "spend") {
      const row = this.rowReader.spendRow(record, positions);
      if (row) result.spend.push(row);
    } else {
      const row = this.rowReader.actualsRow(record, positions);
      if (row) result.rows.push(row);
    }
  }

  private finish(): void {
    this.finished = true;
    const { result } = this;
    const quoteLine = this.reader.unclosedQuoteLine;
    if (quoteLine !== null) {
      // Everything after a runaway quote is one field: report only the quote.
      result.kind = null;
      result.rows = [];
      result.spend = [];
      result.errors.splice(0, result.errors.length, {
        line: quoteLine,
        message: "A quote opened on this line is never closed.",
      });
      return;
    }
    if (this.header === null) {
      result.errors.push({
        line: 1,
        message: `The file is empty. Start with the header: ${ACTUALS_COLUMNS.join(",")}`,
      });
    }
  }
}

/** Reads either template, resolving names to ids and checking every row, in one go. */
export function validateActualsCsv(text: string, context: ActualsCsvContext): ActualsCsvResult {
  const check = new ActualsCsvCheck(text, context);
  check.step(Infinity);
  return check.result;
}
