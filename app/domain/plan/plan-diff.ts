import { COLUMNS, TABLE_SECTIONS, type TableSection } from "./columns";
import type { RichDoc, RichNode } from "./rich-text";
import type { PlanSections } from "./schemas";
import { countWords, diffWords, type WordPart } from "./word-diff";

/**
 * What changed between two versions of a plan, section by section: rich
 * text as words added and removed, tables as rows added, removed and cells
 * changed (rows matched by their id, so a reorder is not a change), and the
 * single fields of the header and the lead definitions. Reviewers read it
 * before signing; restores and "changed since submitted" show it.
 */

/** A cell (or field) with its value before and after; values as the projection holds them. */
export interface CellChange {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface TextDiff {
  kind: "text";
  /** strategy, journey, mqlCriteria or sqlCriteria. */
  field: RichTextField;
  parts: WordPart[];
  added: number;
  removed: number;
}

export interface TableDiff {
  kind: "table";
  section: TableSection;
  added: Record<string, unknown>[];
  removed: Record<string, unknown>[];
  changed: { id: string; row: Record<string, unknown>; cells: CellChange[] }[];
}

export interface FieldsDiff {
  kind: "fields";
  section: "meta" | "leadDefinitions";
  cells: CellChange[];
}

export type SectionDiff = TextDiff | TableDiff | FieldsDiff;

export const RICH_TEXT_FIELDS = ["strategy", "mqlCriteria", "sqlCriteria", "journey"] as const;
export type RichTextField = (typeof RICH_TEXT_FIELDS)[number];

/** The changed parts of the plan, in the page's reading order; empty when both are the same. */
export function diffPlans(before: PlanSections, after: PlanSections): SectionDiff[] {
  const diffs: (SectionDiff | null)[] = [
    diffFields("meta", before.meta, after.meta),
    diffText("strategy", before.strategy, after.strategy),
    ...TABLE_SECTIONS.filter((s) => s !== "glossary").map((s) => diffTable(s, before[s], after[s])),
    diffText("mqlCriteria", before.leadDefinitions.mqlCriteria, after.leadDefinitions.mqlCriteria),
    diffText("sqlCriteria", before.leadDefinitions.sqlCriteria, after.leadDefinitions.sqlCriteria),
    diffFields(
      "leadDefinitions",
      { handoffFields: before.leadDefinitions.handoffFields, slaHours: before.leadDefinitions.slaHours },
      { handoffFields: after.leadDefinitions.handoffFields, slaHours: after.leadDefinitions.slaHours },
    ),
    diffText("journey", before.journey, after.journey),
    diffTable("glossary", before.glossary, after.glossary),
  ];
  return diffs.filter((d): d is SectionDiff => d !== null);
}

/** A rich-text section as plain text: one line per block, list items included. */
export function richPlainText(doc: RichDoc): string {
  const lines: string[] = [];
  const walk = (node: RichNode) => {
    if (node.type === "paragraph" || node.type === "heading") {
      lines.push(inlineText(node));
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return lines.join("\n").trim();
}

function inlineText(node: RichNode): string {
  if (typeof node.text === "string") return node.text;
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function diffText(field: RichTextField, before: RichDoc, after: RichDoc): TextDiff | null {
  const a = richPlainText(before);
  const b = richPlainText(after);
  if (a === b) return null;
  const parts = diffWords(a, b);
  return { kind: "text", field, parts, ...countWords(parts) };
}

function diffTable(
  section: TableSection,
  before: readonly { id: string }[],
  after: readonly { id: string }[],
): TableDiff | null {
  const old = new Map(before.map((row) => [row.id, row as Record<string, unknown> & { id: string }]));
  const now = new Map(after.map((row) => [row.id, row as Record<string, unknown> & { id: string }]));
  const columns = COLUMNS[section] as Record<string, { label: string }>;
  const added = after.filter((row) => !old.has(row.id)) as Record<string, unknown>[];
  const removed = before.filter((row) => !now.has(row.id)) as Record<string, unknown>[];
  const changed: TableDiff["changed"] = [];
  for (const row of after) {
    const previous = old.get(row.id);
    if (!previous) continue;
    const cells = changedCells(previous, row as Record<string, unknown>, columns);
    if (cells.length) changed.push({ id: row.id, row: row as Record<string, unknown>, cells });
  }
  if (!added.length && !removed.length && !changed.length) return null;
  return { kind: "table", section, added, removed, changed };
}

function diffFields(
  section: "meta" | "leadDefinitions",
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldsDiff | null {
  const cells = changedCells(before, after, COLUMNS[section] as Record<string, { label: string }>);
  return cells.length ? { kind: "fields", section, cells } : null;
}

function changedCells(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  columns: Record<string, { label: string }>,
): CellChange[] {
  const cells: CellChange[] = [];
  for (const [key, spec] of Object.entries(columns)) {
    if (key === "id") continue;
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    cells.push({ key, label: spec.label, before: before[key] ?? null, after: after[key] ?? null });
  }
  return cells;
}
