import {
  COMMENT_SECTIONS,
  TEXT_FIELDS,
  anchorSection,
  type Anchor,
  type CommentSection,
  type RowSection,
  type ThreadJson,
} from "../../domain/comments";
import type { AnchorState } from "./comments-context";

/**
 * The plan page's list of threads as plain data work: document order,
 * the panel's filters, the counts on row and section buttons, and how a
 * thread that arrives from the event stream or an API answer replaces the
 * one already shown. Pure, so it is tested without a browser.
 */

/** The side panel's tabs. */
export const PANEL_FILTERS = ["open", "resolved", "mentions"] as const;
export type PanelFilter = (typeof PANEL_FILTERS)[number];

const SECTION_ORDER = new Map<CommentSection, number>(COMMENT_SECTIONS.map((section, i) => [section, i]));
const FIELD_ORDER = new Map(Object.keys(TEXT_FIELDS).map((field, i) => [field, i]));

/** Within a section: the section itself, then its text fields in page order (MQL before SQL), then rows. */
function partOf(anchor: Anchor): number {
  if (anchor.kind === "section") return -1;
  if (anchor.kind === "text") return FIELD_ORDER.get(anchor.field) ?? 0;
  return 0;
}

/**
 * Threads in the order their anchors appear on the page: by section, then
 * by part and position; detached anchors last in their section; the older
 * thread first on a tie. Threads without a state yet keep their section.
 */
export function sortThreads(
  threads: readonly ThreadJson[],
  states: ReadonlyMap<string, AnchorState>,
): ThreadJson[] {
  const key = (thread: ThreadJson) => {
    const state = states.get(thread.id);
    return {
      section: SECTION_ORDER.get(anchorSection(thread.anchor)) ?? COMMENT_SECTIONS.length,
      detached: state?.detached ? 1 : 0,
      part: partOf(thread.anchor),
      position: state?.position ?? 0,
    };
  };
  return [...threads]
    .map((thread) => ({ thread, key: key(thread) }))
    .sort(
      (a, b) =>
        a.key.section - b.key.section ||
        a.key.detached - b.key.detached ||
        a.key.part - b.key.part ||
        a.key.position - b.key.position ||
        a.thread.createdAt.localeCompare(b.thread.createdAt) ||
        a.thread.id.localeCompare(b.thread.id),
    )
    .map((entry) => entry.thread);
}

/** Whether a comment of the thread (not deleted) mentions this member. */
export function mentionsMember(thread: ThreadJson, userId: string): boolean {
  return thread.comments.some((c) => c.deletedAt === null && c.mentions.some((m) => m.id === userId));
}

export function filterThreads(
  threads: readonly ThreadJson[],
  filter: PanelFilter,
  userId: string,
): ThreadJson[] {
  if (filter === "open") return threads.filter((t) => t.status === "open");
  if (filter === "resolved") return threads.filter((t) => t.status === "resolved");
  return threads.filter((t) => mentionsMember(t, userId));
}

/** How many open threads hang on one row, on a whole section, and in total. */
export interface OpenCounts {
  rows: ReadonlyMap<string, number>;
  sections: ReadonlyMap<CommentSection, number>;
  total: number;
}

export function rowKey(section: RowSection, rowId: string): string {
  return `${section}:${rowId}`;
}

export function openCounts(threads: readonly ThreadJson[]): OpenCounts {
  const rows = new Map<string, number>();
  const sections = new Map<CommentSection, number>();
  let total = 0;
  for (const { anchor, status } of threads) {
    if (status !== "open") continue;
    total += 1;
    if (anchor.kind === "row") {
      const key = rowKey(anchor.section, anchor.rowId);
      rows.set(key, (rows.get(key) ?? 0) + 1);
    } else if (anchor.kind === "section") {
      sections.set(anchor.section, (sections.get(anchor.section) ?? 0) + 1);
    }
  }
  return { rows, sections, total };
}

/**
 * The latest moment the thread's JSON reflects: its last activity, its
 * resolution and the last edit or deletion of a comment. Used to keep a
 * newer copy when an older one arrives late.
 */
export function threadStamp(thread: ThreadJson): string {
  let stamp = thread.updatedAt;
  const later = (value: string | null) => {
    if (value && value > stamp) stamp = value;
  };
  later(thread.resolvedAt);
  for (const comment of thread.comments) {
    later(comment.createdAt);
    later(comment.editedAt);
    later(comment.deletedAt);
  }
  return stamp;
}

/**
 * The list with `thread` in it: added when new, replaced unless the shown
 * copy is newer. A copy with the same stamp replaces it (marking blocking
 * changes no timestamp).
 */
export function upsertThread(threads: readonly ThreadJson[], thread: ThreadJson): readonly ThreadJson[] {
  const at = threads.findIndex((t) => t.id === thread.id);
  if (at < 0) return [...threads, thread];
  if (threadStamp(threads[at]!) > threadStamp(thread)) return threads;
  const next = [...threads];
  next[at] = thread;
  return next;
}

/** A fresh list from the server, with the threads that arrived live while it was on its way laid over it. */
export function mergeFetched(
  fetched: readonly ThreadJson[],
  arrived: readonly ThreadJson[],
): readonly ThreadJson[] {
  return arrived.reduce(upsertThread, fetched);
}
