/**
 * The comment button of a table row or a section header: a speech bubble,
 * with the number of open threads beside it when there are any. Readers who
 * may not comment still get it when there is something to read.
 */
export function CommentCountButton({
  label,
  count,
  variant,
  onClick,
}: {
  /** "Comment on Fintech webinar". */
  label: string;
  count: number;
  variant: "row" | "section";
  onClick: () => void;
}) {
  const name = count > 0 ? `${label}, ${count === 1 ? "1 open thread" : `${count} open threads`}` : label;
  return (
    <button
      type="button"
      className={`comment-count-button is-${variant}${count > 0 ? " has-threads" : ""}`}
      aria-label={name}
      title={name}
      onClick={onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M5 5h14v10H9l-4 4z" />
      </svg>
      {count > 0 ? (
        <span aria-hidden="true">{count}</span>
      ) : variant === "section" ? (
        <span aria-hidden="true">Comment</span>
      ) : null}
    </button>
  );
}
