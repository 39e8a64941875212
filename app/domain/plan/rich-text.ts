import { Node as PmNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { HEADING_LEVELS, planSchema } from "./extensions";
import { safeHref } from "./links";

/**
 * Rich text between Yjs and plain JSON. The projection reads a section's
 * Y.XmlFragment into ProseMirror JSON that is valid for `planSchema`, whatever
 * a raw peer wrote into it; the template and copies write such JSON back.
 */

/** A ProseMirror node as JSON (what `node.toJSON()` gives and TipTap's `getJSON()` returns). */
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}

export interface RichMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A whole rich-text section: a `doc` node of `planSchema`. */
export interface RichDoc {
  type: "doc";
  content: RichNode[];
}

/** Yjs elements nested deeper than this are read as one paragraph of their text: never real content. */
const READ_DEPTH = 40;
/** JSON nested deeper than this is not repaired but dropped: recursion must not blow the stack. */
const JSON_DEPTH = 200;

/** The empty section, as the editor leaves it when everything is deleted. */
export function emptyRichDoc(): RichDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/**
 * The fragment as ProseMirror JSON valid for `planSchema`. Never throws.
 * Reads the fragment as `yXmlFragmentToProsemirrorJSON` does, but skips what
 * that function would throw on (hooks, embeds, values a raw peer pushed),
 * then `sanitizeRichDoc` repairs the rest block by block.
 */
export function readRichText(fragment: Y.XmlFragment | null | undefined): RichDoc {
  if (!(fragment instanceof Y.XmlFragment)) return emptyRichDoc();
  try {
    return sanitizeRichDoc({ type: "doc", content: readChildren(fragment, 0) });
  } catch {
    return emptyRichDoc();
  }
}

/**
 * Any JSON as a `RichDoc` valid for `planSchema`. Blocks the schema refuses
 * become a paragraph of their text (text is never lost); unknown marks and
 * unsafe links are dropped; heading levels are kept within 2–3.
 */
export function sanitizeRichDoc(json: unknown): RichDoc {
  const blocks = isRecord(json) && Array.isArray(json.content) ? json.content : [];
  const content = blocks.flatMap((block) => sanitizeBlock(block));
  return content.length > 0 ? { type: "doc", content } : emptyRichDoc();
}

/**
 * Replaces the fragment's content with `json` (sanitized first). Existing
 * blocks that already match are kept, so writing into a live fragment
 * disturbs as little as possible.
 */
export function writeRichText(fragment: Y.XmlFragment, json: unknown): void {
  prosemirrorJSONToYXmlFragment(planSchema, sanitizeRichDoc(json), fragment);
}

/**
 * True when `json` is a doc `planSchema` accepts as is, with safe links only:
 * what `sanitizeRichDoc` returns. The server's validation asks this.
 */
export function isPlanRichDoc(json: unknown): boolean {
  try {
    const node = PmNode.fromJSON(planSchema, json);
    node.check();
    if (node.type.name !== "doc") return false;
    let safe = true;
    node.descendants((child) => {
      const link = child.marks.find((mark) => mark.type.name === "link");
      if (link && safeHref(link.attrs.href) !== link.attrs.href) safe = false;
      return safe;
    });
    return safe;
  } catch {
    return false;
  }
}

/** The text of a rich doc, one line per block, for search and plain-text export. */
export function richTextToPlainText(doc: RichDoc): string {
  return doc.content
    .map((block) => textOf(block))
    .join("\n")
    .trim();
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number): RichNode[] {
  return parent.toArray().flatMap((child) => readNode(child, depth));
}

function readNode(item: unknown, depth: number): RichNode[] {
  if (item instanceof Y.XmlText) return readText(item);
  if (!(item instanceof Y.XmlElement)) return [];
  if (depth > READ_DEPTH) return deepText(item);
  const node: RichNode = { type: item.nodeName };
  const attrs = item.getAttributes();
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const content = readChildren(item, depth + 1);
  if (content.length > 0) node.content = content;
  return [node];
}

function readText(text: Y.XmlText): RichNode[] {
  const delta = text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>;
  return delta.flatMap((op) => {
    if (typeof op.insert !== "string" || op.insert === "") return [];
    const node: RichNode = { type: "text", text: op.insert };
    if (op.attributes) node.marks = Object.entries(op.attributes).map(([name, attrs]) => toMark(name, attrs));
    return [node];
  });
}

/** Text under a too-deep element, read with Yjs' iterative tree walker rather than recursion. */
function deepText(item: Y.XmlElement): RichNode[] {
  const texts = Array.from(item.createTreeWalker((node) => node instanceof Y.XmlText));
  const text = texts
    .flatMap((node) => (node instanceof Y.XmlText ? readText(node) : []))
    .map((node) => node.text);
  const joined = text.join(" ").trim();
  return joined ? [{ type: "paragraph", content: [{ type: "text", text: joined }] }] : [];
}

// y-tiptap stores overlapping marks as `name--<8 char hash>`.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

function toMark(yName: string, attrs: unknown): RichMark {
  const type = HASHED_MARK.exec(yName)?.[1] ?? yName;
  return isRecord(attrs) ? { type, attrs } : { type };
}

function sanitizeBlock(raw: unknown): RichNode[] {
  try {
    const node = PmNode.fromJSON(planSchema, cleanNode(raw, 0));
    node.check();
    if (!node.type.isBlock) throw new Error("not a block");
    return [node.toJSON() as RichNode];
  } catch {
    const text = textOf(raw).trim();
    return text ? [{ type: "paragraph", content: [{ type: "text", text }] }] : [];
  }
}

/** Structural repair before the schema has its say: drops what cannot be mapped, keeps the rest. */
function cleanNode(raw: unknown, depth: number): unknown {
  if (!isRecord(raw) || typeof raw.type !== "string") return raw;
  if (depth > JSON_DEPTH) throw new Error("too deep");
  const node: Record<string, unknown> = { type: raw.type };
  if (raw.type === "text") node.text = raw.text;
  const attrs = cleanAttrs(raw.type, raw.attrs);
  if (attrs) node.attrs = attrs;
  if (Array.isArray(raw.content)) {
    node.content = raw.content
      .filter((child) => !isDroppable(child))
      .map((child) => cleanNode(child, depth + 1));
  }
  if (Array.isArray(raw.marks)) node.marks = uniqueByType(raw.marks.flatMap((mark) => cleanMark(mark)));
  return node;
}

/** A non-object, or an empty or non-string text node: ProseMirror refuses it, and it carries nothing worth keeping. */
function isDroppable(raw: unknown): boolean {
  if (!isRecord(raw)) return true;
  return raw.type === "text" && (typeof raw.text !== "string" || raw.text === "");
}

function uniqueByType(marks: RichMark[]): RichMark[] {
  return marks.filter((mark, i) => marks.findIndex((other) => other.type === mark.type) === i);
}

function cleanAttrs(type: string, attrs: unknown): Record<string, unknown> | undefined {
  const given = isRecord(attrs) ? attrs : {};
  const primitive = Object.fromEntries(Object.entries(given).filter(([, value]) => isPrimitive(value)));
  if (type === "heading") primitive.level = clampHeading(primitive.level);
  return Object.keys(primitive).length > 0 ? primitive : undefined;
}

function clampHeading(level: unknown): number {
  const n = typeof level === "number" ? level : Number(level);
  const [min, max] = [HEADING_LEVELS[0], HEADING_LEVELS[HEADING_LEVELS.length - 1] ?? HEADING_LEVELS[0]];
  if (!Number.isFinite(n)) return min;
  return Math.min(max, Math.max(min, Math.round(n)));
}

function cleanMark(raw: unknown): RichMark[] {
  if (!isRecord(raw) || typeof raw.type !== "string") return [];
  if (!Object.hasOwn(planSchema.marks, raw.type)) return [];
  const attrs = cleanAttrs(raw.type, raw.attrs);
  if (raw.type !== "link") return attrs ? [{ type: raw.type, attrs }] : [{ type: raw.type }];
  const href = safeHref(attrs?.href);
  return href ? [{ type: "link", attrs: { ...attrs, href } }] : [];
}

function textOf(raw: unknown, depth = 0): string {
  if (!isRecord(raw) || depth > JSON_DEPTH) return "";
  if (typeof raw.text === "string") return raw.text;
  if (!Array.isArray(raw.content)) return "";
  const separator = raw.type === "paragraph" || raw.type === "heading" ? "" : " ";
  return raw.content
    .map((child) => textOf(child, depth + 1))
    .filter(Boolean)
    .join(separator);
}

function isPrimitive(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
