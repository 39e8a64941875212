import { redirect } from "@remix-run/node";
import { planLiveSeq } from "../../db/queries/live-events";
import { requireMember, type Member } from "./auth.server";
import type { AccordContext } from "./context.server";
import { requirePlanForMember } from "./plans.server";
import { switchSessionWorkspace } from "./session.server";
import type { PlanForMember } from "./plans.server";

/**
 * The plan a page is about, for the member asking: the plan page and its
 * versions, audit log and print view. "Not yours" and "does not exist" are
 * the same 404. A link to a plan of another of the member's workspaces
 * switches the session to that workspace first, so the navigation around
 * the page belongs to the plan's workspace.
 *
 * `liveSeq` is the plan's live-change count, read before anything else of
 * the page: pages that follow the plan live hand it to `usePlanRefresh`.
 */
export async function requirePlanPage(
  request: Request,
  context: AccordContext,
  planIdParam: string | undefined,
): Promise<{ member: Member; plan: PlanForMember; liveSeq: number }> {
  const member = await requireMember(request, context);
  const plan = await requirePlanForMember(context, planIdParam, member.user.id);
  if (plan.workspaceId !== member.membership.workspaceId) {
    await switchSessionWorkspace(context, member.session.id, plan.workspaceId);
    const url = new URL(request.url);
    throw redirect(url.pathname + url.search);
  }
  return { member, plan, liveSeq: await planLiveSeq(context.sql, plan.id) };
}
