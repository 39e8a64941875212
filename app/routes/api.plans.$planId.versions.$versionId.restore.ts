import type { ActionFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { requireMayVersion, requireVersion, restoreVersion } from "../utils/versions.server";

/**
 * POST /api/plans/:planId/versions/:versionId/restore: owners and editors
 * write the version's content over the plan as a new change, which every
 * open editor sees arrive. No body. 409 while the plan is locked.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  requireMayVersion(plan);
  const version = await requireVersion(context, plan, params.versionId);
  return Response.json(await restoreVersion(context, plan, session.userId, version));
});

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
