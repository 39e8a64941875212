import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SignersSchema } from "../domain/signoff";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { chooseSigners, requireMayChooseSigners, signersOf } from "../utils/signers.server";

/** GET /api/plans/:planId/signers: who must sign, who could, and whether you may choose. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json(await signersOf(context, plan, session.userId));
});

/** PUT /api/plans/:planId/signers {userIds}: the workspace owner (or the plan's creator) sets the list. */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "PUT") methodNotAllowed(["GET", "PUT"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  await requireMayChooseSigners(context, plan, session.userId);
  const { userIds } = parseInput(SignersSchema, await readJsonBody(request));
  return Response.json(await chooseSigners(context, plan, session.userId, userIds));
});
