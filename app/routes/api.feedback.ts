import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { FeedbackListQuerySchema } from "../domain/feedback";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiMember } from "../utils/auth.server";
import { createFeedback, feedbackPage } from "../utils/feedback.server";

/**
 * GET /api/feedback[?status=&tag=&plan=&market=&campaign=&mine=1&q=&before=&limit=]:
 * the current workspace's field feedback, newest first, with the counts
 * per status; `next` is the `before` of the following page. Any member.
 */
export const loader = apiRoute(async ({ request, context }: LoaderFunctionArgs) => {
  const member = await requireApiMember(request, context);
  const query = parseInput(FeedbackListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const page = await feedbackPage(
    context,
    { userId: member.user.id, workspaceId: member.membership.workspaceId },
    query,
  );
  return Response.json(page);
});

/**
 * POST /api/feedback {account, insight, tags, planId?, targetMarketId?, campaignId?}:
 * files an item in the current workspace. Anyone in it may, viewers too.
 */
export const action = apiRoute(async ({ request, context }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const member = await requireApiMember(request, context);
  const item = await createFeedback(
    context,
    { userId: member.user.id, workspaceId: member.membership.workspaceId },
    await readJsonBody(request),
  );
  return Response.json({ item }, { status: 201, headers: { Location: `/api/feedback/${item.id}` } });
});
