import { useSyncExternalStore } from "react";
import type { TableSection } from "../../domain/plan";
import { usePlanEditor } from "../plan-editor-context";
import { presenceStore, type TablePresence } from "./cell-presence";
import { rowsStore, type TableRow } from "./table-rows";

/**
 * The React side of the binding: one `useSyncExternalStore` per table over
 * the stores of table-rows.ts and cell-presence.ts. A component re-renders
 * when its table's rows change (observeDeep on that array only) or when who
 * is in its cells changes, never for edits elsewhere in the plan.
 */

const NO_ROWS: readonly never[] = Object.freeze([]);
const NONE = { subscribe: () => () => {}, getSnapshot: () => NO_ROWS };

/** The rows of a table, live; the same array while nothing in it changed. */
export function useTableRows<S extends TableSection>(section: S): ReadonlyArray<TableRow<S>>;
export function useTableRows<S extends TableSection>(section: S | null): ReadonlyArray<TableRow<S>>;
export function useTableRows<S extends TableSection>(section: S | null): ReadonlyArray<TableRow<S>> {
  const { doc } = usePlanEditor();
  const store = section ? rowsStore(doc, section) : NONE;
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** Who else is in which cell of a table, live. */
export function useTablePresence(section: TableSection): TablePresence {
  const { awareness, me } = usePlanEditor();
  const store = presenceStore(awareness, section, me.userId);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
