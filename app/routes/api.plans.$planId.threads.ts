import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ThreadCreateSchema, ThreadListQuerySchema } from "../domain/comments";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { listPlanThreads, requireMayComment, startThread } from "../utils/comments.server";
import { requirePlanForMember } from "../utils/plans.server";

/**
 * GET /api/plans/:planId/threads[?status=open|resolved|all][&mentioning=me]:
 * the plan's threads with their comments, by section in reading order, then
 * oldest first. Any member of the plan's workspace reads them.
 */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const query = parseInput(ThreadListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const threads = await listPlanThreads(context, plan.id, {
    status: query.status,
    mentioning: query.mentioning === "me" ? session.userId : undefined,
  });
  return Response.json({ threads });
});

/**
 * POST /api/plans/:planId/threads {anchor, body, mentions?, blocking?}: a new
 * thread with its first comment. Viewers are refused before the body is read.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const actor = { userId: session.userId, role: plan.role };
  requireMayComment(actor);
  const input = parseInput(ThreadCreateSchema, await readJsonBody(request));
  const thread = await startThread(context, plan, actor, input);
  return Response.json({ thread }, { status: 201, headers: { Location: `/api/threads/${thread.id}` } });
});
