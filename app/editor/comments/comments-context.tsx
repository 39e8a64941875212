import { createContext, useContext } from "react";
import type { Anchor, CommentSection, RowSection, ThreadJson } from "../../domain/comments";

/** Where a thread's anchor is now, as the plan page resolves it against the live document. */
export interface AnchorState {
  /** The anchored text or row is gone: the thread shows its quote, marked "detached". */
  detached: boolean;
  /** Sort key within the section: character offset of a text range, index of a row, -1 for the section itself. */
  position: number;
}

/**
 * The plan page's comments as the editor's parts see them: the live threads
 * of this plan, how to start one and how to open one in the side panel. The
 * rich-text editors highlight text anchors and start text threads, the table
 * rows and section headers show counts and start row and section threads,
 * and the panel lists and discusses them.
 */
export interface CommentsValue {
  /** Every thread of the plan (open and resolved), kept live by the event stream. */
  threads: readonly ThreadJson[];
  /** This member may start threads and reply (commenters, editors, owners). */
  mayComment: boolean;
  /** Opens the panel's composer for a new thread on this anchor. */
  startThread: (anchor: Anchor) => void;
  /** Shows this thread in the panel and makes it the active one. */
  openThread: (threadId: string) => void;
  /** The thread selected in the panel, or null. */
  activeThreadId: string | null;
  /**
   * Set when someone clicks a thread in the panel: the anchor's owner (a
   * rich-text editor, a row, a section) scrolls it into view and flashes it.
   * `seq` grows with every request, so a second click flashes again.
   */
  reveal: { threadId: string; seq: number } | null;
  /** Open threads on one table row, for the count on its comment button. */
  openCountForRow: (section: RowSection, rowId: string) => number;
  /** Open threads on a whole section (not its text or rows), for the count on its button. */
  openCountForSection: (section: CommentSection) => number;
}

export const CommentsContext = createContext<CommentsValue | null>(null);

/** The plan's comments; null outside a plan page (the editor then shows no comment controls). */
export function useComments(): CommentsValue | null {
  return useContext(CommentsContext);
}
