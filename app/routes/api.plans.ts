import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listPlans } from "../../db/queries/plans";
import { PlanCreateSchema } from "../domain/forms";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiMember, requirePermission } from "../utils/auth.server";
import { PlanStatusSchema } from "../domain/plan-status";
import { NO_RIGHT_TO_CREATE_PLAN, createPlan, planJson } from "../utils/plans.server";

const ListQuerySchema = z.object({ status: PlanStatusSchema.optional() });

/** GET /api/plans[?status=draft|in_review|approved]: the current workspace's plans, newest period first. */
export const loader = apiRoute(async ({ request, context }: LoaderFunctionArgs) => {
  const member = await requireApiMember(request, context);
  const query = parseInput(ListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const plans = await listPlans(context.sql, member.membership.workspaceId, { status: query.status });
  return Response.json({
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      period: p.period,
      status: p.status,
      currency: p.currency,
    })),
  });
});

/**
 * POST /api/plans {title, period, currency?}: a new draft plan in the current
 * workspace, for owners and editors. The refusal comes before the body is read,
 * so a viewer learns nothing from validation messages.
 */
export const action = apiRoute(async ({ request, context }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const member = await requireApiMember(request, context);
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  const values = parseInput(PlanCreateSchema, await readJsonBody(request));
  const plan = await createPlan(context, member, values);
  return Response.json(
    { plan: planJson(plan) },
    { status: 201, headers: { Location: `/api/plans/${plan.id}` } },
  );
});
