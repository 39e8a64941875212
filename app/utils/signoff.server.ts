import * as Y from "yjs";
import { appendAudit } from "../../db/queries/audit";
import { insertComment, insertThread } from "../../db/queries/comments";
import { announceInbox, announceSignoff, announceThread } from "../../db/queries/live-events";
import { insertNotifications, type NewNotification } from "../../db/queries/notifications";
import {
  DuplicateSignature,
  findSignoffPlan,
  insertSignature,
  listSignatures,
  listSigners,
  lockPlanForSignoff,
  openBlockingThreads,
  updateSignoffPlan,
  type SignoffPlanRow,
} from "../../db/queries/signoff";
import { findVersionSummary, insertVersion } from "../../db/queries/versions";
import type { Tx } from "../../db/sql";
import type { CurrentDocument } from "../../server/documents";
import type { PlanContent } from "../domain/plan";
import { SUBMITTABLE_STATUSES } from "../domain/plan-status";
import { can } from "../domain/policy";
import type {
  SignatureJson,
  SignerState,
  SignoffInput,
  SignoffJson,
  VersionSummaryJson,
} from "../domain/signoff";
import type { AccordContext } from "./context.server";
import type { PlanForMember } from "./plans.server";
import { forbidden, notFound } from "./http.server";
import * as refuse from "./signoff-errors.server";

/**
 * The sign-off workflow (DESIGN.md section 5): submit, approve or request
 * changes, reopen, and the state the plan page shows. Each step reads the
 * live content hash first (context.documents), then runs ONE transaction
 * that starts by locking the plan row, so steps on one plan happen one at
 * a time across processes: two final approvals at once make exactly one
 * transition. Each writes its audit row and notifications and NOTIFYs the
 * plan's open pages in that transaction.
 */

/** A plan as the routes found it, with the asking member's role in its workspace. */

export const NO_RIGHT_TO_SUBMIT = "Only owners and editors can submit a plan for sign-off.";
export const NOT_A_SIGNER = "Only the plan's required signers can sign it off.";
export const NO_RIGHT_TO_REOPEN =
  "Only a required signer or the workspace owner can reopen an approved plan.";

/** The anchor of the thread a request for changes opens: the plan's first section, the shared strategy. */
const REQUEST_ANCHOR = { kind: "section", section: "strategy" } as const;

/** GET /api/plans/:planId/signoff: where the plan stands, against its content now. */
export async function signoffState(
  context: AccordContext,
  planId: string,
  current?: Pick<CurrentDocument, "hash">,
): Promise<SignoffJson> {
  const row = await findSignoffPlan(context.sql, planId);
  if (!row) notFound();
  const hash = current?.hash ?? (await currentHash(context, planId));
  const shownVersionId =
    row.status === "in_review" ? row.reviewVersionId : row.status === "draft" ? null : row.approvedVersionId;
  const signedVersionId =
    row.status === "in_review" || row.status === "approved" ? row.reviewVersionId : null;
  const [version, signers, history, blocking] = await Promise.all([
    shownVersionId ? findVersionSummary(context.sql, planId, shownVersionId) : undefined,
    listSigners(context.sql, planId),
    listSignatures(context.sql, planId),
    openBlockingThreads(context.sql, planId),
  ]);
  const stale = version ? version.hash !== hash : false;
  const onVersion = history.filter((s) => signedVersionId !== null && s.versionId === signedVersionId);
  return {
    status: row.status,
    frozen: row.frozen,
    version: version ?? null,
    currentHash: hash,
    stale,
    signers: signers.map(({ id, name, team }) => {
      const signature = onVersion.find((s) => s.signer.id === id) ?? null;
      return { signer: { id, name, team }, state: signerState(signature, stale), signature };
    }),
    history,
    blockingThreads: blocking,
    approvedAt: row.status === "approved" ? (row.approvedAt?.toISOString() ?? null) : null,
  };
}

/** An approval of content that has changed since no longer counts. */
function signerState(signature: SignatureJson | null, stale: boolean): SignerState {
  if (!signature) return "pending";
  if (signature.decision === "request_changes") return "changes_requested";
  return stale ? "pending" : "approved";
}

async function currentHash(context: AccordContext, planId: string): Promise<string> {
  const current = await context.documents.current(planId);
  current.doc.destroy();
  return current.hash;
}

/**
 * Runs a step of the workflow: one at a time per plan in this process, with
 * the document as editors see it now, in a transaction that first locks the
 * plan row (404 if it is gone). Signers and versions use it too.
 */
export async function planStep<T>(
  context: AccordContext,
  planId: string,
  body: (tx: Tx, row: SignoffPlanRow, current: CurrentDocument) => Promise<T>,
): Promise<T> {
  return context.documents.exclusive(planId, async () => {
    const current = await context.documents.current(planId);
    try {
      return (await context.sql.begin(async (tx) => {
        const row = await lockPlanForSignoff(tx, planId);
        if (!row) notFound();
        return body(tx, row, current);
      })) as T;
    } finally {
      current.doc.destroy();
    }
  });
}

/** What a version keeps of the document: its Yjs state, projection and content hash. */
export function versionOf(current: CurrentDocument): {
  state: Uint8Array;
  content: PlanContent;
  hash: string;
} {
  return { state: Y.encodeStateAsUpdate(current.doc), content: current.content, hash: current.hash };
}

/** POST /api/plans/:planId/submit: freezes a version for the signers and asks them to review it. */
export async function submitForSignoff(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  input: { freezeEditing: boolean },
): Promise<{ version: VersionSummaryJson; signoff: SignoffJson }> {
  if (!can({ role: plan.role }, "plan.edit")) forbidden(NO_RIGHT_TO_SUBMIT);
  const result = await planStep(context, plan.id, async (tx, row, current) => {
    if (row.status === "approved") refuse.alreadyApproved();
    if (!SUBMITTABLE_STATUSES.includes(row.status)) refuse.notInReview();
    if (row.status === "in_review" && row.reviewVersionId) {
      const reviewed = await findVersionSummary(tx, plan.id, row.reviewVersionId);
      const rejected = (await listSignatures(tx, plan.id, { versionId: row.reviewVersionId })).some(
        (s) => s.decision === "request_changes",
      );
      if (reviewed?.hash === current.hash && !rejected) refuse.alreadyInReview();
    }
    const signers = await listSigners(tx, plan.id);
    if (signers.length === 0) refuse.noSigners();
    const version = await insertVersion(tx, {
      planId: plan.id,
      name: "Submitted for sign-off",
      kind: "submitted",
      ...versionOf(current),
      createdBy: userId,
    });
    await updateSignoffPlan(tx, plan.id, {
      status: "in_review",
      frozen: input.freezeEditing,
      reviewVersionId: version.id,
    });
    await appendAudit(tx, {
      workspaceId: row.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: "plan.submitted",
      detail: {
        versionId: version.id,
        number: version.number,
        hash: current.hash,
        frozen: input.freezeEditing,
      },
    });
    const told = await notify(
      tx,
      row,
      userId,
      "review_requested",
      null,
      signers.map((s) => s.id),
    );
    await announce(tx, plan.id, told);
    return { version, hash: current.hash };
  });
  context.log.info({ planId: plan.id, userId, versionId: result.version.id }, "plan submitted for sign-off");
  return { version: result.version, signoff: await signoffState(context, plan.id, result) };
}

/**
 * POST /api/plans/:planId/signoff: a required signer approves the version
 * under review, or requests changes with a note (which opens a blocking
 * thread and unfreezes the document). The hash the signer saw must be the
 * version's and the content's now; the last approval approves the plan.
 */
export async function signOff(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  input: SignoffInput,
): Promise<{ signature: SignatureJson; signoff: SignoffJson; approved: boolean }> {
  // An approval may be the final one: no edit may land between its hash check and its commit.
  const release = input.decision === "approve" ? context.documents.holdEdits(plan.id) : null;
  let approvedNow = false;
  try {
    const result = await signOffHeld(context, plan, userId, input);
    approvedNow = result.approved;
    return result;
  } finally {
    release?.(!approvedNow);
  }
}

async function signOffHeld(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  input: SignoffInput,
): Promise<{ signature: SignatureJson; signoff: SignoffJson; approved: boolean }> {
  const result = await planStep(context, plan.id, async (tx, row, current) => {
    const signers = await listSigners(tx, plan.id);
    if (!signers.some((s) => s.id === userId)) forbidden(NOT_A_SIGNER);
    if (row.status !== "in_review" || !row.reviewVersionId) refuse.notInReview();
    const version = await findVersionSummary(tx, plan.id, row.reviewVersionId);
    if (!version) refuse.notInReview();
    if (input.hash !== version.hash || current.hash !== version.hash) refuse.stale(current.hash);

    let threadId: string | null = null;
    if (input.decision === "request_changes") {
      threadId = (
        await insertThread(tx, {
          planId: plan.id,
          authorId: userId,
          anchor: REQUEST_ANCHOR,
          section: REQUEST_ANCHOR.section,
          blocking: true,
        })
      ).id;
      await insertComment(tx, { threadId, authorId: userId, body: input.note, mentions: [] });
    }
    let signatureId: string;
    try {
      signatureId = await insertSignature(tx, {
        planId: plan.id,
        versionId: version.id,
        signerId: userId,
        decision: input.decision,
        note: input.note,
        hash: version.hash,
        threadId,
      });
    } catch (error) {
      if (error instanceof DuplicateSignature) refuse.alreadySigned();
      throw error;
    }
    await appendAudit(tx, {
      workspaceId: row.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: input.decision === "approve" ? "signature.approved" : "signature.changes_requested",
      detail: { signatureId, versionId: version.id, hash: version.hash, ...(threadId ? { threadId } : {}) },
    });

    const told: string[] = [];
    let approved = false;
    if (threadId) {
      await updateSignoffPlan(tx, plan.id, { frozen: false });
      told.push(...(await notify(tx, row, userId, "changes_requested", threadId, submitters(row, version))));
      await announceThread(tx, plan.id, threadId);
    } else {
      approved = await approveIfComplete(tx, row, version, current, userId, { refuseBlocked: true });
      if (approved) {
        const everyone = [...signers.map((s) => s.id), ...submitters(row, version)];
        told.push(...(await notify(tx, row, userId, "plan_approved", null, everyone)));
      }
    }
    await announce(tx, plan.id, told);
    const [signature] = await listSignatures(tx, plan.id, { versionId: version.id }).then((all) =>
      all.filter((s) => s.id === signatureId),
    );
    return { signature: signature!, approved, hash: current.hash };
  });
  context.log.info(
    { planId: plan.id, userId, decision: input.decision, approved: result.approved },
    "plan signed",
  );
  return { ...result, signoff: await signoffState(context, plan.id, result) };
}

/**
 * Approves the plan when every required signer approved `version` and the
 * content is still that version's: status approved (locked), an automatic
 * version, the audit row. Open blocking threads refuse it (409, everything
 * rolled back) when `refuseBlocked`, or simply leave it in review.
 */
export async function approveIfComplete(
  tx: Tx,
  row: SignoffPlanRow,
  version: VersionSummaryJson,
  current: CurrentDocument,
  actorId: string,
  options: { refuseBlocked: boolean },
): Promise<boolean> {
  if (current.hash !== version.hash) return false;
  const signers = await listSigners(tx, row.id);
  if (signers.length === 0) return false;
  const approvals = new Set(
    (await listSignatures(tx, row.id, { versionId: version.id, hash: version.hash }))
      .filter((s) => s.decision === "approve")
      .map((s) => s.signer.id),
  );
  if (!signers.every((s) => approvals.has(s.id))) return false;
  const blocking = await openBlockingThreads(tx, row.id);
  if (blocking.length) {
    if (options.refuseBlocked) refuse.blockingThreads(blocking);
    return false;
  }
  const approved = await insertVersion(tx, {
    planId: row.id,
    name: "Approved",
    kind: "approved",
    ...versionOf(current),
    createdBy: actorId,
  });
  await updateSignoffPlan(tx, row.id, {
    status: "approved",
    frozen: false,
    approvedVersionId: approved.id,
    approvedAt: new Date(),
  });
  await appendAudit(tx, {
    workspaceId: row.workspaceId,
    planId: row.id,
    actorId,
    action: "plan.approved",
    detail: {
      versionId: version.id,
      approvedVersionId: approved.id,
      hash: version.hash,
      signers: signers.map((s) => s.id),
    },
  });
  return true;
}

/** POST /api/plans/:planId/reopen: an approved plan becomes editable again; its signatures stay in the history. */
export async function reopenPlan(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  reason: string,
): Promise<SignoffJson> {
  const result = await planStep(context, plan.id, async (tx, row, current) => {
    const isSigner = (await listSigners(tx, plan.id)).some((s) => s.id === userId);
    if (!isSigner && plan.role !== "owner") forbidden(NO_RIGHT_TO_REOPEN);
    if (row.status !== "approved") refuse.notApproved();
    await updateSignoffPlan(tx, plan.id, { status: "reopened", frozen: false });
    await appendAudit(tx, {
      workspaceId: row.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: "plan.reopened",
      detail: { reason, approvedVersionId: row.approvedVersionId },
    });
    await announce(tx, plan.id, []);
    return { hash: current.hash };
  });
  context.log.info({ planId: plan.id, userId }, "plan reopened");
  return signoffState(context, plan.id, result);
}

/** Who submitted the version and who made the plan: told about requests for changes and the approval. */
function submitters(row: SignoffPlanRow, version: VersionSummaryJson): string[] {
  return [version.createdBy?.id, row.createdBy].filter((id): id is string => typeof id === "string");
}

/** Notifies these users (never the actor, each once) of a sign-off step; returns whom. */
export async function notify(
  tx: Tx,
  row: SignoffPlanRow,
  actorId: string,
  kind: "review_requested" | "changes_requested" | "plan_approved",
  threadId: string | null,
  userIds: readonly string[],
): Promise<string[]> {
  const rows: NewNotification[] = [...new Set(userIds)]
    .filter((id) => id !== actorId)
    .map((userId) => ({
      userId,
      workspaceId: row.workspaceId,
      planId: row.id,
      threadId,
      commentId: null,
      actorId,
      kind,
    }));
  return insertNotifications(tx, rows);
}

/** Tells every process that the plan's sign-off changed, and whose inbox did; delivered on commit. */
export async function announce(tx: Tx, planId: string, inboxOf: readonly string[]): Promise<void> {
  await announceSignoff(tx, planId);
  if (inboxOf.length) await announceInbox(tx, inboxOf);
}
