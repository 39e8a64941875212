import type { Team } from "../../app/domain/membership";
import type { NotificationJson, NotificationKind } from "../../app/domain/comments";
import type { FeedbackStatus } from "../../app/domain/feedback";
import { uuidArray, type Db, type Tx } from "../sql";

/**
 * The inbox (migration 0004): one row per person told about a mention, a
 * reply, a resolution or a reopening, a sign-off step (0005) or a field
 * feedback item marketing moved (0007). Everything read here is limited to
 * workspaces the user still belongs to, so leaving a workspace empties its
 * part of the inbox without deleting anything.
 */

export interface NewNotification {
  userId: string;
  workspaceId: string;
  /** Null for feedback_triaged: an item is of the workspace, whatever plan it names. */
  planId: string | null;
  /** Null for the sign-off steps about the whole plan (review_requested, plan_approved) and feedback. */
  threadId: string | null;
  /** The comment that mentioned or replied; null for the other kinds. */
  commentId: string | null;
  actorId: string;
  kind: NotificationKind;
  /** feedback_triaged: the item, and the status the change set (null: only the reply changed). */
  feedbackId?: string | null;
  feedbackStatus?: FeedbackStatus | null;
  /** Seeding only. */
  createdAt?: Date;
  readAt?: Date | null;
}

/**
 * Inserts the notifications, skipping any a comment already caused (the
 * unique index on user, comment and kind: an edited comment never mentions
 * anyone twice). Returns the users who got a new one.
 */
export async function insertNotifications(tx: Tx, rows: readonly NewNotification[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const now = new Date();
  const inserted = await tx<{ userId: string }[]>`
    insert into notifications ${tx(
      rows.map((n) => ({
        user_id: n.userId,
        workspace_id: n.workspaceId,
        plan_id: n.planId,
        thread_id: n.threadId,
        comment_id: n.commentId,
        actor_id: n.actorId,
        kind: n.kind,
        feedback_id: n.feedbackId ?? null,
        feedback_status: n.feedbackStatus ?? null,
        created_at: n.createdAt ?? now,
        read_at: n.readAt ?? null,
      })),
    )}
    on conflict (user_id, comment_id, kind) where comment_id is not null do nothing
    returning user_id as "userId"`;
  return [...new Set(inserted.map((r) => r.userId))];
}

/** Removes what a deleted comment caused; returns the users whose inbox changed. */
export async function deleteNotificationsOfComment(tx: Tx, commentId: string): Promise<string[]> {
  const rows = await tx<{ userId: string }[]>`
    delete from notifications where comment_id = ${commentId} returning user_id as "userId"`;
  return [...new Set(rows.map((r) => r.userId))];
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  readAt: Date | null;
  actorId: string;
  actorName: string;
  actorTeam: Team;
  planId: string | null;
  planTitle: string | null;
  threadId: string | null;
  commentId: string | null;
  excerpt: string;
  feedbackId: string | null;
  feedbackAccount: string | null;
  feedbackStatus: FeedbackStatus | null;
}

/** The user's notifications, newest first, as the API shows them. */
export async function listNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationJson[]> {
  const rows = await db<NotificationRow[]>`
    select n.id, n.kind, n.created_at as "createdAt", n.read_at as "readAt",
           n.actor_id as "actorId", au.name as "actorName", coalesce(am.team, 'other') as "actorTeam",
           n.plan_id as "planId", p.title as "planTitle", n.thread_id as "threadId", n.comment_id as "commentId",
           coalesce(
             nullif(left(c.body, 200), ''),
             nullif(t.quote, ''),
             (select left(fc.body, 200) from comments fc
              where fc.thread_id = n.thread_id and fc.deleted_at is null
              order by fc.created_at limit 1),
             left(f.reply, 200),
             left(f.insight, 200),
             '') as excerpt,
           n.feedback_id as "feedbackId", f.account as "feedbackAccount", n.feedback_status as "feedbackStatus"
    from notifications n
    join memberships me on me.workspace_id = n.workspace_id and me.user_id = n.user_id
    left join plans p on p.id = n.plan_id
    left join comment_threads t on t.id = n.thread_id
    left join feedback f on f.id = n.feedback_id
    join users au on au.id = n.actor_id
    left join memberships am on am.workspace_id = n.workspace_id and am.user_id = n.actor_id
    left join comments c on c.id = n.comment_id
    where n.user_id = ${userId} ${options.unreadOnly ? db`and n.read_at is null` : db``}
    order by n.created_at desc, n.id desc
    limit ${options.limit}`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    actor: { id: row.actorId, name: row.actorName, team: row.actorTeam },
    plan: row.planId ? { id: row.planId, title: row.planTitle ?? "" } : null,
    threadId: row.threadId,
    commentId: row.commentId,
    excerpt: row.excerpt,
    feedback: row.feedbackId
      ? { id: row.feedbackId, account: row.feedbackAccount ?? "", status: row.feedbackStatus }
      : null,
  }));
}

/** Unread notifications per user (0 for those with none), in workspaces each still belongs to. */
export async function countUnread(db: Db, userIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await db<{ userId: string; unread: number }[]>`
    select n.user_id as "userId", count(*)::int as unread
    from notifications n
    join memberships m on m.workspace_id = n.workspace_id and m.user_id = n.user_id
    where n.user_id = any(${uuidArray(userIds)}::uuid[]) and n.read_at is null
    group by n.user_id`;
  for (const row of rows) counts.set(row.userId, row.unread);
  return counts;
}

/** Marks the user's own notifications read (some by id, or all); returns how many changed. */
export async function markNotificationsRead(
  tx: Tx,
  userId: string,
  which: { ids: readonly string[] } | { all: true },
): Promise<number> {
  const rows = await tx`
    update notifications set read_at = now()
    where user_id = ${userId} and read_at is null
      ${"ids" in which ? tx`and id = any(${uuidArray(which.ids)}::uuid[])` : tx``}
    returning 1`;
  return rows.length;
}
