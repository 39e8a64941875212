import type { z } from "zod";
import { appendAudit } from "../../db/queries/audit";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import type { PlanCreateSchema } from "../domain/forms";
import { requirePermission, type Member } from "./auth.server";
import type { AccordContext } from "./context.server";

/** Why a viewer or commenter is refused, on the page and in the API alike. */
export const NO_RIGHT_TO_CREATE_PLAN = "Only owners and editors can create plans.";

/** What the API tells about a plan: its row without the bookkeeping dates. */
export function planJson(plan: PlanRow) {
  return {
    id: plan.id,
    title: plan.title,
    period: plan.period,
    status: plan.status,
    currency: plan.currency,
    workspaceId: plan.workspaceId,
  };
}

/**
 * Creates a plan in the member's current workspace with its audit row, in one
 * transaction: the form page and the JSON API both come through here, so a
 * plan never exists without the record of who made it. Checks the right to
 * create once more, so no caller can forget it.
 */
export async function createPlan(
  context: AccordContext,
  member: Member,
  values: z.output<typeof PlanCreateSchema>,
): Promise<PlanRow> {
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  const workspaceId = member.membership.workspaceId;
  const plan = await context.sql.begin(async (tx) => {
    const created = await insertPlan(tx, { ...values, workspaceId, createdBy: member.user.id });
    await appendAudit(tx, {
      workspaceId,
      planId: created.id,
      actorId: member.user.id,
      action: "plan.created",
      detail: { title: created.title, period: created.period },
    });
    return created;
  });
  context.log.info({ planId: plan.id, userId: member.user.id }, "plan created");
  return plan;
}
