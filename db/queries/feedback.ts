import type { FeedbackSection, FeedbackStatus, FeedbackTag } from "../../app/domain/feedback";
import type { Role, Team } from "../../app/domain/membership";
import { uuidArray, type Db, type Tx } from "../sql";

/**
 * Field feedback (migration 0007): items filed in a workspace, the list
 * with its filters, triage, and the counts the dashboard shows. Markets
 * and campaigns are ids of rows in the plan's document; the app names them.
 */

/** The order tags are counted in; every tag, so the dashboard lists those with none. */
const TAG_ORDER: Record<FeedbackTag, number> = {
  objection: 1,
  competitor: 2,
  pricing: 3,
  product_gap: 4,
  content_request: 5,
};

export interface NewFeedback {
  workspaceId: string;
  authorId: string;
  account: string;
  insight: string;
  tags: readonly FeedbackTag[];
  planId: string | null;
  targetMarketId: string | null;
  campaignId: string | null;
  /** Seeding only: the rest starts as new, untriaged, now. */
  section?: FeedbackSection | null;
  status?: FeedbackStatus;
  reply?: string | null;
  triagedBy?: string | null;
  triagedAt?: Date | null;
  createdAt?: Date;
}

/** A text[] parameter as one literal (`{a,b}`): postgres.js sends no JS arrays here (db/sql.ts). */
function tagArray(tags: readonly FeedbackTag[]): string {
  for (const tag of tags) if (!(tag in TAG_ORDER)) throw new TypeError(`not a feedback tag: ${tag}`);
  return `{${tags.join(",")}}`;
}

export async function insertFeedback(tx: Db, item: NewFeedback): Promise<{ id: string }> {
  const createdAt = item.createdAt ?? new Date();
  const [row] = await tx<{ id: string }[]>`
    insert into feedback (workspace_id, author_id, account, insight, tags, plan_id, target_market_id,
                          campaign_id, section, status, reply, triaged_by, triaged_at, created_at, updated_at)
    values (${item.workspaceId}, ${item.authorId}, ${item.account}, ${item.insight}, ${tagArray(item.tags)}::text[],
            ${item.planId}, ${item.targetMarketId}, ${item.campaignId}, ${item.section ?? null},
            ${item.status ?? "new"}, ${item.reply ?? null}, ${item.triagedBy ?? null}, ${item.triagedAt ?? null},
            ${createdAt}, ${item.triagedAt ?? createdAt})
    returning id`;
  return row!;
}

/** What deciding about a change of one item needs: its state and the asking member's standing. */
export interface FeedbackAccessRow {
  id: string;
  workspaceId: string;
  authorId: string;
  account: string;
  insight: string;
  tags: FeedbackTag[];
  status: FeedbackStatus;
  reply: string | null;
  planId: string | null;
  targetMarketId: string | null;
  campaignId: string | null;
  section: FeedbackSection | null;
  role: Role;
  team: Team;
}

/**
 * The item if `userId` belongs to its workspace (whichever workspace the
 * session is in), with that member's role and team; `lock` holds the row
 * until the transaction ends.
 */
export async function findFeedbackForMember(
  db: Db,
  feedbackId: string,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<FeedbackAccessRow | undefined> {
  const [row] = await db<FeedbackAccessRow[]>`
    select f.id, f.workspace_id as "workspaceId", f.author_id as "authorId", f.account, f.insight, array_to_json(f.tags) as tags,
           f.status, f.reply,
           f.plan_id as "planId", f.target_market_id as "targetMarketId", f.campaign_id as "campaignId",
           f.section, m.role, m.team
    from feedback f
    join memberships m on m.workspace_id = f.workspace_id and m.user_id = ${userId}
    where f.id = ${feedbackId}
    ${options.lock ? db`for update of f` : db``}`;
  return row;
}

/** The columns a change writes; a field left out stays as it is. */
export interface FeedbackChanges {
  account?: string;
  insight?: string;
  tags?: readonly FeedbackTag[];
  planId?: string | null;
  targetMarketId?: string | null;
  campaignId?: string | null;
  status?: FeedbackStatus;
  reply?: string | null;
  section?: FeedbackSection | null;
  /** Who triaged: set with status, reply or section. */
  triagedBy?: string;
}

export async function updateFeedback(tx: Tx, feedbackId: string, changes: FeedbackChanges): Promise<void> {
  const now = new Date();
  const columns: Record<string, string | Date | null> = { updated_at: now };
  if (changes.account !== undefined) columns.account = changes.account;
  if (changes.insight !== undefined) columns.insight = changes.insight;
  if (changes.planId !== undefined) columns.plan_id = changes.planId;
  if (changes.targetMarketId !== undefined) columns.target_market_id = changes.targetMarketId;
  if (changes.campaignId !== undefined) columns.campaign_id = changes.campaignId;
  if (changes.status !== undefined) columns.status = changes.status;
  if (changes.reply !== undefined) columns.reply = changes.reply;
  if (changes.section !== undefined) columns.section = changes.section;
  if (changes.triagedBy !== undefined) {
    columns.triaged_by = changes.triagedBy;
    columns.triaged_at = now;
  }
  // The helper must follow `set` in this very template: postgres.js picks its shape from the words before it.
  await tx`
    update feedback set ${tx(columns, Object.keys(columns))}
      ${changes.tags !== undefined ? tx`, tags = ${tagArray(changes.tags)}::text[]` : tx``}
    where id = ${feedbackId}`;
}

/** Which items of a workspace the list shows. */
export interface FeedbackFilter {
  workspaceId: string;
  status?: FeedbackStatus;
  tag?: FeedbackTag;
  planId?: string;
  targetMarketId?: string;
  campaignId?: string;
  authorId?: string;
  /** Words in the account or the insight (a plain substring, any case). */
  q?: string;
  /** Only these items. */
  ids?: readonly string[];
}

/** One item with the names the list shows; markets and campaigns by id only. */
export interface FeedbackRow {
  id: string;
  workspaceId: string;
  account: string;
  insight: string;
  tags: FeedbackTag[];
  status: FeedbackStatus;
  reply: string | null;
  authorId: string;
  authorName: string;
  authorTeam: Team;
  planId: string | null;
  planTitle: string | null;
  targetMarketId: string | null;
  campaignId: string | null;
  section: FeedbackSection | null;
  triagedById: string | null;
  triagedByName: string | null;
  triagedByTeam: Team | null;
  triagedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** `%`, `_` and `\` match themselves. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(db: Db, filter: FeedbackFilter, options: { status: boolean }) {
  return db`
    f.workspace_id = ${filter.workspaceId}
    ${options.status && filter.status ? db`and f.status = ${filter.status}` : db``}
    ${filter.tag ? db`and ${filter.tag}::text = any(f.tags)` : db``}
    ${filter.planId ? db`and f.plan_id = ${filter.planId}` : db``}
    ${filter.targetMarketId ? db`and f.target_market_id = ${filter.targetMarketId}` : db``}
    ${filter.campaignId ? db`and f.campaign_id = ${filter.campaignId}` : db``}
    ${filter.authorId ? db`and f.author_id = ${filter.authorId}` : db``}
    ${filter.q ? db`and (f.account ilike ${likePattern(filter.q)} or f.insight ilike ${likePattern(filter.q)})` : db``}
    ${filter.ids ? db`and f.id = any(${uuidArray(filter.ids)}::uuid[])` : db``}`;
}

/**
 * The workspace's items matching the filter, newest first, `limit` of them
 * from just after the item `before` (the cursor of the previous page; an
 * id not of this workspace gives an empty page).
 */
export async function listFeedback(
  db: Db,
  filter: FeedbackFilter,
  page: { before?: string; limit: number },
): Promise<FeedbackRow[]> {
  return db<FeedbackRow[]>`
    select f.id, f.workspace_id as "workspaceId", f.account, f.insight, array_to_json(f.tags) as tags, f.status, f.reply,
           f.author_id as "authorId", au.name as "authorName", coalesce(am.team, 'other') as "authorTeam",
           f.plan_id as "planId", p.title as "planTitle",
           f.target_market_id as "targetMarketId", f.campaign_id as "campaignId", f.section,
           f.triaged_by as "triagedById", tu.name as "triagedByName",
           case when f.triaged_by is null then null else coalesce(tm.team, 'other') end as "triagedByTeam",
           f.triaged_at as "triagedAt", f.created_at as "createdAt", f.updated_at as "updatedAt"
    from feedback f
    join users au on au.id = f.author_id
    left join memberships am on am.workspace_id = f.workspace_id and am.user_id = f.author_id
    left join plans p on p.id = f.plan_id
    left join users tu on tu.id = f.triaged_by
    left join memberships tm on tm.workspace_id = f.workspace_id and tm.user_id = f.triaged_by
    where ${where(db, filter, { status: true })}
      ${
        page.before
          ? db`and (f.created_at, f.id) < (
                 select c.created_at, c.id from feedback c
                 where c.id = ${page.before} and c.workspace_id = ${filter.workspaceId})`
          : db``
      }
    order by f.created_at desc, f.id desc
    limit ${page.limit}`;
}

/** Items per status matching every filter but the status: the numbers beside the status filter. */
export async function countFeedbackByStatus(
  db: Db,
  filter: FeedbackFilter,
): Promise<Record<FeedbackStatus, number>> {
  const rows = await db<{ status: FeedbackStatus; n: number }[]>`
    select f.status, count(*)::int as n from feedback f
    where ${where(db, filter, { status: false })}
    group by f.status`;
  const counts: Record<FeedbackStatus, number> = { new: 0, planned: 0, done: 0, declined: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/**
 * A plan's items per tag, for the dashboard: every tag, in a fixed order,
 * with how many items carry it and how many of those are still open (new
 * or planned). An item with two tags counts under both.
 */
export async function feedbackCountsByTag(
  db: Db,
  workspaceId: string,
  planId: string,
): Promise<Array<{ tag: FeedbackTag; total: number; open: number }>> {
  const tags = (Object.keys(TAG_ORDER) as FeedbackTag[]).sort((a, b) => TAG_ORDER[a] - TAG_ORDER[b]);
  return db<{ tag: FeedbackTag; total: number; open: number }[]>`
    select t.tag, count(f.id)::int as total,
           (count(f.id) filter (where f.status in ('new', 'planned')))::int as open
    from unnest(${tagArray(tags)}::text[]) with ordinality as t(tag, ord)
    left join feedback f
      on f.workspace_id = ${workspaceId} and f.plan_id = ${planId} and t.tag = any(f.tags)
    group by t.tag, t.ord
    order by t.ord`;
}
