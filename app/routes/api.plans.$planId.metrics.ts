import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, parseInput } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { MetricsQuerySchema, planDashboard } from "../utils/dashboard.server";
import { requirePlanForMember } from "../utils/plans.server";

/** GET /api/plans/:planId/metrics?today=YYYY-MM-DD: the dashboard's figures from the plan and its actuals. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { today } = parseInput(MetricsQuerySchema, query);
  const { dashboard } = await planDashboard(context, plan, today);
  return Response.json({ metrics: dashboard });
});
