import { useEffect, useRef, useState } from "react";
import type { CommentJson } from "../../domain/comments";
import { Avatar } from "../person";
import { RelativeTime } from "../relative-time";
import { CommentBody } from "./comment-body";
import { ActionError } from "./action-error";
import { CommentComposer, type ComposerMember } from "./comment-composer";

/**
 * One comment of a thread: who (in their team's colour), when, the body,
 * "(edited)", or "Comment deleted" in its place. Its author edits it in
 * place and deletes it after an inline "Delete this comment?".
 */
export function CommentItem({
  comment,
  meId,
  canChange,
  members,
  onEdit,
  onDelete,
}: {
  comment: CommentJson;
  meId: string;
  canChange: boolean;
  members: readonly ComposerMember[];
  onEdit: (input: { body: string; mentions: string[] }) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (mode === "confirm") confirmButton.current?.focus();
    if (mode === "view" && returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [mode]);

  const back = () => {
    returnFocus.current = true;
    setMode("view");
  };
  const deleted = comment.deletedAt !== null || comment.body === null;

  return (
    <li className={`comment-item${deleted ? " is-deleted" : ""}`}>
      <div className="comment-meta">
        <Avatar name={comment.author.name} team={comment.author.team} />
        <span className="comment-author">{comment.author.name}</span>
        <RelativeTime iso={comment.createdAt} className="comment-time" />
        {comment.editedAt && !deleted ? (
          <span className="comment-edited" title="This comment was edited">
            (edited)
          </span>
        ) : null}
      </div>
      {deleted ? (
        <p className="comment-body comment-deleted">Comment deleted</p>
      ) : mode === "edit" ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          members={members}
          initialBody={comment.body ?? ""}
          autoFocus
          onSubmit={async (input) => {
            const refused = await onEdit(input);
            if (!refused) back();
            return refused;
          }}
          onCancel={back}
        />
      ) : (
        <CommentBody body={comment.body ?? ""} mentions={comment.mentions} meId={meId} />
      )}
      {mode === "confirm" ? (
        <div
          className="comment-confirm"
          role="group"
          aria-label="Delete this comment?"
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            back();
          }}
        >
          <span aria-hidden="true">Delete this comment?</span>
          <button
            ref={confirmButton}
            type="button"
            className="button danger small"
            onClick={async () => {
              const refused = await onDelete();
              setError(refused);
              if (!refused) setMode("view");
            }}
          >
            Delete
          </button>
          <button type="button" className="button secondary small" onClick={back}>
            Cancel
          </button>
        </div>
      ) : null}
      {canChange && !deleted && mode === "view" ? (
        <div className="comment-actions">
          <button ref={editButton} type="button" className="link-button" onClick={() => setMode("edit")}>
            Edit<span className="visually-hidden"> your comment</span>
          </button>
          <button type="button" className="link-button danger" onClick={() => setMode("confirm")}>
            Delete<span className="visually-hidden"> your comment</span>
          </button>
        </div>
      ) : null}
      <ActionError message={error} />
    </li>
  );
}
