/**
 * The plan bar's "Comments" button: opens and closes the side panel and
 * says how many threads are open.
 */
export function CommentsToggle({
  open,
  openThreads,
  controls,
  onToggle,
}: {
  open: boolean;
  openThreads: number;
  /** The panel's id. */
  controls: string;
  onToggle: () => void;
}) {
  const count = openThreads === 1 ? "1 open thread" : `${openThreads} open threads`;
  return (
    <button
      type="button"
      className={`button secondary small comments-toggle${open ? " is-open" : ""}`}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M5 5h14v10H9l-4 4z" />
      </svg>
      <span className="comments-toggle-label">Comments</span>
      {openThreads > 0 ? (
        <span className="count-pill" aria-hidden="true">
          {openThreads}
        </span>
      ) : null}
      <span className="visually-hidden">, {count}</span>
    </button>
  );
}
