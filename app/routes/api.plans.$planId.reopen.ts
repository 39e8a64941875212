import type { ActionFunctionArgs } from "@remix-run/node";
import { listSigners } from "../../db/queries/signoff";
import { ReopenSchema } from "../domain/signoff";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { forbidden } from "../utils/http.server";
import { NO_RIGHT_TO_REOPEN, reopenPlan } from "../utils/signoff.server";

/**
 * POST /api/plans/:planId/reopen {reason}: a required signer or the
 * workspace owner makes an approved plan editable again. The signatures
 * stay in its history; the reason goes to the audit log.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const isSigner = (await listSigners(context.sql, plan.id)).some((s) => s.id === session.userId);
  if (!isSigner && plan.role !== "owner") forbidden(NO_RIGHT_TO_REOPEN);
  const { reason } = parseInput(ReopenSchema, await readJsonBody(request));
  return Response.json({ signoff: await reopenPlan(context, plan, session.userId, reason) });
});

export const loader = apiRoute(async () => methodNotAllowed(["POST"]));
