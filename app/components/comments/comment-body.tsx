import { useMemo } from "react";
import { segmentBody } from "../../domain/comments";

/**
 * A comment's text as React nodes only: text, mention chips and links that
 * passed `safeHref`, opening in a new tab without a window handle. A body
 * of `<img src=x onerror=alert(1)>` is shown as those characters; nothing
 * here ever reaches the DOM as markup.
 */
export function CommentBody({
  body,
  mentions,
  meId,
}: {
  body: string;
  mentions: readonly { id: string; name: string }[];
  /** A mention of the reader is drawn a little stronger. */
  meId?: string;
}) {
  const segments = useMemo(
    () =>
      segmentBody(
        body,
        mentions.map((m) => ({ userId: m.id, name: m.name })),
      ),
    [body, mentions],
  );
  return (
    <p className="comment-body">
      {segments.map((segment, i) => {
        if (segment.type === "mention")
          return (
            <span key={i} className={`mention-chip${segment.userId === meId ? " is-me" : ""}`}>
              {segment.text}
            </span>
          );
        if (segment.type === "link")
          return (
            <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
              {segment.text}
            </a>
          );
        return <span key={i}>{segment.text}</span>;
      })}
    </p>
  );
}
