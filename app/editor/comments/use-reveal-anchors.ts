import { useEffect } from "react";
import type { ThreadJson } from "../../domain/comments";
import { sectionAnchor } from "../plan-sections";
import type { CommentsValue } from "./comments-context";

/** The class that makes a row or section flash (app/styles/comments.css); removed after the animation. */
export const FLASH_CLASS = "comment-flash";
const FLASH_MS = 1_600;

/**
 * Answers `reveal` for the anchors rows and sections own: scrolls the row
 * (or the whole section) into view and flashes it. Text anchors are
 * revealed by their rich-text editor. A detached row's thread shows its
 * section instead, where the row used to be.
 */
export function useRevealAnchors(reveal: CommentsValue["reveal"], threads: readonly ThreadJson[]): void {
  // Only a new request (seq) flashes; threads changing later must not flash again.
  const seq = reveal?.seq ?? 0;
  const threadId = reveal?.threadId ?? null;
  const anchor = threads.find((thread) => thread.id === threadId)?.anchor ?? null;
  const target =
    anchor?.kind === "row"
      ? `${anchor.section}:${anchor.rowId}`
      : anchor?.kind === "section"
        ? anchor.section
        : null;

  useEffect(() => {
    if (!target || seq === 0) return;
    const [section, rowId] = target.split(":") as [string, string | undefined];
    const card = document.getElementById(sectionAnchor(section as Parameters<typeof sectionAnchor>[0]));
    const row = rowId ? card?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"]`) : null;
    const element = row ?? card;
    if (!element) return;
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: row ? "center" : "start" });
    element.classList.remove(FLASH_CLASS);
    // Restart the animation when the same anchor is revealed twice in a row.
    void element.offsetWidth;
    element.classList.add(FLASH_CLASS);
    const timer = setTimeout(() => element.classList.remove(FLASH_CLASS), FLASH_MS);
    return () => {
      clearTimeout(timer);
      element.classList.remove(FLASH_CLASS);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one flash per request: `seq` decides, not `target` changing later
  }, [seq]);
}
