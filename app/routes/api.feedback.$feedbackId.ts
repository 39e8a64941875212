import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import {
  changeFeedback,
  feedbackJson,
  requireFeedbackForMember,
  requireMayChange,
} from "../utils/feedback.server";

/** GET /api/feedback/:feedbackId: one item of a workspace the caller belongs to. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const item = await requireFeedbackForMember(context, params.feedbackId, session.userId);
  return Response.json({ item: await feedbackJson(context, item.workspaceId, item.id) });
});

/**
 * PATCH /api/feedback/:feedbackId: the author changes account, insight,
 * tags and links while the item is new; marketing's editors and the owner
 * set status, reply and section. An item of a workspace the caller is not
 * in is a 404; a member with no right to the change a 403, before the body
 * is read.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "PATCH") methodNotAllowed(["GET", "PATCH"]);
  const session = await requireApiSession(request, context);
  const item = await requireFeedbackForMember(context, params.feedbackId, session.userId);
  const actor = { userId: session.userId, role: item.role, team: item.team };
  requireMayChange(actor, item);
  const changed = await changeFeedback(context, item, actor, await readJsonBody(request));
  return Response.json({ item: changed });
});
