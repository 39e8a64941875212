import { Fragment, useState } from "react";
import type { CommentJson, ThreadJson } from "../../domain/comments";
import { ActionError } from "./action-error";
import { CommentComposer, type ComposerMember } from "./comment-composer";
import { CommentItem } from "./comment-item";

/** What a thread hangs on, as the panel words it. */
export interface AnchorView {
  /** The section's name, e.g. "Campaigns". */
  section: string;
  /** "“data platform”", "Row: Fintech webinar" or "Whole section": the quote stays when the anchor is gone. */
  what: string;
  /** The anchored text or row is gone: shown with a "Detached" badge beside the quote. */
  detached: boolean;
}

type Result = Promise<string | null>;

export interface ThreadActions {
  select: () => void;
  reply: (input: { body: string; mentions: string[] }) => Result;
  edit: (commentId: string, input: { body: string; mentions: string[] }) => Result;
  remove: (commentId: string) => Result;
  setStatus: (status: "open" | "resolved") => Result;
  setBlocking: (blocking: boolean) => Result;
  /** Starts another thread on the same row or section; absent where that makes no sense. */
  startAnother?: () => void;
}

/**
 * One thread in the side panel. Collapsed it shows its anchor, badges, the
 * first comment and the latest; the active one shows every comment, the actions this
 * member may take and the reply box. Its anchor line is the button that
 * makes it active and shows the anchor in the plan.
 */
export function ThreadCard({
  thread,
  anchor,
  active,
  meId,
  mayReply,
  mayModerate,
  mayChange,
  members,
  actions,
}: {
  thread: ThreadJson;
  anchor: AnchorView;
  active: boolean;
  meId: string;
  mayReply: boolean;
  mayModerate: boolean;
  mayChange: (comment: CommentJson) => boolean;
  members: readonly ComposerMember[];
  actions: ThreadActions;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolved = thread.status === "resolved";
  // Collapsed: the first comment and the latest, with how many lie between.
  const all = thread.comments;
  const shown = active || all.length <= 2 ? all : [all[0]!, all[all.length - 1]!];
  const more = all.length - shown.length;
  const titleId = `thread-${thread.id}-title`;

  const run = async (action: () => Result) => {
    setBusy(true);
    setError(await action());
    setBusy(false);
  };

  return (
    <article
      className={`thread-card${active ? " is-active" : ""}${resolved ? " is-resolved" : ""}`}
      aria-labelledby={titleId}
      data-thread-id={thread.id}
      onClick={(event) => {
        // A click anywhere on a collapsed thread opens it; the anchor button is the keyboard's way in.
        if (active || (event.target as Element).closest("a, button, textarea, input, label")) return;
        actions.select();
      }}
    >
      <header className="thread-head">
        <button
          type="button"
          className="thread-anchor"
          id={titleId}
          aria-expanded={active}
          onClick={actions.select}
        >
          <span className="thread-section">{anchor.section}</span>
          <span className="thread-what clamp">{anchor.what}</span>
        </button>
        <span className="thread-badges">
          {thread.blocking ? <span className="badge blocking">Blocking</span> : null}
          {anchor.detached ? (
            <span className="badge detached" title="The text or row this thread was about is gone">
              Detached
            </span>
          ) : null}
          {resolved ? <span className="badge resolved">Resolved</span> : null}
        </span>
      </header>
      <ol className="comment-list">
        {shown.map((comment, index) => (
          <Fragment key={comment.id}>
            {index === 1 && more > 0 ? (
              <li className="thread-more">
                <button type="button" className="link-button" onClick={actions.select}>
                  {more === 1 ? "1 more reply" : `${more} more replies`}
                </button>
              </li>
            ) : null}
            <CommentItem
              comment={comment}
              meId={meId}
              canChange={active && mayChange(comment)}
              members={members}
              onEdit={(input) => actions.edit(comment.id, input)}
              onDelete={() => actions.remove(comment.id)}
            />
          </Fragment>
        ))}
      </ol>
      {active && resolved && thread.resolvedBy ? (
        <p className="thread-note muted">Resolved by {thread.resolvedBy.name}.</p>
      ) : null}
      {active && mayModerate ? (
        <div className="thread-actions" role="group" aria-label="Thread actions">
          <button
            type="button"
            className="button secondary small"
            disabled={busy}
            onClick={() => run(() => actions.setStatus(resolved ? "open" : "resolved"))}
          >
            {resolved ? "Reopen" : "Resolve"}
          </button>
          <button
            type="button"
            className="button secondary small"
            disabled={busy}
            onClick={() => run(() => actions.setBlocking(!thread.blocking))}
          >
            {thread.blocking ? "Unmark blocking" : "Mark as blocking"}
          </button>
        </div>
      ) : null}
      <ActionError message={error} />
      {active && mayReply && resolved ? (
        <p className="thread-note muted">Reopen the thread to reply.</p>
      ) : null}
      {active && mayReply && !resolved ? (
        <CommentComposer
          label="Reply"
          placeholder="Reply…"
          submitLabel="Reply"
          members={members}
          onSubmit={actions.reply}
        />
      ) : null}
      {active && actions.startAnother ? (
        <button type="button" className="link-button thread-another" onClick={actions.startAnother}>
          {thread.anchor.kind === "row" ? "New thread on this row" : "New thread on this section"}
        </button>
      ) : null}
    </article>
  );
}
