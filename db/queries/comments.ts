import type { Role, Team } from "../../app/domain/membership";
import type {
  Anchor,
  CommentJson,
  CommentSection,
  ThreadFilter,
  ThreadJson,
  ThreadStatus,
} from "../../app/domain/comments";
import { uuidArray, type Db, type Tx } from "../sql";

/**
 * Comment threads and their comments (migration 0004). Threads are read as
 * the API shows them (`ThreadJson`) with exactly two statements, whatever
 * their number: one for the threads, one for all their comments, authors'
 * names and teams joined in, so listing a plan with thousands of threads
 * never turns into a query per thread.
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

/** Which threads to read: a plan's (optionally filtered), or some by id. */
export type ThreadSelection =
  { planId: string; status?: ThreadFilter; mentioning?: string } | { threadIds: readonly string[] };

function selectionWhere(db: Db, selection: ThreadSelection) {
  if ("threadIds" in selection) return db`t.id = any(${uuidArray(selection.threadIds)}::uuid[])`;
  const status = selection.status ?? "all";
  return db`t.plan_id = ${selection.planId}
    ${status === "all" ? db`` : db`and t.status = ${status}`}
    ${
      selection.mentioning
        ? db`and exists (
            select 1 from comments mc
            where mc.thread_id = t.id and mc.deleted_at is null and ${selection.mentioning}::uuid = any(mc.mentions))`
        : db``
    }`;
}

interface ThreadRow {
  id: string;
  planId: string;
  anchorKind: Anchor["kind"];
  section: string;
  field: string | null;
  anchorStart: string | null;
  anchorEnd: string | null;
  rowId: string | null;
  quote: string;
  blocking: boolean;
  status: ThreadStatus;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  authorId: string;
  authorName: string;
  authorTeam: Team;
  resolvedById: string | null;
  resolvedByName: string | null;
  resolvedByTeam: Team;
}

interface CommentRow {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  authorTeam: Team;
  body: string;
  mentions: Array<{ id: string; name: string }>;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** created_at in microseconds since the epoch (exact in a double until the year 2255), for ordering. */
  at: number;
}

/**
 * The selected threads with all their comments, oldest thread first and
 * comments in order. People are shown with their team in the plan's
 * workspace ("other" once they left it).
 */
export async function loadThreads(db: Db, selection: ThreadSelection): Promise<ThreadJson[]> {
  if ("threadIds" in selection && selection.threadIds.length === 0) return [];
  const [threads, comments] = await Promise.all([
    db<ThreadRow[]>`
      select t.id, t.plan_id as "planId", t.anchor_kind as "anchorKind", t.section, t.field,
             t.anchor_start as "anchorStart", t.anchor_end as "anchorEnd", t.row_id as "rowId", t.quote,
             t.blocking, t.status, t.created_at as "createdAt", t.updated_at as "updatedAt",
             t.resolved_at as "resolvedAt",
             t.author_id as "authorId", au.name as "authorName", coalesce(am.team, 'other') as "authorTeam",
             t.resolved_by as "resolvedById", ru.name as "resolvedByName",
             coalesce(rm.team, 'other') as "resolvedByTeam"
      from comment_threads t
      join plans p on p.id = t.plan_id
      join users au on au.id = t.author_id
      left join memberships am on am.workspace_id = p.workspace_id and am.user_id = t.author_id
      left join users ru on ru.id = t.resolved_by
      left join memberships rm on rm.workspace_id = p.workspace_id and rm.user_id = t.resolved_by
      where ${selectionWhere(db, selection)}
      order by t.created_at, t.id`,
    db<CommentRow[]>`
      select c.id, c.thread_id as "threadId", c.author_id as "authorId", u.name as "authorName",
             coalesce(m.team, 'other') as "authorTeam", c.body, c.created_at as "createdAt",
             c.edited_at as "editedAt", c.deleted_at as "deletedAt",
             (extract(epoch from c.created_at) * 1000000)::float8 as at,
             case when cardinality(c.mentions) = 0 then '[]'::json
                  else (select coalesce(json_agg(json_build_object('id', mu.id, 'name', mu.name) order by x.n), '[]')
                        from unnest(c.mentions) with ordinality x(id, n) join users mu on mu.id = x.id)
             end as mentions
      from comment_threads t
      join plans p on p.id = t.plan_id
      join comments c on c.thread_id = t.id
      join users u on u.id = c.author_id
      left join memberships m on m.workspace_id = p.workspace_id and m.user_id = c.author_id
      where ${selectionWhere(db, selection)}`,
  ]);
  // Ordered here rather than by the query: sorting 20,000 wide rows costs PostgreSQL more
  // than sorting each thread's few comments costs us.
  const byThread = new Map<string, CommentRow[]>();
  for (const row of comments) {
    let list = byThread.get(row.threadId);
    if (!list) byThread.set(row.threadId, (list = []));
    list.push(row);
  }
  const inOrder = (a: CommentRow, b: CommentRow) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return threads.map((row) => threadJson(row, (byThread.get(row.id) ?? []).sort(inOrder).map(commentJson)));
}

function anchorOf(row: ThreadRow): Anchor {
  switch (row.anchorKind) {
    case "text":
      return {
        kind: "text",
        field: row.field as Extract<Anchor, { kind: "text" }>["field"],
        start: row.anchorStart!,
        end: row.anchorEnd!,
        quote: row.quote,
      };
    case "row":
      return {
        kind: "row",
        section: row.section as Extract<Anchor, { kind: "row" }>["section"],
        rowId: row.rowId!,
        quote: row.quote,
      };
    case "section":
      return { kind: "section", section: row.section as Extract<Anchor, { kind: "section" }>["section"] };
  }
}

function threadJson(row: ThreadRow, comments: CommentJson[]): ThreadJson {
  return {
    id: row.id,
    planId: row.planId,
    anchor: anchorOf(row),
    status: row.status,
    blocking: row.blocking,
    author: { id: row.authorId, name: row.authorName, team: row.authorTeam },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedById
      ? { id: row.resolvedById, name: row.resolvedByName ?? "", team: row.resolvedByTeam }
      : null,
    comments,
  };
}

function commentJson(row: CommentRow): CommentJson {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    threadId: row.threadId,
    author: { id: row.authorId, name: row.authorName, team: row.authorTeam },
    body: deleted ? null : row.body,
    mentions: deleted ? [] : row.mentions,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
