import type { ReactNode } from "react";
import { safeHref, type RichDoc, type RichMark, type RichNode } from "../../domain/plan";

/**
 * A rich-text section (ProseMirror JSON of the plan schema) as React
 * elements, read-only: versions, reviews and the print view. Only the
 * nodes and marks the plan schema knows become elements; text is always
 * text (React escapes it), and a link whose target `safeHref` refuses is
 * shown as its plain text. Headings start one level below the section's.
 */
export function RichTextView({ doc, headingBase = 2 }: { doc: RichDoc; headingBase?: number }) {
  const blocks = doc.content ?? [];
  if (isEmpty(blocks)) return <p className="muted plan-doc-empty">Nothing here.</p>;
  return <div className="plan-doc-rich">{blocks.map((node, i) => block(node, i, headingBase))}</div>;
}

function isEmpty(blocks: readonly RichNode[]): boolean {
  return blocks.every((node) => node.type === "paragraph" && !(node.content ?? []).length);
}

function children(node: RichNode, headingBase: number): ReactNode[] {
  return (node.content ?? []).map((child, i) => block(child, i, headingBase));
}

function block(node: RichNode, key: number, headingBase: number): ReactNode {
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{inline(node.content ?? [])}</p>;
    case "heading": {
      const level = Math.min(6, headingBase + Math.max(1, Number(node.attrs?.level ?? 2) - 1));
      const Tag = `h${level}` as "h3" | "h4" | "h5" | "h6";
      return <Tag key={key}>{inline(node.content ?? [])}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{children(node, headingBase)}</ul>;
    case "orderedList": {
      const start = Number.isInteger(node.attrs?.start) ? Number(node.attrs!.start) : undefined;
      return (
        <ol key={key} start={start}>
          {children(node, headingBase)}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children(node, headingBase)}</li>;
    case "blockquote":
      return <blockquote key={key}>{children(node, headingBase)}</blockquote>;
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{(node.content ?? []).map((t) => t.text ?? "").join("")}</code>
        </pre>
      );
    case "horizontalRule":
      return <hr key={key} />;
    default:
      // Anything else is read as its text, never as markup.
      return <p key={key}>{inline(node.content ?? [])}</p>;
  }
}

function inline(nodes: readonly RichNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "hardBreak") return <br key={i} />;
    if (typeof node.text !== "string") return null;
    return (node.marks ?? []).reduceRight<ReactNode>(
      (content, mark, m) => withMark(content, mark, `${i}-${m}`),
      node.text,
    );
  });
}

function withMark(content: ReactNode, mark: RichMark, key: string): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong key={key}>{content}</strong>;
    case "italic":
      return <em key={key}>{content}</em>;
    case "strike":
      return <s key={key}>{content}</s>;
    case "underline":
      return <u key={key}>{content}</u>;
    case "code":
      return <code key={key}>{content}</code>;
    case "link": {
      const href = safeHref(mark.attrs?.href);
      if (!href) return content;
      return (
        <a key={key} href={href} rel="noopener noreferrer nofollow" target="_blank">
          {content}
        </a>
      );
    }
    default:
      return content;
  }
}
