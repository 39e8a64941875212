import * as Y from "yjs";
import { SECTION } from "../plan/layout";
import { clipQuote, type TextField } from "./anchor";

/**
 * Text anchors in the plan's Y.Doc. A range is two RelativePositions: the
 * start sticks to the range's first character (assoc 0) and the end to its
 * last (assoc -1), so text typed at either edge stays outside, text typed
 * inside grows the range, and when every character of the range is deleted
 * both ends meet: the anchor is detached. Pure Yjs, so the editor, the server
 * and the tests resolve anchors the same way.
 */

/** A position as Yjs resolves it: an index into a shared type. */
export interface TypeIndex {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
  type: Y.AbstractType<any>;
  index: number;
}

/** Where an anchor lies now, in characters of the fragment's text (all its text nodes, in order). */
export interface ResolvedRange {
  from: number;
  to: number;
  /** The text the range covers now, whitespace runs as one space. */
  text: string;
}

/** The fragment a text field lives in, or null when the document has no usable one (never created here). */
export function textFieldFragment(doc: Y.Doc, field: TextField): Y.XmlFragment | null {
  try {
    if (field === "strategy" || field === "journey") {
      if (!doc.share.has(field)) return null;
      return doc.getXmlFragment(field);
    }
    if (!doc.share.has(SECTION.leadDefinitions)) return null;
    const value = doc.getMap<unknown>(SECTION.leadDefinitions).get(field);
    return value instanceof Y.XmlFragment ? value : null;
  } catch {
    return null;
  }
}

export function encodePosition(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The RelativePosition in `encoded`, or null when it is not one. */
export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** Encodes a range given as two absolute positions (from the editor's selection). */
export function encodeTextRange(start: TypeIndex, end: TypeIndex): { start: string; end: string } {
  return {
    start: encodePosition(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)),
  };
}

/** The text nodes of a fragment in document order. */
function textNodes(fragment: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const nodes: Y.XmlText[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement, depth: number) => {
    if (depth > 40) return;
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) nodes.push(child);
      else if (child instanceof Y.XmlElement) walk(child, depth + 1);
    }
  };
  walk(fragment, 0);
  return nodes;
}

function plainText(node: Y.XmlText): string {
  let text = "";
  for (const op of node.toDelta() as { insert?: unknown }[]) {
    text += typeof op.insert === "string" ? op.insert : " ";
  }
  return text;
}

/**
 * An anchor over characters `from..to` of the fragment's text, with its
 * quote: how tests, seeds and API clients without an editor start a thread.
 * Null when the range is empty or outside the text.
 */
export function textRangeAnchor(
  fragment: Y.XmlFragment,
  from: number,
  to: number,
): { start: string; end: string; quote: string } | null {
  if (!(from < to) || from < 0) return null;
  let offset = 0;
  let start: TypeIndex | null = null;
  let end: TypeIndex | null = null;
  for (const node of textNodes(fragment)) {
    const length = node.length;
    if (!start && from >= offset && from < offset + length) start = { type: node, index: from - offset };
    if (!end && to > offset && to <= offset + length) end = { type: node, index: to - offset };
    offset += length;
  }
  if (!start || !end) return null;
  return { ...encodeTextRange(start, end), quote: rangeText(fragment, from, to) };
}

/** The characters `from..to` of the fragment's text; text nodes (paragraphs) are joined with a space. */
function rangeText(fragment: Y.XmlFragment, from: number, to: number): string {
  const parts: string[] = [];
  let offset = 0;
  for (const node of textNodes(fragment)) {
    const text = plainText(node);
    const a = Math.max(from - offset, 0);
    const b = Math.min(to - offset, text.length);
    if (a < b) parts.push(text.slice(a, b));
    offset += text.length;
  }
  return clipQuote(parts.join(" "));
}

/**
 * Where a text anchor lies now, or null when it is detached: its text was
 * deleted, its paragraph removed, or a position does not decode or points
 * outside the fragment.
 */
export function resolveTextAnchor(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchor: { start: string; end: string },
): ResolvedRange | null {
  const startPosition = decodePosition(anchor.start);
  const endPosition = decodePosition(anchor.end);
  if (!startPosition || !endPosition) return null;
  const start = absolute(doc, fragment, startPosition);
  const end = absolute(doc, fragment, endPosition);
  if (!start || !end) return null;
  let offset = 0;
  let from = -1;
  let to = -1;
  for (const node of textNodes(fragment)) {
    if (node === start.type) from = offset + start.index;
    if (node === end.type) to = offset + end.index;
    offset += node.length;
  }
  if (from < 0 || to < 0 || from >= to) return null;
  const text = rangeText(fragment, from, to);
  return text ? { from, to, text } : null;
}

function absolute(doc: Y.Doc, fragment: Y.XmlFragment, position: Y.RelativePosition): TypeIndex | null {
  try {
    const resolved = Y.createAbsolutePositionFromRelativePosition(position, doc);
    if (!resolved || !(resolved.type instanceof Y.XmlText)) return null;
    const item = resolved.type._item;
    if (!item || item.deleted || !Y.isParentOf(fragment, item)) return null;
    // A removed ancestor (a deleted list item) leaves its text nodes alive but unreachable.
    for (let parent = item.parent; parent && parent !== fragment;) {
      const parentItem = (parent as Y.XmlElement)._item;
      if (!parentItem || parentItem.deleted) return null;
      parent = parentItem.parent;
    }
    return { type: resolved.type, index: resolved.index };
  } catch {
    return null;
  }
}
