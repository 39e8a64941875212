import type { ActionFunctionArgs } from "@remix-run/node";
import { can } from "../domain/policy";
import { SubmitSchema } from "../domain/signoff";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { forbidden } from "../utils/http.server";
import { NO_RIGHT_TO_SUBMIT, submitForSignoff } from "../utils/signoff.server";

/**
 * POST /api/plans/:planId/submit {freezeEditing?}: owners and editors freeze
 * the plan's content as a version and ask its required signers to review
 * it (from draft, reopened, or in review again once it changed). 201 with
 * the version and the sign-off state.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  if (!can({ role: plan.role }, "plan.edit")) forbidden(NO_RIGHT_TO_SUBMIT);
  const input = parseInput(SubmitSchema, await readJsonBody(request));
  const result = await submitForSignoff(context, plan, session.userId, input);
  return Response.json(result, { status: 201 });
});

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
