import { safeHref } from "./links";
import type { RichDoc, RichMark, RichNode } from "./rich-text";

/**
 * Plan rich text (ProseMirror JSON of `planSchema`) as CommonMark, for the
 * Markdown export. Whatever people typed stays text: every character Markdown
 * would read as syntax is escaped, raw HTML cannot get through, and a link
 * whose target `safeHref` refuses is written as its plain text.
 */

/** Characters escaped wherever they appear in text: Markdown syntax, HTML and table cells. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&#!]/g;

/** Text as Markdown that reads back as exactly this text. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/** Text for one table cell: escaped, on one line. */
export function escapeCell(text: string): string {
  return escapeInline(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

/**
 * A line of text that would start a list, a heading underline or a
 * numbered item if Markdown saw it at the beginning of a line.
 */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/**
 * A rich-text section as Markdown blocks. `headingBase` is the level the
 * section's own title has: the plan's level-2 headings become one deeper.
 */
export function richTextToMarkdown(doc: RichDoc, headingBase = 2): string {
  return blocks(doc.content ?? [], headingBase).join("\n\n");
}

function blocks(nodes: readonly RichNode[], headingBase: number): string[] {
  return nodes.map((node) => block(node, headingBase)).filter((text) => text.trim() !== "");
}

function block(node: RichNode, headingBase: number): string {
  switch (node.type) {
    case "paragraph":
      return paragraph(node);
    case "heading": {
      const level = Math.min(6, headingBase + Math.max(1, Number(node.attrs?.level ?? 2) - 1));
      const text = inline(node.content ?? []).replace(/\n/g, " ");
      return text.trim() ? `${"#".repeat(level)} ${text}` : "";
    }
    case "bulletList":
      return list(node, headingBase, () => "- ");
    case "orderedList": {
      const start = Number.isInteger(node.attrs?.start) ? Number(node.attrs!.start) : 1;
      return list(node, headingBase, (i) => `${start + i}. `);
    }
    case "blockquote":
      return prefixLines(blocks(node.content ?? [], headingBase).join("\n\n"), "> ", "> ");
    case "codeBlock":
      return codeBlock(node);
    case "horizontalRule":
      return "---";
    default:
      // planSchema has no other blocks; anything else is kept as its text.
      return paragraph(node);
  }
}

function paragraph(node: RichNode): string {
  return inline(node.content ?? [])
    .split("\n")
    .map(escapeLineStart)
    .join("\n");
}

function list(node: RichNode, headingBase: number, marker: (index: number) => string): string {
  return (node.content ?? [])
    .map((item, index) => {
      const children = item.content ?? [];
      const parts = children.map((child, i) => {
        const text = block(child, headingBase);
        const isList = child.type === "bulletList" || child.type === "orderedList";
        return i === 0 ? text : `${isList ? "\n" : "\n\n"}${text}`;
      });
      const head = marker(index);
      return prefixLines(parts.join(""), head, " ".repeat(head.length));
    })
    .join("\n");
}

function codeBlock(node: RichNode): string {
  const text = plainText(node);
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const language =
    typeof node.attrs?.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : "";
  return `${fence}${language}\n${text}\n${fence}`;
}

/** The first line gets `first`, the others `rest` (blank lines stay blank in lists). */
function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split("\n")
    .map((line, i) => {
      if (i === 0) return `${first}${line}`;
      return line === "" && rest.trim() === "" ? "" : `${rest}${line}`;
    })
    .join("\n");
}

function plainText(node: RichNode): string {
  if (typeof node.text === "string") return node.text;
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(plainText).join("");
}

/** Marks that wrap text, outermost first; `code` is written per text node; underline has no Markdown. */
const WRAPPING = ["link", "bold", "italic", "strike"] as const;
type Wrapping = (typeof WRAPPING)[number];
const OPEN: Record<Exclude<Wrapping, "link">, string> = { bold: "**", italic: "*", strike: "~~" };

interface OpenMark {
  type: Wrapping;
  href?: string;
}

function wrappingMarks(marks: readonly RichMark[] | undefined): OpenMark[] {
  const found: OpenMark[] = [];
  for (const type of WRAPPING) {
    const mark = marks?.find((m) => m.type === type);
    if (!mark) continue;
    if (type === "link") {
      const href = safeHref(mark.attrs?.href);
      if (href) found.push({ type, href });
    } else {
      found.push({ type });
    }
  }
  return found;
}

const sameMark = (a: OpenMark, b: OpenMark) => a.type === b.type && a.href === b.href;

function closeMark(mark: OpenMark): string {
  if (mark.type !== "link") return OPEN[mark.type];
  // Angle brackets allow any URL characters; the few that would end them are percent-encoded.
  const href = mark.href!.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
  return `](<${href}>)`;
}

/**
 * Inline content with marks opened and closed as a stack (as
 * prosemirror-markdown does), so neighbouring nodes that share a mark share
 * its delimiters. Whitespace is kept outside the delimiters, where
 * CommonMark needs it for emphasis to count.
 */
function inline(nodes: readonly RichNode[]): string {
  let out = "";
  const open: OpenMark[] = [];
  let pendingSpace = "";
  const closeTo = (depth: number) => {
    while (open.length > depth) out += closeMark(open.pop()!);
  };
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      closeTo(0);
      out += `${pendingSpace}\\\n`;
      pendingSpace = "";
      continue;
    }
    const text = typeof node.text === "string" ? node.text : plainText(node);
    if (text === "") continue;
    const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
    if (core === "") {
      pendingSpace += text;
      continue;
    }
    const marks = wrappingMarks(node.marks);
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) keep++;
    closeTo(keep);
    out += pendingSpace + lead;
    for (const mark of marks.slice(keep)) {
      out += mark.type === "link" ? "[" : OPEN[mark.type];
      open.push(mark);
    }
    const isCode = node.marks?.some((m) => m.type === "code") ?? false;
    out += isCode ? codeSpan(core) : escapeInline(core);
    pendingSpace = trail;
  }
  closeTo(0);
  return out + pendingSpace;
}

function codeSpan(text: string): string {
  const flat = text.replace(/\n/g, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
