import { useEffect, useMemo, useState } from "react";
import { CommentsPanel, type PanelFilterKey } from "../../components/comments/comments-panel";
import { CommentsToggle } from "../../components/comments/comments-toggle";
import { NewThreadForm } from "../../components/comments/new-thread-form";
import { ThreadCard, type ThreadActions } from "../../components/comments/thread-card";
import { mayChangeComment, mayModerateThread, type ThreadJson } from "../../domain/comments";
import { usePlanEditor } from "../plan-editor-context";
import { anchorView } from "./anchor-label";
import { errorFor } from "./comments-api";
import { useComments } from "./comments-context";
import { useCommentsPanel } from "./comments-provider";
import { filterThreads, mentionsMember, openCounts } from "./thread-order";

export const COMMENTS_PANEL_ID = "comments-panel";

const EMPTY_TEXT: Record<PanelFilterKey, string> = {
  open: "No comments yet. Select text, or use the comment button on a row or section.",
  resolved: "No resolved threads.",
  mentions: "Nobody has mentioned you on this plan.",
};

/** Runs a write and turns a refusal into the message to show. */
async function attempt(write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write();
    return null;
  } catch (error) {
    return errorFor(error, "body");
  }
}

/** The "Comments" button of the plan bar. */
export function CommentsBarToggle() {
  const comments = useComments();
  const panel = useCommentsPanel();
  const total = useMemo(() => openCounts(comments?.threads ?? []).total, [comments?.threads]);
  return (
    <CommentsToggle
      open={panel.open}
      openThreads={total}
      controls={COMMENTS_PANEL_ID}
      onToggle={() => panel.setOpen(!panel.open)}
    />
  );
}

/** The side panel, wired to the plan's threads and this member's permissions. */
export function CommentsSidebar() {
  const comments = useComments();
  const panel = useCommentsPanel();
  const { me, role, members } = usePlanEditor();
  const [filter, setFilter] = useState<PanelFilterKey>("open");
  const [announcement, setAnnouncement] = useState("");
  const actor = useMemo(() => ({ userId: me.userId, role }), [me.userId, role]);
  // Nobody needs to mention themselves.
  const others = useMemo(() => members.filter((m) => m.userId !== me.userId), [members, me.userId]);
  const activeId = comments?.activeThreadId ?? null;
  const active = panel.ordered.find((thread) => thread.id === activeId);

  // A thread opened from the plan or a link shows even when another filter was on.
  useEffect(() => {
    if (!active) return;
    if (active.status === "resolved" && filter === "open") setFilter("resolved");
    if (active.status === "open" && filter === "resolved") setFilter("open");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when another thread becomes active
  }, [activeId]);
  useEffect(() => {
    if (!activeId || !panel.open) return;
    const card = document.querySelector(`#${COMMENTS_PANEL_ID} [data-thread-id="${CSS.escape(activeId)}"]`);
    card?.scrollIntoView({ block: "nearest" });
  }, [activeId, panel.open, filter]);

  const counts = useMemo(
    () => ({
      open: panel.ordered.filter((t) => t.status === "open").length,
      resolved: panel.ordered.filter((t) => t.status === "resolved").length,
      mentions: panel.ordered.filter((t) => mentionsMember(t, me.userId)).length,
    }),
    [panel.ordered, me.userId],
  );
  const shown = useMemo(
    () => filterThreads(panel.ordered, filter, me.userId),
    [panel.ordered, filter, me.userId],
  );
  if (!comments) return null;

  /** A write, then what it did for screen readers. */
  const announced = async (write: () => Promise<unknown>, done: string) => {
    const refused = await attempt(write);
    if (!refused) setAnnouncement(done);
    return refused;
  };
  const actionsFor = (thread: ThreadJson): ThreadActions => ({
    select: () => panel.revealThread(thread.id),
    reply: (input) => announced(() => panel.reply(thread.id, input), "Reply sent."),
    edit: (commentId, input) => announced(() => panel.edit(commentId, input), "Comment saved."),
    remove: (commentId) => announced(() => panel.remove(commentId), "Comment deleted."),
    async setStatus(status) {
      const refused = await announced(
        () => panel.setStatus(thread.id, status),
        status === "resolved" ? "Thread resolved: it is listed under Resolved." : "Thread reopened.",
      );
      // The thread leaves the list it was in: keep the keyboard in the panel.
      if (!refused) document.getElementById(`${COMMENTS_PANEL_ID}-title`)?.focus();
      return refused;
    },
    startAnother:
      comments.mayComment && thread.anchor.kind !== "text"
        ? () => comments.startThread(thread.anchor)
        : undefined,
    setBlocking: (blocking) =>
      announced(
        () => panel.setBlocking(thread.id, blocking),
        blocking ? "Marked as blocking." : "No longer blocking.",
      ),
  });

  return (
    <CommentsPanel
      id={COMMENTS_PANEL_ID}
      open={panel.open}
      filter={filter}
      counts={counts}
      onFilter={setFilter}
      loading={panel.loading}
      error={panel.loadError}
      onRetry={panel.reload}
      notice={
        comments.mayComment
          ? null
          : "You can read the comments on this plan, but your role does not let you comment."
      }
      draft={
        panel.draft && comments.mayComment ? (
          <NewThreadForm
            key={JSON.stringify(panel.draft)}
            anchor={anchorView(panel.draft, undefined)}
            members={others}
            onSubmit={(input) =>
              attempt(async () => {
                await panel.start({ ...input, anchor: panel.draft! });
                setFilter("open");
              })
            }
            onCancel={panel.cancelDraft}
          />
        ) : null
      }
      emptyText={
        shown.length > 0
          ? null
          : filter === "open" && !comments.mayComment
            ? "No comments yet."
            : EMPTY_TEXT[filter]
      }
      announcement={announcement}
      onClose={() => panel.setOpen(false)}
    >
      {shown.map((thread) => (
        <ThreadCard
          key={thread.id}
          thread={thread}
          anchor={anchorView(thread.anchor, panel.states.get(thread.id))}
          active={thread.id === activeId}
          meId={me.userId}
          mayReply={comments.mayComment}
          mayModerate={mayModerateThread(actor, { authorId: thread.author.id })}
          mayChange={(comment) => mayChangeComment(actor, { authorId: comment.author.id })}
          members={others}
          actions={actionsFor(thread)}
        />
      ))}
    </CommentsPanel>
  );
}
