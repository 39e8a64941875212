import { useId, useState } from "react";
import { CommentComposer, type ComposerMember } from "./comment-composer";
import type { AnchorView } from "./thread-card";

/**
 * Starting a thread: what it will hang on, the first comment, and whether
 * it is an objection that must be settled before sign-off.
 */
export function NewThreadForm({
  anchor,
  members,
  onSubmit,
  onCancel,
}: {
  anchor: AnchorView;
  members: readonly ComposerMember[];
  onSubmit: (input: { body: string; mentions: string[]; blocking: boolean }) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [blocking, setBlocking] = useState(false);
  const headingId = useId();
  return (
    <section className="thread-card new-thread" aria-labelledby={headingId}>
      <h3 id={headingId} className="new-thread-title">
        New comment
      </h3>
      <p className="new-thread-anchor">
        <span className="thread-section">{anchor.section}</span>
        <span className="thread-what clamp">{anchor.what}</span>
      </p>
      <CommentComposer
        label="Comment"
        placeholder="Add a comment… Type @ to mention someone."
        submitLabel="Comment"
        members={members}
        autoFocus
        extra={
          <label className="checkbox blocking-check">
            <input
              type="checkbox"
              checked={blocking}
              onChange={(event) => setBlocking(event.target.checked)}
            />
            Mark as blocking
            <span className="muted">(must be settled before sign-off)</span>
          </label>
        }
        onSubmit={(input) => onSubmit({ ...input, blocking })}
        onCancel={onCancel}
      />
    </section>
  );
}
