import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { actualsOf, saveActuals } from "../utils/actuals.server";
import { apiRoute, methodNotAllowed, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";

/** GET /api/plans/:planId/actuals: every member reads the plan's actuals and campaign spend. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json(await actualsOf(context, plan.id));
});

/** POST /api/plans/:planId/actuals {rows?, spend?}: owners and editors upsert months; all or nothing. */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const saved = await saveActuals(context, plan, session.userId, await readJsonBody(request));
  return Response.json({ saved: { rows: saved.rows.length, spend: saved.spend.length } });
});
