import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import {
  clipQuote,
  encodeTextRange,
  type TextAnchor,
  type TextField,
  type TypeIndex,
} from "../../domain/comments";

/**
 * The anchor of the current selection in a rich-text field: its two ends as
 * Yjs positions (through the sync binding's mapping) encoded as the thread
 * stores them, and the selected text as the quote. Null when nothing (or
 * only whitespace) is selected or the document is not bound yet.
 */
export function selectionAnchor(state: EditorState, field: TextField): TextAnchor | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const quote = clipQuote(state.doc.textBetween(from, to, " ", " "));
  if (!quote) return null;
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } | null } | undefined;
  if (!sync?.binding) return null;
  const at = (pos: number) => typeIndex(sync.doc, sync.type, sync.binding!.mapping, pos);
  // A selection may start or end between blocks: step inward to the nearest text.
  let start: TypeIndex | null = null;
  for (let pos = from; !start && pos < Math.min(to, from + 4); pos++) start = at(pos);
  let end: TypeIndex | null = null;
  for (let pos = to; !end && pos > Math.max(from, to - 4); pos--) end = at(pos);
  if (!start || !end) return null;
  return { kind: "text", field, ...encodeTextRange(start, end), quote };
}

function typeIndex(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: Map<unknown, unknown>,
  pos: number,
): TypeIndex | null {
  const relative = absolutePositionToRelativePosition(pos, fragment, mapping as never);
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  return { type: absolute.type, index: absolute.index };
}
