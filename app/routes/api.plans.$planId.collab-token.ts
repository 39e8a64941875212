import type { LoaderFunctionArgs } from "@remix-run/node";
import { mintCollabToken } from "../../server/collab/tokens";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";

/**
 * GET /api/plans/:planId/collab-token: a short-lived credential for opening
 * `/collab/<planId>?token=...` from a client without the browser's cookie (a
 * script, a test, another Yjs tool). Good for this plan only, for
 * COLLAB_TOKEN_SECONDS, and only while the session that asked for it lives.
 * Any member may have one; what the socket may do is decided on the upgrade.
 */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const { token, expiresAt } = mintCollabToken(context.sessionSecret, {
    userId: session.userId,
    planId: plan.id,
    sessionId: session.id,
  });
  return Response.json({ token, expiresAt: expiresAt.toISOString() });
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
