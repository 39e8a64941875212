import { appendAudit } from "../../db/queries/audit";
import {
  eligibleAmong,
  findSignoffPlan,
  listEligibleSigners,
  listSigners,
  replaceSigners,
} from "../../db/queries/signoff";
import { findVersionSummary } from "../../db/queries/versions";
import type { PersonJson } from "../domain/comments";
import { can } from "../domain/policy";
import type { AccordContext } from "./context.server";
import { badRequest, forbidden } from "./http.server";
import * as refuse from "./signoff-errors.server";
import { announce, approveIfComplete, notify, planStep } from "./signoff.server";
import type { PlanForMember } from "./plans.server";

/**
 * Who must sign a plan (DESIGN.md section 5). A new plan gets one sales and
 * one marketing member who can sign off (migration 0005, for every way a
 * plan is created); the workspace owner, or the editor who created the plan,
 * changes the list among members who can sign off.
 */

export const NO_RIGHT_TO_CHOOSE_SIGNERS =
  "Only the workspace owner or the plan's creator can choose its signers.";
const NOT_ELIGIBLE = "Choose members of this workspace who can sign off.";

export interface SignersJson {
  signers: (PersonJson & { addedAt: string })[];
  /** Everyone who may be chosen: the workspace's members who can sign off. */
  eligible: PersonJson[];
  /** Whether the asking member may change the list. */
  canChoose: boolean;
}

/** GET /api/plans/:planId/signers */
export async function signersOf(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
): Promise<SignersJson> {
  const [signers, eligible, createdBy] = await Promise.all([
    listSigners(context.sql, plan.id),
    listEligibleSigners(context.sql, plan.workspaceId),
    creatorOf(context, plan.id),
  ]);
  return {
    signers: signers.map((s) => ({ id: s.id, name: s.name, team: s.team, addedAt: s.addedAt.toISOString() })),
    eligible,
    canChoose: mayChooseSigners(plan, userId, createdBy),
  };
}

function mayChooseSigners(plan: PlanForMember, userId: string, createdBy: string | null): boolean {
  return plan.role === "owner" || (createdBy === userId && can({ role: plan.role }, "plan.edit"));
}

async function creatorOf(context: AccordContext, planId: string): Promise<string | null> {
  return (await findSignoffPlan(context.sql, planId))?.createdBy ?? null;
}

/** Refuses (403) before the body is read, so the list's rules stay private to those who may change it. */
export async function requireMayChooseSigners(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
): Promise<void> {
  if (!mayChooseSigners(plan, userId, await creatorOf(context, plan.id)))
    forbidden(NO_RIGHT_TO_CHOOSE_SIGNERS);
}

/**
 * PUT /api/plans/:planId/signers {userIds}: the new list (400 unless every
 * one may sign off here; 409 on an approved plan, whose signatures are
 * history). Newly added signers of a plan in review are asked to review it;
 * when the change leaves only signers who already approved the current
 * content, the plan is approved (unless objections are open).
 */
export async function chooseSigners(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  userIds: readonly string[],
): Promise<SignersJson> {
  const eligible = await eligibleAmong(context.sql, plan.workspaceId, userIds);
  if (userIds.some((id) => !eligible.has(id))) throw badRequest({ userIds: [NOT_ELIGIBLE] });
  await planStep(context, plan.id, async (tx, row, current) => {
    if (row.status === "approved") refuse.alreadyApproved();
    const { added, removed } = await replaceSigners(tx, plan.id, userIds, userId);
    if (added.length === 0 && removed.length === 0) return;
    await appendAudit(tx, {
      workspaceId: row.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: "plan.signers_changed",
      detail: { added, removed, signers: userIds },
    });
    const told: string[] = [];
    if (row.status === "in_review" && row.reviewVersionId) {
      told.push(...(await notify(tx, row, userId, "review_requested", null, added)));
      const version = await findVersionSummary(tx, plan.id, row.reviewVersionId);
      if (version && (await approveIfComplete(tx, row, version, current, userId, { refuseBlocked: false }))) {
        const signers = (await listSigners(tx, plan.id)).map((s) => s.id);
        told.push(...(await notify(tx, row, userId, "plan_approved", null, signers)));
      }
    }
    await announce(tx, plan.id, told);
  });
  context.log.info({ planId: plan.id, userId, signers: userIds.length }, "plan signers chosen");
  return signersOf(context, plan, userId);
}
