import * as Y from "yjs";
import { z } from "zod";
import { appendAudit } from "../../db/queries/audit";
import { findSignoffPlan, lockPlanForSignoff } from "../../db/queries/signoff";
import { findVersion, insertVersion, listVersions } from "../../db/queries/versions";
import { isPlanLocked } from "../domain/plan-status";
import { diffPlans, projectPlan, writePlanContent, type SectionDiff } from "../domain/plan";
import { can } from "../domain/policy";
import { contentHash, type VersionJson, type VersionSummaryJson } from "../domain/signoff";
import type { AccordContext } from "./context.server";
import { forbidden, notFound } from "./http.server";
import * as refuse from "./signoff-errors.server";
import { announce, planStep, versionOf } from "./signoff.server";
import type { PlanForMember } from "./plans.server";

/**
 * Versions of a plan (DESIGN.md section 6): named versions editors save,
 * the automatic ones of submit and approval (signoff.server.ts), reading
 * one, comparing two by section, and restoring one as a new change on top
 * of the live document: history is never rewritten, and everyone editing
 * sees the restore arrive like anyone's edit.
 */

export const NO_SUCH_VERSION = "There is no such version of this plan.";
export const NO_RIGHT_TO_VERSION = "Only owners and editors can save or restore versions.";

const VersionId = z.uuid();

export function requireMayVersion(plan: PlanForMember): void {
  if (!can({ role: plan.role }, "plan.edit")) forbidden(NO_RIGHT_TO_VERSION);
}

export async function versionsOf(context: AccordContext, plan: PlanForMember): Promise<VersionSummaryJson[]> {
  return listVersions(context.sql, plan.id);
}

/** One version of the plan; 404 for a malformed id or another plan's version. */
export async function requireVersion(
  context: AccordContext,
  plan: PlanForMember,
  versionId: string | undefined,
): Promise<VersionJson> {
  const id = VersionId.safeParse(versionId);
  if (!id.success) notFound(NO_SUCH_VERSION);
  const version = await findVersion(context.sql, plan.id, id.data);
  if (!version) notFound(NO_SUCH_VERSION);
  return version;
}

/** POST /api/plans/:planId/versions {name}: the content as editors see it now, kept under a name. */
export async function saveVersion(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  name: string,
): Promise<VersionSummaryJson> {
  requireMayVersion(plan);
  return planStep(context, plan.id, async (tx, row, current) => {
    const version = await insertVersion(tx, {
      planId: plan.id,
      name,
      kind: "named",
      ...versionOf(current),
      createdBy: userId,
    });
    await appendAudit(tx, {
      workspaceId: row.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: "version.saved",
      detail: { versionId: version.id, number: version.number, name, hash: version.hash },
    });
    await announce(tx, plan.id, []);
    return version;
  });
}

/** What a version is compared with: another version of the plan, or the content now. */
export interface Comparison {
  compare: { versionId: string | null; hash: string };
  /** What changed from the compared content to this version, section by section. */
  diff: SectionDiff[];
}

/** `?compare=<versionId>|current`: the diff from that content to `version`. */
export async function compareVersion(
  context: AccordContext,
  plan: PlanForMember,
  version: VersionJson,
  compare: string,
): Promise<Comparison> {
  if (compare === "current") {
    const current = await context.documents.current(plan.id);
    current.doc.destroy();
    return {
      compare: { versionId: null, hash: current.hash },
      diff: diffPlans(current.content, version.content),
    };
  }
  const other = await requireVersion(context, plan, compare);
  return {
    compare: { versionId: other.id, hash: other.hash },
    diff: diffPlans(other.content, version.content),
  };
}

/**
 * POST /api/plans/:planId/versions/:versionId/restore: writes the version's
 * sections over the live document as one new change (only what differs, so
 * rows keep their comments), after keeping the content it replaces as a
 * version of kind `restored`, so the restore can be undone the same way.
 * Refused (409) while the plan is locked. Restoring what is already there
 * changes nothing.
 */
export async function restoreVersion(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  version: VersionJson,
): Promise<{ restored: boolean; checkpoint: VersionSummaryJson | null; hash: string }> {
  requireMayVersion(plan);
  const result = await context.documents.exclusive(plan.id, async () => {
    const current = await context.documents.current(plan.id);
    try {
      if (current.hash === version.hash) {
        const row = await findSignoffPlan(context.sql, plan.id);
        if (!row) notFound();
        if (isPlanLocked(row)) refuse.locked();
        return { restored: false, checkpoint: null, hash: current.hash };
      }
      const checkpoint = await context.sql.begin(async (tx) => {
        const row = await lockPlanForSignoff(tx, plan.id);
        if (!row) notFound();
        if (isPlanLocked(row)) refuse.locked();
        const saved = await insertVersion(tx, {
          planId: plan.id,
          name: `Before restoring v${version.number}`,
          kind: "restored",
          ...versionOf(current),
          createdBy: userId,
        });
        await appendAudit(tx, {
          workspaceId: row.workspaceId,
          planId: plan.id,
          actorId: userId,
          action: "version.restored",
          detail: {
            versionId: version.id,
            number: version.number,
            hash: version.hash,
            checkpointId: saved.id,
          },
        });
        await announce(tx, plan.id, []);
        return saved;
      });
      const before = Y.encodeStateVector(current.doc);
      writePlanContent(current.doc, version.content);
      await context.documents.apply(plan.id, Y.encodeStateAsUpdate(current.doc, before));
      return { restored: true, checkpoint, hash: await contentHash(projectPlan(current.doc)) };
    } finally {
      current.doc.destroy();
    }
  });
  context.log.info(
    { planId: plan.id, userId, versionId: version.id, restored: result.restored },
    "version restored",
  );
  return result;
}
