import { z } from "zod";
import {
  countFeedbackByStatus,
  feedbackCountsByTag,
  findFeedbackForMember,
  insertFeedback,
  listFeedback,
  updateFeedback,
  type FeedbackAccessRow,
  type FeedbackChanges,
  type FeedbackFilter,
  type FeedbackRow,
} from "../../db/queries/feedback";
import { announceInbox } from "../../db/queries/live-events";
import { insertNotifications } from "../../db/queries/notifications";
import { findMembership } from "../../db/queries/workspaces";
import type { Db } from "../../db/sql";
import {
  canChangeFeedback,
  canEditFeedback,
  canTriageFeedback,
  FEEDBACK_TAG_LABELS,
  FeedbackCreateSchema,
  FeedbackUpdateSchema,
  NO_RIGHT_TO_CHANGE,
  NO_RIGHT_TO_EDIT,
  NO_RIGHT_TO_TRIAGE,
  rightsNeeded,
  type FeedbackActor,
  type FeedbackJson,
  type FeedbackListQuery,
  type FeedbackPageJson,
  type FeedbackTag,
  type FeedbackUpdate,
} from "../domain/feedback";
import { parseInput } from "./api.server";
import type { AccordContext } from "./context.server";
import { currentContent } from "./plans.server";
import { badRequest, conflict, forbidden, notFound } from "./http.server";

/**
 * Field feedback for the API and the page alike: filing an item, the list
 * with its filters, the author's edits and marketing's triage. Markets and
 * campaigns live in the plan's document, so a link is checked against the
 * document as editors see it now, and named from it when shown. A triage
 * that moves an item tells its author in the same transaction.
 */

/** One answer for "malformed", "does not exist" and "not yours", so ids cannot be probed. */
export const NO_SUCH_FEEDBACK = "There is no such feedback item, or you do not have access to it.";
const NO_SUCH_PLAN_HERE = "There is no such plan in this workspace.";
const NOT_A_PLAN_OF_WORKSPACE = "Choose a plan of this workspace.";
const NOT_A_MARKET_OF_PLAN = "No target market of this plan has this id.";
const NOT_A_CAMPAIGN_OF_PLAN = "No campaign of this plan has this id.";
const LINK_NEEDS_PLAN = "Choose the plan it belongs to first.";
const CHANGED_MEANWHILE = "This item was triaged or changed meanwhile; load it again.";

/** A member filing or listing items: in their current workspace. */
export interface FeedbackMember {
  userId: string;
  workspaceId: string;
}

/** A plan's markets and campaigns as its document names them now. */
export interface PlanRefs {
  markets: Array<{ id: string; name: string }>;
  campaigns: Array<{ id: string; name: string; targetMarketId: string | null }>;
}

/** The item if the user belongs to its workspace, with their role and team there; else the one 404. */
export async function requireFeedbackForMember(
  context: AccordContext,
  feedbackId: string | undefined,
  userId: string,
  db: Db = context.sql,
  options: { lock?: boolean } = {},
): Promise<FeedbackAccessRow> {
  const parsed = z.uuid().safeParse(feedbackId);
  if (!parsed.success) notFound(NO_SUCH_FEEDBACK);
  const item = await findFeedbackForMember(db, parsed.data, userId, options);
  if (!item) notFound(NO_SUCH_FEEDBACK);
  return item;
}

/**
 * The markets and campaigns of each plan, read from the documents (the live
 * room included). Plans already in `known` (read earlier in the same
 * request) are not read again; the result holds those too.
 */
export async function planRefs(
  context: AccordContext,
  planIds: Iterable<string>,
  known: ReadonlyMap<string, PlanRefs> = new Map(),
): Promise<Map<string, PlanRefs>> {
  const ids = [...new Set(planIds)].filter((id) => !known.has(id));
  const entries = await Promise.all(
    ids.map(async (planId): Promise<[string, PlanRefs]> => {
      const { targetMarkets, campaigns } = await currentContent(context, planId);
      return [
        planId,
        {
          markets: targetMarkets.map((m) => ({ id: m.id, name: m.segment })),
          campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, targetMarketId: c.targetMarketId })),
        },
      ];
    }),
  );
  return new Map([...known, ...entries]);
}

async function planOfWorkspace(db: Db, planId: string, workspaceId: string): Promise<boolean> {
  const [row] = await db`select 1 from plans where id = ${planId} and workspace_id = ${workspaceId}`;
  return Boolean(row);
}

interface Links {
  planId: string | null;
  targetMarketId: string | null;
  campaignId: string | null;
}

/**
 * Refuses (400, by field) a plan of another workspace, or a market or
 * campaign that is not a row of the plan now. `check` says which of the
 * links were given and so need checking.
 */
async function checkLinks(
  context: AccordContext,
  workspaceId: string,
  links: Links,
  check: { plan: boolean; market: boolean; campaign: boolean },
): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (!links.planId) {
    if (links.targetMarketId) errors.targetMarketId = [LINK_NEEDS_PLAN];
    if (links.campaignId) errors.campaignId = [LINK_NEEDS_PLAN];
  } else if (check.plan && !(await planOfWorkspace(context.sql, links.planId, workspaceId))) {
    errors.planId = [NOT_A_PLAN_OF_WORKSPACE];
  } else if ((check.market && links.targetMarketId) || (check.campaign && links.campaignId)) {
    const refs = (await planRefs(context, [links.planId])).get(links.planId)!;
    if (check.market && links.targetMarketId && !refs.markets.some((m) => m.id === links.targetMarketId))
      errors.targetMarketId = [NOT_A_MARKET_OF_PLAN];
    if (check.campaign && links.campaignId && !refs.campaigns.some((c) => c.id === links.campaignId))
      errors.campaignId = [NOT_A_CAMPAIGN_OF_PLAN];
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);
}

/** POST /api/feedback: anyone in the workspace files an item; it starts as new. */
export async function createFeedback(
  context: AccordContext,
  member: FeedbackMember,
  body: unknown,
): Promise<FeedbackJson> {
  const input = parseInput(FeedbackCreateSchema, body);
  const links: Links = {
    planId: input.planId ?? null,
    targetMarketId: input.targetMarketId ?? null,
    campaignId: input.campaignId ?? null,
  };
  await checkLinks(context, member.workspaceId, links, { plan: true, market: true, campaign: true });
  const { id } = await insertFeedback(context.sql, {
    workspaceId: member.workspaceId,
    authorId: member.userId,
    account: input.account,
    insight: input.insight,
    tags: input.tags,
    ...links,
  });
  context.log.info({ feedbackId: id, userId: member.userId }, "feedback filed");
  return feedbackJson(context, member.workspaceId, id);
}

/** Refuses (403) a change the member has no right to, before and after reading what it is. */
export function requireMayChange(
  actor: FeedbackActor,
  item: FeedbackAccessRow,
  update?: FeedbackUpdate,
): void {
  if (!canChangeFeedback(actor, item)) forbidden(NO_RIGHT_TO_CHANGE);
  if (!update) return;
  const rights = rightsNeeded(update);
  if (rights.triage && !canTriageFeedback(actor)) forbidden(NO_RIGHT_TO_TRIAGE);
  if (rights.content && !canEditFeedback(actor, item)) forbidden(NO_RIGHT_TO_EDIT);
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * PATCH /api/feedback/:id. The author changes what they filed while it is
 * new; marketing (and the owner) sets the status, the reply and the plan
 * section it is linked to. A change of status or reply tells the author,
 * once per change, unless they made it themselves. Changing nothing writes
 * nothing.
 */
export async function changeFeedback(
  context: AccordContext,
  item: FeedbackAccessRow,
  actor: FeedbackActor,
  body: unknown,
): Promise<FeedbackJson> {
  requireMayChange(actor, item);
  const update = parseInput(FeedbackUpdateSchema, body);
  requireMayChange(actor, item, update);
  const next = nextLinks(update, item);
  const planChanged = next.planId !== item.planId;
  if (!next.planId && next.section) throw badRequest({ section: [LINK_NEEDS_PLAN] });
  await checkLinks(context, item.workspaceId, next, {
    plan: planChanged,
    market: planChanged || update.targetMarketId !== undefined,
    campaign: planChanged || update.campaignId !== undefined,
  });

  const result = await context.sql.begin(async (tx) => {
    const locked = await requireFeedbackForMember(context, item.id, actor.userId, tx, { lock: true });
    // What the checks above read may have moved since: decide again on the locked row.
    requireMayChange({ ...actor, role: locked.role, team: locked.team }, locked, update);
    if (locked.planId !== item.planId) conflict(CHANGED_MEANWHILE);
    const changes = changesOf(update, locked, nextLinks(update, locked));
    const statusChanged = changes.status !== undefined;
    const replyChanged = changes.reply !== undefined;
    const linked = update.section !== undefined && changes.section !== undefined;
    if (statusChanged || replyChanged || linked) changes.triagedBy = actor.userId;
    if (Object.keys(changes).length === 0) return { changed: false, notified: false };
    await updateFeedback(tx, locked.id, changes);
    const notify =
      (statusChanged || replyChanged) &&
      locked.authorId !== actor.userId &&
      Boolean(await findMembership(tx, locked.workspaceId, locked.authorId));
    if (notify) {
      await insertNotifications(tx, [
        {
          userId: locked.authorId,
          workspaceId: locked.workspaceId,
          planId: null,
          threadId: null,
          commentId: null,
          actorId: actor.userId,
          kind: "feedback_triaged",
          feedbackId: locked.id,
          feedbackStatus: changes.status ?? null,
        },
      ]);
      await announceInbox(tx, [locked.authorId]);
    }
    return { changed: true, notified: notify };
  });
  if (result.changed)
    context.log.info(
      { feedbackId: item.id, userId: actor.userId, notified: result.notified },
      "feedback changed",
    );
  return feedbackJson(context, item.workspaceId, item.id);
}

type NextLinks = Links & { section: FeedbackAccessRow["section"] };

/**
 * The links after the change: a field given wins (null clears it), one
 * left out stays, except that a new plan drops the market, campaign and
 * section of the old one.
 */
function nextLinks(update: FeedbackUpdate, row: FeedbackAccessRow): NextLinks {
  const planChanged = update.planId !== undefined && update.planId !== row.planId;
  const keep = <T>(given: T | undefined, current: T | null): T | null =>
    given !== undefined ? given : planChanged ? null : current;
  return {
    planId: update.planId !== undefined ? update.planId : row.planId,
    targetMarketId: keep(update.targetMarketId, row.targetMarketId),
    campaignId: keep(update.campaignId, row.campaignId),
    section: keep(update.section, row.section),
  };
}

/** Only what differs from the row as it is: an unchanged field is not written. */
function changesOf(update: FeedbackUpdate, row: FeedbackAccessRow, next: NextLinks): FeedbackChanges {
  const changes: FeedbackChanges = {};
  if (update.account !== undefined && update.account !== row.account) changes.account = update.account;
  if (update.insight !== undefined && update.insight !== row.insight) changes.insight = update.insight;
  if (update.tags !== undefined && !sameTags(update.tags, row.tags)) changes.tags = update.tags;
  if (next.planId !== row.planId) changes.planId = next.planId;
  if (next.targetMarketId !== row.targetMarketId) changes.targetMarketId = next.targetMarketId;
  if (next.campaignId !== row.campaignId) changes.campaignId = next.campaignId;
  if (next.section !== row.section) changes.section = next.section;
  if (update.status !== undefined && update.status !== row.status) changes.status = update.status;
  if (update.reply !== undefined && update.reply !== row.reply) changes.reply = update.reply;
  return changes;
}

/** One item as the API shows it, named from its plan's document. */
export async function feedbackJson(
  context: AccordContext,
  workspaceId: string,
  id: string,
): Promise<FeedbackJson> {
  const rows = await listFeedback(context.sql, { workspaceId, ids: [id] }, { limit: 1 });
  if (!rows[0]) notFound(NO_SUCH_FEEDBACK);
  const refs = await planRefs(context, rows[0].planId ? [rows[0].planId] : []);
  return toJson(rows[0], refs);
}

/**
 * GET /api/feedback: the workspace's items matching the filters, newest
 * first, a page at a time, with the counts per status. A plan filter names
 * a plan of the workspace or is a 404, like /api/audit.
 */
export async function feedbackPage(
  context: AccordContext,
  member: FeedbackMember,
  query: FeedbackListQuery,
  /** Plans whose rows the caller has read already. */
  known?: ReadonlyMap<string, PlanRefs>,
): Promise<FeedbackPageJson> {
  if (query.plan && !(await planOfWorkspace(context.sql, query.plan, member.workspaceId)))
    notFound(NO_SUCH_PLAN_HERE);
  const filter = filterOf(member, query);
  const [rows, counts] = await Promise.all([
    listFeedback(context.sql, filter, { before: query.before, limit: query.limit + 1 }),
    countFeedbackByStatus(context.sql, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const refs = await planRefs(
    context,
    page.flatMap((r) => (r.planId ? [r.planId] : [])),
    known,
  );
  return {
    items: page.map((row) => toJson(row, refs)),
    counts,
    next: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

function filterOf(member: FeedbackMember, query: FeedbackListQuery): FeedbackFilter {
  return {
    workspaceId: member.workspaceId,
    status: query.status,
    tag: query.tag,
    planId: query.plan,
    targetMarketId: query.market,
    campaignId: query.campaign,
    authorId: query.mine ? member.userId : undefined,
    q: query.q,
  };
}

export function toJson(row: FeedbackRow, refs: Map<string, PlanRefs>): FeedbackJson {
  const planRef = row.planId ? refs.get(row.planId) : undefined;
  const named = (id: string | null, list: Array<{ id: string; name: string }> | undefined) =>
    id ? { id, name: list?.find((r) => r.id === id)?.name ?? null } : null;
  return {
    id: row.id,
    account: row.account,
    insight: row.insight,
    tags: row.tags,
    status: row.status,
    reply: row.reply,
    author: { id: row.authorId, name: row.authorName, team: row.authorTeam },
    plan: row.planId ? { id: row.planId, title: row.planTitle ?? "" } : null,
    targetMarket: named(row.targetMarketId, planRef?.markets),
    campaign: named(row.campaignId, planRef?.campaigns),
    section: row.section,
    triagedBy: row.triagedById
      ? { id: row.triagedById, name: row.triagedByName ?? "", team: row.triagedByTeam ?? "other" }
      : null,
    triagedAt: row.triagedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The dashboard's "field feedback by tag" of a plan: every tag, with how many items are still open. */
export async function feedbackByTag(
  context: AccordContext,
  plan: { id: string; workspaceId: string },
): Promise<Array<{ tag: FeedbackTag; label: string; total: number; open: number }>> {
  const counts = await feedbackCountsByTag(context.sql, plan.workspaceId, plan.id);
  return counts.map((c) => ({ ...c, label: FEEDBACK_TAG_LABELS[c.tag] }));
}
