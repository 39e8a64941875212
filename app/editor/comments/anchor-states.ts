import * as Y from "yjs";
import { SECTION } from "../../domain/plan";
import {
  resolveTextAnchor,
  textFieldFragment,
  type Anchor,
  type RowSection,
  type ThreadJson,
} from "../../domain/comments";
import type { AnchorState } from "./comments-context";

/**
 * Where each thread's anchor lies in the live document: a text range by its
 * Yjs relative positions, a row by its id in the section's array, a section
 * always there. Detached anchors sort last (their position is the largest).
 */

const DETACHED: AnchorState = { detached: true, position: Number.MAX_SAFE_INTEGER };
const SECTION_STATE: AnchorState = { detached: false, position: -1 };

/** The index of each row id in one table section, read once per computation. */
function rowIndex(doc: Y.Doc, section: RowSection): Map<string, number> {
  const index = new Map<string, number>();
  if (!doc.share.has(SECTION[section])) return index;
  let array: Y.Array<unknown>;
  try {
    array = doc.getArray<unknown>(SECTION[section]);
  } catch {
    return index;
  }
  array.toArray().forEach((item, position) => {
    if (!(item instanceof Y.Map)) return;
    const id: unknown = item.get("id");
    if (typeof id === "string" && !index.has(id)) index.set(id, position);
  });
  return index;
}

export function anchorState(
  doc: Y.Doc,
  anchor: Anchor,
  rows: (section: RowSection) => Map<string, number>,
): AnchorState {
  if (anchor.kind === "section") return SECTION_STATE;
  if (anchor.kind === "row") {
    const position = rows(anchor.section).get(anchor.rowId);
    return position === undefined ? DETACHED : { detached: false, position };
  }
  const fragment = textFieldFragment(doc, anchor.field);
  const range = fragment ? resolveTextAnchor(doc, fragment, anchor) : null;
  return range ? { detached: false, position: range.from } : DETACHED;
}

/** Every thread's anchor state; each table is read at most once. */
export function anchorStates(doc: Y.Doc, threads: readonly ThreadJson[]): Map<string, AnchorState> {
  const tables = new Map<RowSection, Map<string, number>>();
  const rows = (section: RowSection) => {
    let index = tables.get(section);
    if (!index) {
      index = rowIndex(doc, section);
      tables.set(section, index);
    }
    return index;
  };
  return new Map(threads.map((thread) => [thread.id, anchorState(doc, thread.anchor, rows)]));
}

/** Whether two computations say the same, so React can keep the old map. */
export function sameStates(
  a: ReadonlyMap<string, AnchorState>,
  b: ReadonlyMap<string, AnchorState>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [id, state] of a) {
    const other = b.get(id);
    if (!other || other.detached !== state.detached || other.position !== state.position) return false;
  }
  return true;
}
