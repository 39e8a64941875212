import { TABLE_SECTIONS, type TableSection } from "./columns";
import { PlanContentSchema } from "./schemas";

/**
 * Is this projection a complete, consistent plan? The server asks before a
 * version is stored for review or signed; the UI shows the same list as
 * "to do before sign-off", each issue pointing at its cell. It does not
 * block saving edits: a plan being written is allowed to be incomplete.
 */

/** One problem, located so the UI can mark the cell and a comment can anchor to the row. */
export interface PlanIssue {
  /** Top-level section (`meta`, `campaigns`, ...), or "" when the whole plan is unreadable. */
  section: string;
  /** The row's id for a table section, else null. */
  rowId: string | null;
  /** The cell key (`end`, `winRate`, `title`), or null for a whole row or section. */
  key: string | null;
  /** The zod path, e.g. `["campaigns", 3, "end"]`. */
  path: Array<string | number>;
  /** A sentence for people: "The end date is before the start date." */
  message: string;
}

export interface PlanValidation {
  ok: boolean;
  issues: PlanIssue[];
}

export const MISSING_MARKET = "This target market is no longer in the plan.";
export const DUPLICATE_ID = "Another row has the same id.";

/**
 * Validates a projection (or any JSON claiming to be one) with
 * `PlanContentSchema` plus the rules between rows: ids unique per table,
 * target-market references pointing at a market of this plan. The derived
 * figures are not checked: the server recomputes them with `projectPlan`.
 */
export function validateProjection(content: unknown): PlanValidation {
  try {
    const parsed = PlanContentSchema.safeParse(content);
    const schemaIssues = parsed.success
      ? []
      : parsed.error.issues.map((issue) => toIssue(content, issue.path, issue.message));
    const issues = [...schemaIssues, ...crossRowIssues(content)];
    return { ok: issues.length === 0, issues };
  } catch {
    return {
      ok: false,
      issues: [{ section: "", rowId: null, key: null, path: [], message: "The plan could not be read." }],
    };
  }
}

function toIssue(content: unknown, rawPath: ReadonlyArray<PropertyKey>, message: string): PlanIssue {
  const path = rawPath.map((part) => (typeof part === "number" ? part : String(part)));
  const [section = "", second, third] = path;
  if (isTable(section) && typeof second === "number") {
    return {
      section,
      rowId: rowIdAt(content, section, second),
      key: third === undefined ? null : String(third),
      path,
      message,
    };
  }
  const key = section === "meta" || section === "leadDefinitions" ? second : undefined;
  return {
    section: String(section),
    rowId: null,
    key: key === undefined ? null : String(key),
    path,
    message,
  };
}

function crossRowIssues(content: unknown): PlanIssue[] {
  const marketIds = new Set(rowsOf(content, "targetMarkets").map((row) => row.id));
  const issues: PlanIssue[] = [];
  for (const section of TABLE_SECTIONS) {
    const seen = new Set<unknown>();
    rowsOf(content, section).forEach((row, index) => {
      if (typeof row.id === "string" && seen.has(row.id)) {
        issues.push(toIssue(content, [section, index, "id"], DUPLICATE_ID));
      }
      seen.add(row.id);
      const ref = row.targetMarketId;
      if (section !== "targetMarkets" && typeof ref === "string" && !marketIds.has(ref)) {
        issues.push(toIssue(content, [section, index, "targetMarketId"], MISSING_MARKET));
      }
    });
  }
  return issues;
}

function isTable(section: unknown): section is TableSection {
  return (TABLE_SECTIONS as readonly unknown[]).includes(section);
}

function rowsOf(content: unknown, section: TableSection): Array<Record<string, unknown>> {
  if (typeof content !== "object" || content === null) return [];
  const rows: unknown = (content as Record<string, unknown>)[section];
  if (!Array.isArray(rows)) return [];
  return rows.map((row) => (typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {}));
}

function rowIdAt(content: unknown, section: TableSection, index: number): string | null {
  const id = rowsOf(content, section)[index]?.id;
  return typeof id === "string" ? id : null;
}
