import type { Anchor, CommentJson, ThreadFilter, ThreadJson, ThreadStatus } from "../../app/domain/comments";
import type { Team } from "../../app/domain/membership";
import { uuidArray, type Db } from "../sql";

/**
 * Threads as the API shows them (`ThreadJson`), read with exactly two
 * statements whatever their number: one for the threads, one for all their
 * comments, authors' names and teams joined in. Listing a plan with
 * thousands of threads never turns into a query per thread, and the event
 * hub loads any batch of changed threads the same way.
 */

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
