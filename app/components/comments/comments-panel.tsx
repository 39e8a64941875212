import { useEffect, useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";

export type PanelFilterKey = "open" | "resolved" | "mentions";

const FILTER_LABELS: Record<PanelFilterKey, string> = {
  open: "Open",
  resolved: "Resolved",
  mentions: "Mentioning me",
};

/** At this width and below the panel is a drawer over the plan (app/styles/comments.css agrees). */
const OVERLAY_QUERY = "(max-width: 900px)";

function subscribeOverlay(notify: () => void) {
  const query = window.matchMedia(OVERLAY_QUERY);
  query.addEventListener("change", notify);
  return () => query.removeEventListener("change", notify);
}

/** Whether the panel is a drawer now; the server renders it closed, so "no" is a safe first answer. */
function useOverlay(): boolean {
  return useSyncExternalStore(
    subscribeOverlay,
    () => window.matchMedia(OVERLAY_QUERY).matches,
    () => false,
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), textarea, input, select, [tabindex]:not([tabindex="-1"])';

/**
 * The comments side panel: its heading and close button, the filters with
 * their counts, a note for readers, the new-thread form, then the threads,
 * or the loading, error or empty state. Beside the plan on wide screens; on
 * narrow ones a drawer over it that takes the focus, keeps Tab inside,
 * closes with Escape and gives the focus back.
 */
export function CommentsPanel({
  id,
  open,
  filter,
  counts,
  onFilter,
  loading,
  error,
  onRetry,
  notice,
  draft,
  emptyText,
  announcement,
  onClose,
  children,
}: {
  id: string;
  open: boolean;
  filter: PanelFilterKey;
  counts: Record<PanelFilterKey, number>;
  onFilter: (filter: PanelFilterKey) => void;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  /** Said above the list, e.g. that a viewer cannot comment. */
  notice: string | null;
  /** The new-thread form, when one is being started. */
  draft: ReactNode;
  /** Shown when the filter leaves no thread (null: there are threads). */
  emptyText: string | null;
  /** What the last action did, for screen readers ("Thread resolved."). */
  announcement: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const overlay = useOverlay();
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open || !overlay) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!panel.current?.contains(document.activeElement)) heading.current?.focus();
    const back = returnTo;
    return () => back.current?.focus();
  }, [open, overlay]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!overlay) return;
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === heading.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  if (!open) return null;
  return (
    <>
      {overlay ? <div className="comments-backdrop" aria-hidden="true" onClick={onClose} /> : null}
      <aside
        ref={panel}
        id={id}
        className={`comments-panel${overlay ? " is-overlay" : ""}`}
        aria-labelledby={`${id}-title`}
        role={overlay ? "dialog" : "complementary"}
        aria-modal={overlay ? true : undefined}
        onKeyDown={onKeyDown}
      >
        <header className="comments-panel-head">
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
            Comments
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Close comments"
            title="Close comments"
            onClick={onClose}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                d="M6 6l12 12M18 6L6 18"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </button>
        </header>
        <div className="comments-filters" role="group" aria-label="Show threads">
          {(Object.keys(FILTER_LABELS) as PanelFilterKey[]).map((key) => (
            <button
              key={key}
              type="button"
              className="comments-filter"
              aria-pressed={filter === key}
              onClick={() => onFilter(key)}
            >
              {FILTER_LABELS[key]} <span className="filter-count">{counts[key]}</span>
            </button>
          ))}
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <div className="comments-scroll">
          {notice ? <p className="comments-notice">{notice}</p> : null}
          {draft}
          {loading ? (
            <p className="comments-state" role="status">
              <span className="spinner" aria-hidden="true" /> Loading comments…
            </p>
          ) : error ? (
            <div className="comments-state alert error" role="alert">
              <p>The comments could not be loaded. {error}</p>
              <button type="button" className="button secondary small" onClick={onRetry}>
                Try again
              </button>
            </div>
          ) : emptyText ? (
            <p className="comments-state comments-empty">{emptyText}</p>
          ) : (
            <div className="thread-list">{children}</div>
          )}
        </div>
      </aside>
    </>
  );
}
