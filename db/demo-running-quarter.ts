import * as Y from "yjs";
import { projectPlan, type PlanSections } from "../app/domain/plan";
import { contentHash } from "../app/domain/signoff";
import { demoActuals } from "./demo-actuals";
import { demoPlanDoc, type DemoQuarter } from "./demo-plan";
import { upsertActuals, upsertCampaignSpend } from "./queries/actuals";
import { appendAudit } from "./queries/audit";
import { appendUpdate } from "./queries/documents";
import { insertPlan } from "./queries/plans";
import { insertSignature, updateSignoffPlan } from "./queries/signoff";
import { insertVersion } from "./queries/versions";
import type { Tx } from "./sql";

/**
 * The demo's running quarter: "FY26 Q4 joint plan", submitted by Maya and
 * approved by both leaders (Raj for sales, Lena for marketing), with the
 * actuals sales and marketing entered so far. It gives the dashboard real
 * numbers to pace against and the share link an approved version to show,
 * beside the draft of the next quarter the rest of the demo is about.
 */
export const RUNNING_DEMO_QUARTER: DemoQuarter = { title: "FY26 Q4 joint plan", period: "2026-Q4" };

export async function seedRunningQuarter(
  tx: Tx,
  seed: {
    workspaceId: string;
    people: { owner: string; maya: string; sam: string; lena: string; raj: string };
    /** `YYYY-MM-DD`: actuals are entered up to this day. */
    today: string;
  },
): Promise<{ planId: string; content: PlanSections }> {
  const { workspaceId, people } = seed;
  const plan = await insertPlan(tx, {
    workspaceId,
    title: RUNNING_DEMO_QUARTER.title,
    period: RUNNING_DEMO_QUARTER.period,
    currency: "USD",
    createdBy: people.owner,
  });
  const { doc, content } = demoPlanDoc(people, RUNNING_DEMO_QUARTER);
  try {
    await appendUpdate(tx, plan.id, Y.encodeStateAsUpdate(doc));
    await appendAudit(tx, { workspaceId, planId: plan.id, actorId: people.owner, action: "plan.created" });

    const projected = projectPlan(doc);
    const state = Y.encodeStateAsUpdate(doc);
    const hash = await contentHash(projected);
    const submitted = await insertVersion(tx, {
      planId: plan.id,
      name: "Submitted for sign-off",
      kind: "submitted",
      state,
      content: projected,
      hash,
      createdBy: people.maya,
    });
    await updateSignoffPlan(tx, plan.id, { status: "in_review", reviewVersionId: submitted.id });
    await appendAudit(tx, {
      workspaceId,
      planId: plan.id,
      actorId: people.maya,
      action: "plan.submitted",
      detail: { versionId: submitted.id, number: submitted.number, hash, frozen: false },
    });
    for (const signer of [people.raj, people.lena]) {
      const signatureId = await insertSignature(tx, {
        planId: plan.id,
        versionId: submitted.id,
        signerId: signer,
        decision: "approve",
        note: "",
        hash,
        threadId: null,
      });
      await appendAudit(tx, {
        workspaceId,
        planId: plan.id,
        actorId: signer,
        action: "signature.approved",
        detail: { signatureId, versionId: submitted.id, hash },
      });
    }
    const approved = await insertVersion(tx, {
      planId: plan.id,
      name: "Approved",
      kind: "approved",
      state,
      content: projected,
      hash,
      createdBy: people.lena,
    });
    await updateSignoffPlan(tx, plan.id, {
      status: "approved",
      approvedVersionId: approved.id,
      approvedAt: new Date(),
    });
    await appendAudit(tx, {
      workspaceId,
      planId: plan.id,
      actorId: people.lena,
      action: "plan.approved",
      detail: {
        versionId: submitted.id,
        approvedVersionId: approved.id,
        hash,
        signers: [people.raj, people.lena],
      },
    });

    // Sales enters the markets' numbers, marketing its campaigns'.
    const actuals = demoActuals(content, seed.today);
    await upsertActuals(tx, plan.id, people.sam, actuals.rows);
    await upsertCampaignSpend(tx, plan.id, people.maya, actuals.spend);
  } finally {
    doc.destroy();
  }
  return { planId: plan.id, content };
}
