import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listSigners } from "../../db/queries/signoff";
import { SignoffSchema } from "../domain/signoff";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { forbidden } from "../utils/http.server";
import { NOT_A_SIGNER, signOff, signoffState } from "../utils/signoff.server";

/** GET /api/plans/:planId/signoff: status, version under review, hashes, stale flag, signers, history, objections. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json({ signoff: await signoffState(context, plan.id) });
});

/**
 * POST /api/plans/:planId/signoff {decision, note, hash}: a required signer
 * approves the version in review or requests changes. 201 with the
 * signature and the new state; 409 when the hash is stale, the signer
 * already signed, or blocking threads refuse the final approval.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const signers = await listSigners(context.sql, plan.id);
  if (!signers.some((s) => s.id === session.userId)) forbidden(NOT_A_SIGNER);
  const input = parseInput(SignoffSchema, await readJsonBody(request));
  const result = await signOff(context, plan, session.userId, input);
  return Response.json(result, { status: 201 });
});
