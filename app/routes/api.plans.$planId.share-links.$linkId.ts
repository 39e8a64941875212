import type { ActionFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { revokeShareLinkOf } from "../utils/share-links.server";

/**
 * DELETE /api/plans/:planId/share-links/:linkId: owners revoke a link; it
 * answers 404 from then on. A link already revoked, or not of this plan, is
 * a 404 here too.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "DELETE") methodNotAllowed(["DELETE"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json({ revoked: await revokeShareLinkOf(context, plan, params.linkId, session.userId) });
});

export const loader = apiRoute(async () => methodNotAllowed(["DELETE"]));
