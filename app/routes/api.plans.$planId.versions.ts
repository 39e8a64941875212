import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { VersionCreateSchema } from "../domain/signoff";
import { apiRoute, methodNotAllowed, parseInput, readJsonBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { requireMayVersion, saveVersion, versionsOf } from "../utils/versions.server";

/** GET /api/plans/:planId/versions: every version of the plan, newest first, without content. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json({ versions: await versionsOf(context, plan) });
});

/** POST /api/plans/:planId/versions {name}: owners and editors keep the content as it is now under a name. */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  requireMayVersion(plan);
  const { name } = parseInput(VersionCreateSchema, await readJsonBody(request));
  const version = await saveVersion(context, plan, session.userId, name);
  return Response.json(
    { version },
    { status: 201, headers: { Location: `/api/plans/${plan.id}/versions/${version.id}` } },
  );
});
