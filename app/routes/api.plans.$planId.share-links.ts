import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";
import { createShareLink, shareLinksOf } from "../utils/share-links.server";

/** GET /api/plans/:planId/share-links: the plan's working read-only links, newest first (owners only). */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  return Response.json({ links: await shareLinksOf(context, plan) });
});

/**
 * POST /api/plans/:planId/share-links (no body): owners make a new
 * read-only link; the answer's `url` holds the token, this once.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const created = await createShareLink(context, plan, session.userId);
  return Response.json(created, {
    status: 201,
    headers: { Location: `/api/plans/${plan.id}/share-links/${created.link.id}` },
  });
});
