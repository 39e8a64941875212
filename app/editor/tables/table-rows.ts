import * as Y from "yjs";
import { COLUMNS, SECTION, isUuid, readCell, type RowOf, type TableSection } from "../../domain/plan";

/**
 * The rows of one table section as React reads them: plain objects, read
 * cell by cell the way the projection reads them (so the funnel computed from
 * them is the projection's funnel), and *stable*: a row that did not change
 * keeps its object, and an array whose rows did not change keeps its array.
 * That is what lets `useSyncExternalStore` skip renders and `memo` rows skip
 * work when a neighbour row is typed into.
 */

export type TableRow<S extends TableSection> = RowOf[S];

/** The section's shared array, or null when a raw peer defined the name with another type. */
export function tableArray(doc: Y.Doc, section: TableSection): Y.Array<unknown> | null {
  try {
    return doc.getArray<unknown>(SECTION[section]);
  } catch {
    return null;
  }
}

/** One row map as the projection reads it: every known key, wrong types read as empty. */
export function readRowMap<S extends TableSection>(section: S, map: Y.Map<unknown>): TableRow<S> {
  const columns = COLUMNS[section] as Readonly<Record<string, Parameters<typeof readCell>[0]>>;
  const row: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(columns)) row[key] = readCell(spec, map.get(key));
  return row as TableRow<S>;
}

/**
 * The visible rows, in array order. Like the projection, an item that is not
 * a Y.Map, has no valid UUID or repeats an earlier row's id is left out (two
 * people moving one row at once can leave two copies; the first one counts).
 */
export function readTableRows<S extends TableSection>(array: Y.Array<unknown>, section: S): Array<TableRow<S>> {
  const seen = new Set<string>();
  const rows: Array<TableRow<S>> = [];
  for (const item of array.toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const id: unknown = item.get("id");
    if (!isUuid(id) || seen.has(id)) continue;
    seen.add(id);
    rows.push(readRowMap(section, item as Y.Map<unknown>));
  }
  return rows;
}

/** `next`, with every row equal to the previous row of that id replaced by that previous object. */
export function reuseRows<R extends { id: string }>(previous: readonly R[], next: readonly R[]): readonly R[] {
  const byId = new Map(previous.map((row) => [row.id, row]));
  const merged = next.map((row) => {
    const old = byId.get(row.id);
    return old && sameCells(old, row) ? old : row;
  });
  const unchanged = merged.length === previous.length && merged.every((row, i) => row === previous[i]);
  return unchanged ? previous : merged;
}

function sameCells(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.is(left[key], right[key]));
}

/** A `useSyncExternalStore` source over one table. */
export interface RowsStore<S extends TableSection> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => ReadonlyArray<TableRow<S>>;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Watches one Y.Array with `observeDeep`, so a cell edit in this table (or
 * an insert, delete or move) refreshes it and edits anywhere else in the
 * document do not. The array is observed only while someone listens; the
 * snapshot is refreshed on subscribe for changes made in between.
 */
export function createRowsStore<S extends TableSection>(array: Y.Array<unknown> | null, section: S): RowsStore<S> {
  if (!array) return { subscribe: () => () => {}, getSnapshot: () => EMPTY };
  const listeners = new Set<() => void>();
  let snapshot: ReadonlyArray<TableRow<S>> = readTableRows(array, section);
  const refresh = (): boolean => {
    const next = reuseRows(snapshot, readTableRows(array, section));
    if (next === snapshot) return false;
    snapshot = next;
    return true;
  };
  const onChange = () => {
    if (refresh()) for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        array.observeDeep(onChange);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) array.unobserveDeep(onChange);
      };
    },
    getSnapshot() {
      // Nobody observes the array: read it now (reuseRows keeps the answer stable).
      if (listeners.size === 0) refresh();
      return snapshot;
    },
  };
}

const stores = new WeakMap<Y.Doc, Map<TableSection, RowsStore<TableSection>>>();

/** The one store of a table per document, shared by every component that shows its rows. */
export function rowsStore<S extends TableSection>(doc: Y.Doc, section: S): RowsStore<S> {
  let byDoc = stores.get(doc);
  if (!byDoc) {
    byDoc = new Map();
    stores.set(doc, byDoc);
  }
  let store = byDoc.get(section);
  if (!store) {
    store = createRowsStore(tableArray(doc, section), section) as RowsStore<TableSection>;
    byDoc.set(section, store);
  }
  return store as unknown as RowsStore<S>;
}
