import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import {
  deleteComment,
  findCommentForMember,
  findThreadForMember,
  findWorkspaceMembers,
  insertComment,
  insertThread,
  setThreadBlocking,
  setThreadStatus,
  threadParticipants,
  touchThread,
  updateComment,
  type CommentAccessRow,
  type ThreadAccessRow,
} from "../../db/queries/comments";
import { announceInbox, announceThread } from "../../db/queries/live-events";
import { loadThreads } from "../../db/queries/thread-listing";
import {
  deleteNotificationsOfComment,
  insertNotifications,
  type NewNotification,
} from "../../db/queries/notifications";
import type { PlanRow } from "../../db/queries/plans";
import type { Db, Tx } from "../../db/sql";
import {
  anchorSection,
  COMMENT_SECTIONS,
  decodePosition,
  mayChangeComment,
  mayComment,
  mayModerateThread,
  mentionsIn,
  type CommentActor,
  type CommentJson,
  type CommentWrite,
  type NotificationKind,
  type ThreadCreate,
  type ThreadFilter,
  type ThreadJson,
  type ThreadStatus,
} from "../domain/comments";
import { methodNotAllowed } from "./api.server";
import { requireApiSession } from "./auth.server";
import type { AccordContext } from "./context.server";
import { badRequest, conflict, forbidden, notFound } from "./http.server";

/**
 * Comment threads for the API routes: access (404 for anything outside the
 * member's workspaces, 403 for a role that may not), the writes, each in
 * one transaction with the notifications it causes and the NOTIFY that
 * makes it live on every server process, and the JSON of docs/API.md.
 */

/** One answer for "malformed", "does not exist" and "not yours", so ids cannot be probed. */
export const NO_SUCH_THREAD = "There is no such thread, or you do not have access to it.";
export const NO_SUCH_COMMENT = "There is no such comment, or you do not have access to it.";

export const MAY_NOT_COMMENT = "Your role lets you read threads, not write in them.";
export const MAY_NOT_MODERATE =
  "Only editors and whoever started the thread can resolve, reopen or mark it blocking.";
export const MAY_NOT_CHANGE = "Only its author can edit or delete a comment.";
export const COMMENT_DELETED = "This comment was deleted; it cannot be edited.";
const NOT_MEMBERS = "Mention only members of this workspace.";

const Uuid = z.uuid();

/** Who acts, with their role in the workspace of the plan concerned. */
type Actor = CommentActor;

export function requireThread(
  context: AccordContext,
  threadId: string | undefined,
  userId: string,
): Promise<ThreadAccessRow> {
  return findOr404(threadId, (id) => findThreadForMember(context.sql, id, userId), NO_SUCH_THREAD);
}

export function requireComment(
  context: AccordContext,
  commentId: string | undefined,
  userId: string,
): Promise<CommentAccessRow> {
  return findOr404(commentId, (id) => findCommentForMember(context.sql, id, userId), NO_SUCH_COMMENT);
}

/** A malformed id, an unknown one and one of another workspace: all the same 404. */
async function findOr404<T>(
  id: string | undefined,
  find: (id: string) => Promise<T | undefined>,
  message: string,
): Promise<T> {
  const parsed = Uuid.safeParse(id);
  if (!parsed.success) notFound(message);
  const found = await find(parsed.data);
  if (!found) notFound(message);
  return found;
}

export function requireMayComment(actor: Actor): void {
  if (!mayComment(actor)) forbidden(MAY_NOT_COMMENT);
}

export function requireMayModerate(actor: Actor, thread: ThreadAccessRow): void {
  if (!mayModerateThread(actor, thread)) forbidden(MAY_NOT_MODERATE);
}

export function requireMayChange(actor: Actor, comment: CommentAccessRow): void {
  if (!mayChangeComment(actor, comment)) forbidden(MAY_NOT_CHANGE);
}

/** A plan's threads in the side panel's order: by section as the page reads, then oldest first. */
export async function listPlanThreads(
  context: AccordContext,
  planId: string,
  filter: { status: ThreadFilter; mentioning?: string },
): Promise<ThreadJson[]> {
  const threads = await loadThreads(context.sql, { planId, ...filter });
  const order = new Map<string, number>(COMMENT_SECTIONS.map((section, i) => [section, i]));
  const sectionOf = (thread: ThreadJson) =>
    order.get(anchorSection(thread.anchor)) ?? COMMENT_SECTIONS.length;
  // Array.prototype.sort is stable: within a section the query's creation order stays.
  return threads.sort((a, b) => sectionOf(a) - sectionOf(b));
}

export async function threadJson(context: AccordContext, threadId: string): Promise<ThreadJson> {
  return loadThread(context.sql, threadId);
}

/** POST /api/plans/:planId/threads: the thread, its first comment and the mentions it sends. */
export async function startThread(
  context: AccordContext,
  plan: PlanRow,
  actor: Actor,
  input: ThreadCreate,
): Promise<ThreadJson> {
  requireMayComment(actor);
  if (input.anchor.kind === "text" && !(isPosition(input.anchor.start) && isPosition(input.anchor.end))) {
    throw badRequest({ anchor: ["The anchor's positions are not Yjs relative positions."] });
  }
  const thread = await context.sql.begin(async (tx) => {
    const mentions = await keptMentions(tx, plan.workspaceId, input);
    const { id } = await insertThread(tx, {
      planId: plan.id,
      authorId: actor.userId,
      anchor: input.anchor,
      section: anchorSection(input.anchor),
      blocking: input.blocking,
    });
    const comment = await insertComment(tx, {
      threadId: id,
      authorId: actor.userId,
      body: input.body,
      mentions,
    });
    const place = { workspaceId: plan.workspaceId, planId: plan.id, threadId: id };
    const notified = await insertNotifications(
      tx,
      notices(place, actor, "mention", comment.id, without(mentions, actor.userId)),
    );
    await announce(tx, plan.id, id, notified);
    return loadThread(tx, id);
  });
  context.log.info({ planId: plan.id, threadId: thread.id, userId: actor.userId }, "thread started");
  return thread;
}

/** POST /api/threads/:threadId/comments: a reply, telling the mentioned and the thread's participants. */
export async function addComment(
  context: AccordContext,
  thread: ThreadAccessRow,
  actor: Actor,
  input: CommentWrite,
): Promise<{ comment: CommentJson; thread: ThreadJson }> {
  requireMayComment(actor);
  return context.sql.begin(async (tx) => {
    const mentions = await keptMentions(tx, thread.workspaceId, input);
    const participants = await threadParticipants(tx, thread.id);
    const comment = await insertComment(tx, {
      threadId: thread.id,
      authorId: actor.userId,
      body: input.body,
      mentions,
    });
    await touchThread(tx, thread.id);
    const mentioned = without(mentions, actor.userId);
    const repliedTo = participants.filter((id) => id !== actor.userId && !mentions.includes(id));
    const notified = await insertNotifications(tx, [
      ...notices(placeOf(thread), actor, "mention", comment.id, mentioned),
      ...notices(placeOf(thread), actor, "reply", comment.id, repliedTo),
    ]);
    await announce(tx, thread.planId, thread.id, notified);
    return withComment(await loadThread(tx, thread.id), comment.id);
  });
}

/**
 * PATCH /api/comments/:commentId: new body and mentions. Only members
 * mentioned now and not before are told; nobody is ever told twice about
 * one comment.
 */
export async function editComment(
  context: AccordContext,
  comment: CommentAccessRow,
  actor: Actor,
  input: CommentWrite,
): Promise<{ comment: CommentJson; thread: ThreadJson }> {
  requireMayChange(actor, comment);
  if (comment.deletedAt) conflict(COMMENT_DELETED);
  return context.sql.begin(async (tx) => {
    const current = await findCommentForMember(tx, comment.id, actor.userId, { lock: true });
    if (!current) notFound(NO_SUCH_COMMENT);
    if (current.deletedAt) conflict(COMMENT_DELETED);
    const mentions = await keptMentions(tx, comment.workspaceId, input);
    await updateComment(tx, { id: comment.id, body: input.body, mentions });
    const added = without(mentions, actor.userId).filter((id) => !current.mentions.includes(id));
    const notified = await insertNotifications(
      tx,
      notices(placeOf(comment), actor, "mention", comment.id, added),
    );
    await announce(tx, comment.planId, comment.threadId, notified);
    return withComment(await loadThread(tx, comment.threadId), comment.id);
  });
}

/**
 * DELETE /api/comments/:commentId: the comment stays in the thread as
 * "deleted" (no body, no mentions) and the notifications it caused go.
 * Deleting it again changes nothing.
 */
export async function removeComment(
  context: AccordContext,
  comment: CommentAccessRow,
  actor: Actor,
): Promise<ThreadJson> {
  requireMayChange(actor, comment);
  return context.sql.begin(async (tx) => {
    const current = await findCommentForMember(tx, comment.id, actor.userId, { lock: true });
    if (!current) notFound(NO_SUCH_COMMENT);
    if (await deleteComment(tx, comment.id)) {
      const affected = await deleteNotificationsOfComment(tx, comment.id);
      await announce(tx, comment.planId, comment.threadId, affected);
    }
    return loadThread(tx, comment.threadId);
  });
}

/**
 * POST /api/threads/:threadId/resolve and /reopen. Idempotent: a thread
 * that already has the status is answered as it is, nothing written, no
 * event sent.
 */
export async function setStatus(
  context: AccordContext,
  thread: ThreadAccessRow,
  actor: Actor,
  status: ThreadStatus,
): Promise<ThreadJson> {
  requireMayModerate(actor, thread);
  const result = await context.sql.begin(async (tx) => {
    const changed = await setThreadStatus(tx, { threadId: thread.id, status, by: actor.userId });
    if (changed) {
      const kind: NotificationKind = status === "resolved" ? "resolved" : "reopened";
      const told = without(await threadParticipants(tx, thread.id), actor.userId);
      const notified = await insertNotifications(tx, notices(placeOf(thread), actor, kind, null, told));
      await announce(tx, thread.planId, thread.id, notified);
    }
    return { changed, thread: await loadThread(tx, thread.id) };
  });
  if (result.changed)
    context.log.info({ threadId: thread.id, userId: actor.userId, status }, "thread status changed");
  return result.thread;
}

/** The action of POST /api/threads/:threadId/resolve and /reopen: no body, editors and the thread's author. */
export async function threadStatusAction(
  { request, context, params }: ActionFunctionArgs,
  status: ThreadStatus,
): Promise<Response> {
  if (request.method !== "POST") methodNotAllowed(["POST"]);
  const session = await requireApiSession(request, context);
  const thread = await requireThread(context, params.threadId, session.userId);
  const actor = { userId: session.userId, role: thread.role };
  return Response.json({ thread: await setStatus(context, thread, actor, status) });
}

/** PATCH /api/threads/:threadId {blocking}: marks or settles an objection; unchanged is a no-op. */
export async function setBlocking(
  context: AccordContext,
  thread: ThreadAccessRow,
  actor: Actor,
  blocking: boolean,
): Promise<ThreadJson> {
  requireMayModerate(actor, thread);
  return context.sql.begin(async (tx) => {
    if (await setThreadBlocking(tx, thread.id, blocking)) await announce(tx, thread.planId, thread.id, []);
    return loadThread(tx, thread.id);
  });
}

/** Decodes to a RelativePosition that points somewhere: an item, or the start or end of a type. */
function isPosition(encoded: string): boolean {
  const position = decodePosition(encoded);
  return !!position && (position.item !== null || position.tname !== null || position.type !== null);
}

/**
 * The mentions a comment keeps: every requested id must be a member of the
 * plan's workspace (otherwise 400, nothing written), and only those still
 * written as "@Name" in the body count.
 */
async function keptMentions(tx: Tx, workspaceId: string, input: CommentWrite): Promise<string[]> {
  const requested = [...new Set(input.mentions)];
  const members = await findWorkspaceMembers(tx, workspaceId, requested);
  if (members.length !== requested.length) throw badRequest({ mentions: [NOT_MEMBERS] });
  return mentionsIn(input.body, members);
}

async function loadThread(db: Db, threadId: string): Promise<ThreadJson> {
  const [thread] = await loadThreads(db, { threadIds: [threadId] });
  if (!thread) notFound(NO_SUCH_THREAD);
  return thread;
}

function withComment(thread: ThreadJson, commentId: string): { comment: CommentJson; thread: ThreadJson } {
  const comment = thread.comments.find((c) => c.id === commentId);
  if (!comment) notFound(NO_SUCH_COMMENT);
  return { comment, thread };
}

function without(ids: readonly string[], userId: string): string[] {
  return ids.filter((id) => id !== userId);
}

type Place = Pick<NewNotification, "workspaceId" | "planId" | "threadId">;

/** The workspace, plan and thread a thread or comment belongs to. */
function placeOf(row: ThreadAccessRow | CommentAccessRow): Place {
  return {
    workspaceId: row.workspaceId,
    planId: row.planId,
    threadId: "threadId" in row ? row.threadId : row.id,
  };
}

/** One notification of `kind` for each of `userIds`, about what `actor` did at `place`. */
function notices(
  place: Place,
  actor: Actor,
  kind: NotificationKind,
  commentId: string | null,
  userIds: readonly string[],
): NewNotification[] {
  return userIds.map((userId) => ({ ...place, actorId: actor.userId, userId, kind, commentId }));
}

/** Tells every server process: the thread changed, and whose inbox did. Delivered on commit. */
async function announce(tx: Tx, planId: string, threadId: string, inboxOf: readonly string[]): Promise<void> {
  await announceThread(tx, planId, threadId);
  if (inboxOf.length) await announceInbox(tx, inboxOf);
}
