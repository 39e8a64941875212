import type { Role } from "../../app/domain/membership";
import type { Anchor, CommentSection, ThreadStatus } from "../../app/domain/comments";
import { uuidArray, type Db, type Tx } from "../sql";

/**
 * Comment threads and their comments (migration 0004): the lookups that
 * decide access and the writes. Reading threads as the API shows them is in
 * ./thread-listing.ts.
 */

/** A thread as an access check needs it, with the asking member's role in the plan's workspace. */
export interface ThreadAccessRow {
  id: string;
  planId: string;
  workspaceId: string;
  authorId: string;
  status: ThreadStatus;
  blocking: boolean;
  role: Role;
}

/** A comment as an access check needs it, with the asking member's role in the plan's workspace. */
export interface CommentAccessRow {
  id: string;
  threadId: string;
  planId: string;
  workspaceId: string;
  authorId: string;
  mentions: string[];
  deletedAt: Date | null;
  role: Role;
}

/** The thread if `userId` belongs to its plan's workspace; undefined otherwise or when there is none. */
export async function findThreadForMember(
  db: Db,
  threadId: string,
  userId: string,
): Promise<ThreadAccessRow | undefined> {
  const [row] = await db<ThreadAccessRow[]>`
    select t.id, t.plan_id as "planId", p.workspace_id as "workspaceId", t.author_id as "authorId",
           t.status, t.blocking, m.role
    from comment_threads t
    join plans p on p.id = t.plan_id
    join memberships m on m.workspace_id = p.workspace_id and m.user_id = ${userId}
    where t.id = ${threadId}`;
  return row;
}

/**
 * The comment if `userId` belongs to its plan's workspace, locked for update
 * when read in a transaction (`lock`), so an edit and a delete cannot cross.
 */
export async function findCommentForMember(
  db: Db,
  commentId: string,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<CommentAccessRow | undefined> {
  const [row] = await db<CommentAccessRow[]>`
    select c.id, c.thread_id as "threadId", t.plan_id as "planId", p.workspace_id as "workspaceId",
           c.author_id as "authorId", array_to_json(c.mentions) as mentions, c.deleted_at as "deletedAt",
           m.role
    from comments c
    join comment_threads t on t.id = c.thread_id
    join plans p on p.id = t.plan_id
    join memberships m on m.workspace_id = p.workspace_id and m.user_id = ${userId}
    where c.id = ${commentId}
    ${options.lock ? db`for update of c` : db``}`;
  return row;
}

/** Which of `userIds` are members of the workspace, with their names. */
export async function findWorkspaceMembers(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Array<{ userId: string; name: string }>> {
  if (userIds.length === 0) return [];
  return db<Array<{ userId: string; name: string }>>`
    select u.id as "userId", u.name
    from memberships m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and m.user_id = any(${uuidArray(userIds)}::uuid[])`;
}

/** The anchor's columns: each kind fills exactly the ones the table's checks ask for. */
function anchorColumns(anchor: Anchor) {
  const none = { field: null, start: null, end: null, rowId: null, quote: "" };
  switch (anchor.kind) {
    case "text":
      return { ...none, field: anchor.field, start: anchor.start, end: anchor.end, quote: anchor.quote };
    case "row":
      return { ...none, rowId: anchor.rowId, quote: anchor.quote };
    case "section":
      return none;
  }
}

export async function insertThread(
  tx: Tx,
  thread: {
    planId: string;
    authorId: string;
    anchor: Anchor;
    /** The anchor's section (`anchorSection`). */
    section: CommentSection;
    blocking: boolean;
    /** Seeding only: when it was started. */
    createdAt?: Date;
  },
): Promise<{ id: string }> {
  const a = anchorColumns(thread.anchor);
  const [row] = await tx<{ id: string }[]>`
    insert into comment_threads
      (plan_id, author_id, blocking, anchor_kind, section, field, anchor_start, anchor_end, row_id, quote,
       created_at, updated_at)
    values (${thread.planId}, ${thread.authorId}, ${thread.blocking}, ${thread.anchor.kind}, ${thread.section},
            ${a.field}, ${a.start}, ${a.end}, ${a.rowId}, ${a.quote},
            coalesce(${thread.createdAt ?? null}::timestamptz, now()),
            coalesce(${thread.createdAt ?? null}::timestamptz, now()))
    returning id`;
  return row!;
}

export async function insertComment(
  tx: Tx,
  comment: {
    threadId: string;
    authorId: string;
    body: string;
    mentions: readonly string[];
    createdAt?: Date;
  },
): Promise<{ id: string }> {
  const [row] = await tx<{ id: string }[]>`
    insert into comments (thread_id, author_id, body, mentions, created_at)
    values (${comment.threadId}, ${comment.authorId}, ${comment.body},
            ${uuidArray(comment.mentions)}::uuid[], coalesce(${comment.createdAt ?? null}::timestamptz, now()))
    returning id`;
  return row!;
}

/** Moves the thread's "last activity" to now (or `at`): a comment was added. */
export async function touchThread(tx: Tx, threadId: string, at?: Date): Promise<void> {
  await tx`
    update comment_threads set updated_at = greatest(updated_at, coalesce(${at ?? null}::timestamptz, now()))
    where id = ${threadId}`;
}

/** Rewrites a live comment's body and mentions; false when it is deleted (or gone). */
export async function updateComment(
  tx: Tx,
  comment: { id: string; body: string; mentions: readonly string[] },
): Promise<boolean> {
  const rows = await tx`
    update comments set body = ${comment.body}, mentions = ${uuidArray(comment.mentions)}::uuid[],
                        edited_at = now()
    where id = ${comment.id} and deleted_at is null
    returning 1`;
  return rows.length > 0;
}

/** Blanks a comment, keeping its row so the thread shows "deleted"; false when it already was. */
export async function deleteComment(tx: Tx, commentId: string): Promise<boolean> {
  const rows = await tx`
    update comments set body = '', mentions = '{}', deleted_at = now()
    where id = ${commentId} and deleted_at is null
    returning 1`;
  return rows.length > 0;
}

/**
 * Resolves or reopens a thread; false when it already had that status, so
 * a second click writes nothing.
 */
export async function setThreadStatus(
  tx: Tx,
  change: { threadId: string; status: ThreadStatus; by: string; at?: Date },
): Promise<boolean> {
  const at = change.at ?? null;
  const rows =
    change.status === "resolved"
      ? await tx`
          update comment_threads
          set status = 'resolved', resolved_by = ${change.by},
              resolved_at = coalesce(${at}::timestamptz, now()), updated_at = coalesce(${at}::timestamptz, now())
          where id = ${change.threadId} and status = 'open'
          returning 1`
      : await tx`
          update comment_threads
          set status = 'open', resolved_by = null, resolved_at = null, updated_at = now()
          where id = ${change.threadId} and status = 'resolved'
          returning 1`;
  return rows.length > 0;
}

/** Marks or unmarks a thread as blocking; false when it already was so. */
export async function setThreadBlocking(tx: Tx, threadId: string, blocking: boolean): Promise<boolean> {
  const rows = await tx`
    update comment_threads set blocking = ${blocking}
    where id = ${threadId} and blocking <> ${blocking}
    returning 1`;
  return rows.length > 0;
}

/**
 * The thread's participants who still belong to its plan's workspace: who
 * started it and who wrote any of its comments.
 */
export async function threadParticipants(db: Db, threadId: string): Promise<string[]> {
  const rows = await db<{ userId: string }[]>`
    select distinct x.user_id as "userId"
    from comment_threads t
    join plans p on p.id = t.plan_id
    cross join lateral (
      select t.author_id as user_id
      union
      select c.author_id from comments c where c.thread_id = t.id
    ) x
    join memberships m on m.workspace_id = p.workspace_id and m.user_id = x.user_id
    where t.id = ${threadId}`;
  return rows.map((r) => r.userId);
}
