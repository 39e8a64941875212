import * as Y from "yjs";
import {
  CampaignRowSchema,
  GlossaryRowSchema,
  RevenueGoalRowSchema,
  TargetMarketRowSchema,
  blankRow,
  isUuid,
  parseCell,
  rowMap,
  SECTION,
  type CellKeyOf,
  type RowOf,
  type TableSection,
} from "../../domain/plan";
import { readRowMap, readTableRows, tableArray } from "./table-rows";

/**
 * Every change the tables make to the document. Each is one
 * `doc.transact(fn, origin)` with the editor's own origin, so the person's
 * UndoManager (which tracks that origin only) undoes it as one step, and
 * nothing reaches the document that the plan's schemas refuse.
 */

export type CommitResult = { ok: true; changed: boolean } | { ok: false; message: string };

export const ROW_GONE = "Someone else deleted this row.";

const ROW_SCHEMAS = {
  targetMarkets: TargetMarketRowSchema,
  revenueGoals: RevenueGoalRowSchema,
  campaigns: CampaignRowSchema,
  glossary: GlossaryRowSchema,
} as const;

/**
 * Cells that row-level rules tie together: a new start date can make the
 * (unchanged) end date wrong, so a rule's message about either refuses both.
 */
const LINKED_KEYS: Partial<Record<TableSection, Readonly<Record<string, readonly string[]>>>> = {
  campaigns: { start: ["start", "end"], end: ["start", "end"] },
};

/** The array index of the first row map with this id (the one the table shows), or -1. */
export function findRowIndex(array: Y.Array<unknown>, rowId: string): number {
  return array.toArray().findIndex((item) => item instanceof Y.Map && item.get("id") === rowId);
}

/**
 * Parses what was typed into one cell, validates it alone (parseCell) and
 * then within its row (the row schema, e.g. "The end date is before the start
 * date."), and writes it only when both accept it. A refused value never
 * reaches the document; an unchanged one is not written (no empty undo step).
 */
export function commitCell<S extends TableSection>(
  doc: Y.Doc,
  section: S,
  rowId: string,
  key: CellKeyOf<S>,
  raw: string,
  origin: object,
): CommitResult {
  const parsed = parseCell(section, key, raw);
  if (!parsed.ok) return parsed;
  const array = tableArray(doc, section);
  const index = array ? findRowIndex(array, rowId) : -1;
  const map = index < 0 || !array ? null : (array.get(index) as Y.Map<unknown>);
  if (!map) return { ok: false, message: ROW_GONE };
  const refusal = rowRefusal(section, key, { ...readRowMap(section, map), [key]: parsed.value });
  if (refusal) return { ok: false, message: refusal };
  if (map.has(key) && Object.is(map.get(key), parsed.value)) return { ok: true, changed: false };
  doc.transact(() => map.set(key, parsed.value), origin);
  return { ok: true, changed: true };
}

/**
 * The message of a row-level rule broken by this cell's new value, if any.
 * Other gaps of the row (a campaign without a channel yet) do not block the
 * edit: a plan being filled in is allowed to be incomplete.
 */
export function rowRefusal(section: TableSection, key: string, candidate: Record<string, unknown>): string | null {
  const result = ROW_SCHEMAS[section].safeParse(candidate);
  if (result.success) return null;
  const keys = LINKED_KEYS[section]?.[key] ?? [key];
  const issue = result.error.issues.find((i) => keys.includes(String(i.path[0])));
  return issue ? issue.message : null;
}

/**
 * Row-level problems already in the document (two people set start and end
 * at once, each valid alone), by key, so the table can point at them. Only
 * rules between cells: empty required cells of a row being filled in are not
 * problems yet.
 */
export function storedRowIssues(section: TableSection, row: object): Readonly<Record<string, string>> {
  const linked = new Set(Object.values(LINKED_KEYS[section] ?? {}).flat());
  if (linked.size === 0) return NO_ISSUES;
  const result = ROW_SCHEMAS[section].safeParse(row);
  if (result.success) return NO_ISSUES;
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    if (linked.has(key) && !issues[key]) issues[key] = issue.message;
  }
  return Object.keys(issues).length ? issues : NO_ISSUES;
}
const NO_ISSUES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Appends a blank row (blankRow + rowMap: every key present, a fresh UUID
 * made here) and returns its id, so the table can focus its first cell.
 */
export function addRow<S extends TableSection>(
  doc: Y.Doc,
  section: S,
  origin: object,
  values: Partial<RowOf[S]> = {},
): string {
  const row = { ...blankRow(section), ...values, id: crypto.randomUUID() } as RowOf[S];
  doc.transact(() => {
    doc.getArray<unknown>(SECTION[section]).push([rowMap(section, row)]);
  }, origin);
  return row.id;
}

/**
 * What a new row starts with beyond blankRow: a revenue goal takes the
 * plan's period and the first target market that has no goal yet, which is
 * what people add one for nearly every time.
 */
export function suggestedValues<S extends TableSection>(doc: Y.Doc, section: S): Partial<RowOf[S]> {
  if (section !== "revenueGoals") return {};
  const period: unknown = doc.getMap<unknown>(SECTION.meta).get("period");
  const markets = tableArray(doc, "targetMarkets");
  const goals = tableArray(doc, "revenueGoals");
  const withGoal = new Set(goals ? readTableRows(goals, "revenueGoals").map((goal) => goal.targetMarketId) : []);
  const free = markets ? readTableRows(markets, "targetMarkets").find((market) => !withGoal.has(market.id)) : undefined;
  const values: Partial<RowOf["revenueGoals"]> = {
    period: typeof period === "string" ? period : "",
    targetMarketId: free?.id ?? null,
  };
  return values as Partial<RowOf[S]>;
}

/**
 * Deletes the row, and any stray copies of its id (see moveRow), in one
 * transaction: one undo step brings it back with its id, so comments
 * anchored to it find it again.
 */
export function deleteRow(doc: Y.Doc, section: TableSection, rowId: string, origin: object): boolean {
  const array = tableArray(doc, section);
  if (!array) return false;
  const indices = indicesOf(array, rowId);
  if (indices.length === 0) return false;
  doc.transact(() => {
    for (const index of indices.reverse()) array.delete(index, 1);
  }, origin);
  return true;
}

/**
 * Moves a row one place up (-1) or down (+1) among the visible rows and
 * returns its new position (0-based), or null when it cannot move.
 *
 * Yjs has no move for arrays, so in ONE transaction the row's Y.Map is
 * deleted and a new one with the same content and the same id (comments
 * stay anchored) is inserted beside its neighbour. Known cost: a cell edit
 * another person makes on this row while the move travels lands on the
 * deleted map and is lost; and if two people move the same row at once,
 * both inserts survive as two maps with one id. Readers show the first copy
 * only (like the projection), and the next move or delete removes the rest.
 */
export function moveRow<S extends TableSection>(
  doc: Y.Doc,
  section: S,
  rowId: string,
  direction: -1 | 1,
  origin: object,
): number | null {
  const array = tableArray(doc, section);
  if (!array) return null;
  const visible = visibleIndices(array);
  const position = visible.findIndex((entry) => entry.id === rowId);
  const neighbour = visible[position + direction];
  const from = visible[position];
  if (position < 0 || !neighbour || !from) return null;
  doc.transact(() => {
    const content = readRowMap(section, array.get(from.index) as Y.Map<unknown>);
    const strays = indicesOf(array, rowId).filter((index) => index !== from.index);
    // Remove from the end so earlier indices stay valid; count what went before the neighbour.
    const removed = [from.index, ...strays].sort((a, b) => b - a);
    for (const index of removed) array.delete(index, 1);
    const neighbourNow = neighbour.index - removed.filter((index) => index < neighbour.index).length;
    // Up: take the neighbour's place (it shifts down). Down: go right after it.
    array.insert(direction < 0 ? neighbourNow : neighbourNow + 1, [rowMap(section, content)]);
  }, origin);
  return position + direction;
}

function indicesOf(array: Y.Array<unknown>, rowId: string): number[] {
  const indices: number[] = [];
  array.forEach((item, index) => {
    if (item instanceof Y.Map && item.get("id") === rowId) indices.push(index);
  });
  return indices;
}

/** The array index of each visible row (first of each valid id), in order. */
function visibleIndices(array: Y.Array<unknown>): Array<{ id: string; index: number }> {
  const seen = new Set<string>();
  const entries: Array<{ id: string; index: number }> = [];
  array.forEach((item, index) => {
    const id: unknown = item instanceof Y.Map ? item.get("id") : null;
    if (!isUuid(id) || seen.has(id)) return;
    seen.add(id);
    entries.push({ id, index });
  });
  return entries;
}
