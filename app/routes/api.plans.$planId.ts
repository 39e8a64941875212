import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { planContent, planJson, requirePlanForMember } from "../utils/plans.server";

/**
 * GET /api/plans/:planId: a plan of any workspace the user belongs to, with
 * their role there and its content (the projection of its document, with the
 * reverse funnel). Unlike the page, it does not switch the session's
 * workspace: a GET of the API changes nothing.
 */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json({
    plan: planJson(plan),
    role: plan.role,
    content: await planContent(context, plan.id),
  });
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
