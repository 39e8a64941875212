import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed, parseInput } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { inboxOf, NotificationsQuerySchema } from "../utils/notifications.server";

/**
 * GET /api/notifications[?unread=1][&limit=50]: the caller's notifications
 * from every workspace they belong to, newest first, and the unread count.
 */
export const loader = apiRoute(async ({ request, context }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const query = parseInput(NotificationsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await inboxOf(context, session.userId, query));
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
