import type { LoaderFunctionArgs } from "@remix-run/node";
import { planLiveSeq } from "../../db/queries/live-events";
import { eventStreamResponse } from "../../server/events/event-stream";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { requirePlanForMember } from "../utils/plans.server";

/**
 * GET /api/events[?plan=<planId>]: server-sent events. `inbox` with the
 * unread count, first and whenever it changes; `ready` once (with a plan,
 * `{"planSeq": n}`, the plan's live-change count as the stream starts);
 * with a plan, `thread` with the whole thread whenever one of that plan's
 * threads changes, `signoff` and `actuals` when those change. A plan the caller cannot read is a 404 before anything streams.
 */
export const loader = apiRoute(async ({ request, context }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const planParam = new URL(request.url).searchParams.get("plan");
  const plan = planParam === null ? null : await requirePlanForMember(context, planParam, session.userId);
  return eventStreamResponse(
    context.events,
    {
      userId: session.userId,
      sessionId: session.id,
      planId: plan?.id ?? null,
      workspaceId: plan?.workspaceId ?? null,
    },
    request.signal,
    async () => (plan ? { planSeq: await planLiveSeq(context.sql, plan.id) } : {}),
  );
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
