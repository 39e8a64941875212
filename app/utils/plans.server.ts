import { z } from "zod";
import { appendAudit } from "../../db/queries/audit";
import { appendUpdate, loadDocument } from "../../db/queries/documents";
import { findPlanForMember, insertPlan, type PlanRow } from "../../db/queries/plans";
import { buildDoc } from "../../server/persistence/stored-doc";
import { copyPlanUpdate, newPlanUpdate, projectPlan, type PlanContent } from "../domain/plan";
import type { PlanCreateSchema } from "../domain/forms";
import type { Role } from "../domain/membership";
import { requirePermission, type Member } from "./auth.server";
import type { AccordContext } from "./context.server";
import { notFound } from "./http.server";

/** Why a viewer or commenter is refused, on the page and in the API alike. */
export const NO_RIGHT_TO_CREATE_PLAN = "Only owners and editors can create plans.";

/** One answer for "malformed", "does not exist" and "not yours", so ids cannot be probed. */
export const NO_SUCH_PLAN = "There is no such plan, or you do not have access to it.";

/** A plan with the asking member's role in its workspace. */
export type PlanForMember = PlanRow & { role: Role };

/**
 * The plan with the user's role, if the user belongs to its workspace
 * (whichever workspace the session is in); otherwise the one 404 above.
 * Every page and API route about a plan starts here.
 */
export async function requirePlanForMember(
  context: AccordContext,
  planId: string | undefined,
  userId: string,
): Promise<PlanForMember> {
  const parsed = z.uuid().safeParse(planId);
  if (!parsed.success) notFound(NO_SUCH_PLAN);
  const plan = await findPlanForMember(context.sql, parsed.data, userId);
  if (!plan) notFound(NO_SUCH_PLAN);
  return plan;
}

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
 * The plan's content as Postgres holds it (at most the durability window
 * behind the live document): the projection of DESIGN.md section 2, with
 * its derived figures. Callers check access first.
 */
export async function planContent(context: AccordContext, planId: string): Promise<PlanContent> {
  const { doc } = buildDoc(await loadDocument(context.sql, planId), planId, context.log);
  try {
    return projectPlan(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The plan's content as editors see it now: Postgres plus this process's
 * live room, whose latest edits may not be committed yet. Actuals, the
 * dashboard and field feedback check rows against it. Callers check access first.
 */
export function currentContent(context: AccordContext, planId: string): Promise<PlanContent> {
  return context.documents.content(planId);
}

/** The plan to copy is not one of this workspace's: refused like a bad field. */
export class CopySourceNotFound extends Error {
  constructor() {
    super("Choose a plan of this workspace to copy.");
  }
}

/**
 * Creates a plan in the member's current workspace, its first document state
 * and its audit row, in one transaction: the form page and the JSON API both
 * come through here, so a plan never exists without its document or without
 * the record of who made it. The document starts from the template, or as a
 * copy of another plan of the same workspace ("next quarter from this one";
 * the source stays untouched). Checks the right to create once more, so no
 * caller can forget it.
 */
export async function createPlan(
  context: AccordContext,
  member: Member,
  values: z.output<typeof PlanCreateSchema>,
): Promise<PlanRow> {
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  const workspaceId = member.membership.workspaceId;
  const { copyFrom, ...meta } = values;
  const plan = await context.sql.begin(async (tx) => {
    let firstUpdate = newPlanUpdate(meta);
    if (copyFrom) {
      const [source] = await tx`select 1 from plans where id = ${copyFrom} and workspace_id = ${workspaceId}`;
      if (!source) throw new CopySourceNotFound();
      const { doc } = buildDoc(await loadDocument(tx, copyFrom), copyFrom, context.log);
      firstUpdate = copyPlanUpdate(doc, meta);
      doc.destroy();
    }
    const created = await insertPlan(tx, { ...meta, workspaceId, createdBy: member.user.id });
    await appendUpdate(tx, created.id, firstUpdate);
    await appendAudit(tx, {
      workspaceId,
      planId: created.id,
      actorId: member.user.id,
      action: "plan.created",
      detail: { title: created.title, period: created.period, ...(copyFrom ? { copiedFrom: copyFrom } : {}) },
    });
    return created;
  });
  context.log.info({ planId: plan.id, userId: member.user.id, copiedFrom: copyFrom }, "plan created");
  return plan;
}
