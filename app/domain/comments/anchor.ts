import { z } from "zod";
import { CONTENT_SECTIONS, SECTION, type ContentSection, type SectionName } from "../plan/layout";

/**
 * Where a comment thread hangs in the plan (DESIGN.md section 4): a range of
 * rich text (two encoded Yjs RelativePositions, so it follows concurrent
 * edits), a table row (its stable id), or a whole section. The quote is what
 * the anchor covered when the thread started: shown when the text or row is
 * gone (the thread is then "detached").
 */

/** The rich-text fragments a text anchor can point into, and the section each belongs to. */
export const TEXT_FIELDS = {
  strategy: SECTION.strategy,
  journey: SECTION.journey,
  mqlCriteria: SECTION.leadDefinitions,
  sqlCriteria: SECTION.leadDefinitions,
} as const satisfies Record<string, SectionName>;
export type TextField = keyof typeof TEXT_FIELDS;

/** The table sections whose rows can carry threads. */
export const ROW_SECTIONS = ["targetMarkets", "revenueGoals", "campaigns", "glossary"] as const;
export type RowSection = (typeof ROW_SECTIONS)[number];

/** Every section a thread can be about, in the plan page's reading order. */
export const COMMENT_SECTIONS = CONTENT_SECTIONS;
export type CommentSection = ContentSection;

/** The longest quote kept with an anchor; longer selections are cut with an ellipsis. */
export const MAX_QUOTE_LENGTH = 500;
/** An encoded RelativePosition is a few dozen bytes; anything much longer is not one. */
const MAX_POSITION_LENGTH = 512;

const encodedPosition = z
  .string()
  .min(1, "The anchor's position is missing.")
  .max(MAX_POSITION_LENGTH, "The anchor's position is not a Yjs relative position.")
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The anchor's position must be base64.");

const quote = z
  .string()
  .max(MAX_QUOTE_LENGTH * 2, `Keep the quote under ${MAX_QUOTE_LENGTH} characters.`)
  .transform((text) => clipQuote(text));

export const TextAnchorSchema = z.object({
  kind: z.literal("text"),
  field: z.enum(Object.keys(TEXT_FIELDS) as [TextField, ...TextField[]], {
    error: "Choose one of the plan's text sections.",
  }),
  /** base64 of `Y.encodeRelativePosition` of the range's first character (assoc 0). */
  start: encodedPosition,
  /** base64 of `Y.encodeRelativePosition` just after the range's last character (assoc -1). */
  end: encodedPosition,
  quote: quote.refine((text) => text.trim().length > 0, "Select some text to comment on."),
});

export const RowAnchorSchema = z.object({
  kind: z.literal("row"),
  section: z.enum(ROW_SECTIONS, {
    error: "Rows can be commented on in markets, goals, campaigns and glossary.",
  }),
  rowId: z.uuid({ error: "The row id must be a UUID." }),
  /** How the row was called when the thread started (its segment, name or term). */
  quote: quote.default(""),
});

export const SectionAnchorSchema = z.object({
  kind: z.literal("section"),
  section: z.enum(COMMENT_SECTIONS, { error: "Choose one of the plan's sections." }),
});

export const AnchorSchema = z.discriminatedUnion(
  "kind",
  [TextAnchorSchema, RowAnchorSchema, SectionAnchorSchema],
  {
    error: "The anchor must be a text range, a table row or a section.",
  },
);

export type TextAnchor = z.output<typeof TextAnchorSchema>;
export type RowAnchor = z.output<typeof RowAnchorSchema>;
export type SectionAnchor = z.output<typeof SectionAnchorSchema>;
export type Anchor = z.output<typeof AnchorSchema>;

/** The section an anchor belongs to, for ordering and labels. */
export function anchorSection(anchor: Anchor): CommentSection {
  return anchor.kind === "text" ? TEXT_FIELDS[anchor.field] : anchor.section;
}

/** Whitespace runs become one space; past MAX_QUOTE_LENGTH the quote ends with "…". */
export function clipQuote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_QUOTE_LENGTH ? flat : `${flat.slice(0, MAX_QUOTE_LENGTH - 1)}…`;
}
