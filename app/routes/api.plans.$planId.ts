import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { findPlanForMember } from "../../db/queries/plans";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { notFound } from "../utils/http.server";
import { planContent, planJson } from "../utils/plans.server";

/** One answer for "malformed", "does not exist" and "not yours", so ids cannot be probed. */
const NO_SUCH_PLAN = "There is no such plan, or you do not have access to it.";

/**
 * GET /api/plans/:planId: a plan of any workspace the user belongs to, with
 * their role there and its content (the projection of its document, with the
 * reverse funnel). Unlike the page, it does not switch the session's
 * workspace: a GET of the API changes nothing.
 */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const planId = z.uuid().safeParse(params.planId);
  if (!planId.success) notFound(NO_SUCH_PLAN);
  const plan = await findPlanForMember(context.sql, planId.data, session.userId);
  if (!plan) notFound(NO_SUCH_PLAN);
  return Response.json({
    plan: planJson(plan),
    role: plan.role,
    content: await planContent(context, plan.id),
  });
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
