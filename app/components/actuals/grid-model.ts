import {
  ActualsRowSchema,
  CampaignSpendRowSchema,
  type ActualsRow,
  type CampaignSpendRow,
  type NamedRef,
  type PlanActuals,
} from "../../domain/actuals";

/**
 * The actuals grids as data: which rows and columns they have, the text in
 * each cell (stored or typed), and each typed row checked with the API's own
 * zod schemas before anything is sent. A month never entered has empty
 * cells, not zeros; a row is sent only once every one of its cells holds a
 * number, so a forgotten cell is never stored as 0.
 */

/** The two grids, named like the lists of POST /api/plans/:planId/actuals. */
export type GridKind = "rows" | "spend";

export interface GridColumn {
  /** The field of the API row. */
  key: string;
  label: string;
  /** An amount of the plan's currency (decimals allowed) rather than a whole count. */
  money: boolean;
}

export const GRID_COLUMNS: Record<GridKind, readonly GridColumn[]> = {
  rows: [
    { key: "revenueWon", label: "Revenue won", money: true },
    { key: "dealsWon", label: "Deals won", money: false },
    { key: "pipelineCreated", label: "Pipeline created", money: true },
    { key: "mqls", label: "MQLs", money: false },
    { key: "sqls", label: "SQLs", money: false },
    { key: "leadsHandedOff", label: "Leads handed off", money: false },
    { key: "leadsFollowedUpInSla", label: "Followed up within SLA", money: false },
  ],
  spend: [
    { key: "spend", label: "Spend", money: true },
    { key: "mqls", label: "MQLs", money: false },
  ],
};

/** The field that names the market or campaign of a row. */
const REF_FIELD = { rows: "targetMarketId", spend: "campaignId" } as const;

/** One row of a grid: a market (or campaign) and a month. */
export interface GridRow {
  key: string;
  refId: string;
  refName: string;
  month: string;
  /** The first month of its market or campaign, which starts a group. */
  first: boolean;
}

/** Text of each cell of a row, by field. */
export type CellTexts = Record<string, string>;
/** Cell texts by row key. */
export type GridTexts = Record<string, CellTexts>;

export const rowKey = (refId: string, month: string) => `${refId}|${month}`;

/** Every market (or campaign) × every month of the period, in the plan's order. */
export function gridRows(refs: readonly NamedRef[], months: readonly string[]): GridRow[] {
  return refs.flatMap((ref) =>
    months.map((month, index) => ({
      key: rowKey(ref.id, month),
      refId: ref.id,
      refName: ref.name.trim() || "Untitled",
      month,
      first: index === 0,
    })),
  );
}

/** The stored rows of one grid as cell texts; months never entered are absent. */
export function storedTexts(kind: GridKind, actuals: PlanActuals): GridTexts {
  const list: ReadonlyArray<Record<string, unknown>> = kind === "rows" ? actuals.rows : actuals.spend;
  const texts: GridTexts = {};
  for (const row of list) {
    const cells: CellTexts = {};
    for (const column of GRID_COLUMNS[kind]) cells[column.key] = String(row[column.key] ?? "");
    texts[rowKey(String(row[REF_FIELD[kind]]), String(row.month))] = cells;
  }
  return texts;
}

/** The text of a cell: typed if typed, else stored, else empty. */
export function cellText(typed: CellTexts | undefined, stored: CellTexts | undefined, key: string): string {
  return typed?.[key] ?? stored?.[key] ?? "";
}

/** True when typing has made a row differ from what is stored. */
export function rowChanged(
  kind: GridKind,
  typed: CellTexts | undefined,
  stored: CellTexts | undefined,
): boolean {
  if (!typed) return false;
  return GRID_COLUMNS[kind].some((c) => (typed[c.key] ?? stored?.[c.key] ?? "") !== (stored?.[c.key] ?? ""));
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * What a person typed, as the schema's input: "" is no value, `1,200.50`
 * and ` 1200 ` are numbers, anything else stays text for the schema to
 * refuse with its own message.
 */
export function typedValue(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/\s+/g, "");
  if (trimmed === "") return undefined;
  const plain = GROUPED.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  return NUMBER.test(plain) ? Number(plain) : trimmed;
}

export interface RowCheck {
  /** Every cell holds something. */
  complete: boolean;
  /** Messages of cells that hold something wrong. */
  cells: Record<string, string>;
  /** A problem of the row as a whole (its month or market), if any. */
  row: string | null;
  /** The row as the API takes it, when complete and valid. */
  value: ActualsRow | CampaignSpendRow | null;
}

/** Checks one row with the API's schema; empty cells make it incomplete rather than wrong. */
export function checkRow(kind: GridKind, row: GridRow, texts: (key: string) => string): RowCheck {
  const candidate: Record<string, unknown> = { [REF_FIELD[kind]]: row.refId, month: row.month };
  const empty = new Set<string>();
  for (const column of GRID_COLUMNS[kind]) {
    const value = typedValue(texts(column.key));
    if (value === undefined) empty.add(column.key);
    candidate[column.key] = value;
  }
  const schema = kind === "rows" ? ActualsRowSchema : CampaignSpendRowSchema;
  const parsed = schema.safeParse(candidate);
  const check: RowCheck = { complete: empty.size === 0, cells: {}, row: null, value: null };
  if (parsed.success) {
    check.value = parsed.data;
    return check;
  }
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (empty.has(field)) continue;
    if (GRID_COLUMNS[kind].some((c) => c.key === field)) check.cells[field] ??= issue.message;
    else check.row ??= issue.message;
  }
  return check;
}

/** Errors the server gave for cells and rows, by grid and row key. */
export interface ServerErrors {
  cells: Record<string, string>;
  row: string | null;
}

/**
 * The 400's `fieldErrors` (`rows.3.revenueWon`, `spend.0.month`) mapped to
 * the rows that were sent, by their keys; anything else is `general`.
 */
export function mapServerErrors(
  fieldErrors: Record<string, string[]>,
  sent: Record<GridKind, readonly string[]>,
): { byRow: Record<GridKind, Record<string, ServerErrors>>; general: string[] } {
  const byRow: Record<GridKind, Record<string, ServerErrors>> = { rows: {}, spend: {} };
  const general: string[] = [];
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const message = messages[0];
    if (!message) continue;
    const [list, index, field] = path.split(".");
    const kind = list === "rows" || list === "spend" ? list : null;
    const key = kind ? sent[kind][Number(index)] : undefined;
    if (!kind || key === undefined) {
      general.push(message);
      continue;
    }
    const errors = (byRow[kind][key] ??= { cells: {}, row: null });
    if (field && GRID_COLUMNS[kind].some((c) => c.key === field)) errors.cells[field] ??= message;
    else errors.row ??= message;
  }
  return { byRow, general };
}

/** The id of a cell's input, for labels, error messages and moving the focus. */
export function cellInputId(kind: GridKind, key: string, field: string): string {
  return `actuals-${kind}-${key.replace("|", "-")}-${field}`;
}
