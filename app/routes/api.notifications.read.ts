import type { ActionFunctionArgs } from "@remix-run/node";
import { NotificationsReadSchema } from "../domain/comments";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { markRead } from "../utils/notifications.server";

/**
 * POST /api/notifications/read {ids: [...]} or {all: true}: marks the
 * caller's own notifications read; anyone else's ids are ignored.
 */
export const action = apiRoute(async ({ request, context }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["POST"]);
  const session = await requireApiSession(request, context);
  const which = parseInput(NotificationsReadSchema, await readJsonBody(request));
  return Response.json({ unread: await markRead(context, session.userId, which) });
});

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
