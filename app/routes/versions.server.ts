import { z } from "zod";
import { findSignoffPlan } from "../../db/queries/signoff";
import { listMembers } from "../../db/queries/workspaces";
import { diffPlans, type PlanContent, type SectionDiff } from "../domain/plan";
import { isPlanLocked } from "../domain/plan-status";
import { can } from "../domain/policy";
import type { VersionJson, VersionSummaryJson } from "../domain/signoff";
import type { AccordContext } from "../utils/context.server";
import { notFound } from "../utils/http.server";
import { currentContent, type PlanForMember } from "../utils/plans.server";
import { requireVersion, versionsOf } from "../utils/versions.server";
import { signoffView } from "./plan-signoff.server";

/** The plan as the version pages name it. */
function planSummary(plan: PlanForMember) {
  return { id: plan.id, title: plan.title, period: plan.period, status: plan.status };
}

/** GET /plans/:planId/versions: every version, newest first, and which ones the sign-off points at. */
export async function versionsPage(context: AccordContext, plan: PlanForMember) {
  const [versions, row] = await Promise.all([
    versionsOf(context, plan),
    findSignoffPlan(context.sql, plan.id),
  ]);
  if (!row) notFound();
  return {
    plan: planSummary(plan),
    versions,
    underReviewId: row.status === "in_review" ? row.reviewVersionId : null,
    approvedId: row.status === "approved" ? row.approvedVersionId : null,
    maySave: can({ role: plan.role }, "plan.edit"),
  };
}

/** `?compare=`: another version of the plan or "current"; anything else shows no comparison. */
const CompareSchema = z
  .union([z.literal("current"), z.uuid()])
  .optional()
  .catch(undefined);

/** One side of a comparison, as the page names it. */
export interface ComparedSide {
  /** The version's id, or null for the plan's current content. */
  id: string | null;
  label: string;
}

export interface Comparison {
  /** Older → newer: the diff says what changed from `from` to `to`. */
  from: ComparedSide;
  to: ComparedSide;
  diff: SectionDiff[];
  /** Both sides' target markets, to name the rows of either. */
  names: Pick<PlanContent, "targetMarkets" | "meta">;
}

const label = (v: VersionSummaryJson) => `version ${v.number}`;

/**
 * GET /plans/:planId/versions/:versionId[?compare=]: the version with its
 * content; compared, the changes from the older side to the newer one (the
 * current content is the newest), section by section; and the sign-off
 * card when this version is the one in review.
 */
export async function versionPage(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  versionId: string | undefined,
  url: URL,
) {
  const version = await requireVersion(context, plan, versionId);
  const compare = CompareSchema.parse(url.searchParams.get("compare") ?? undefined);
  const [comparison, members, signoff, versions] = await Promise.all([
    compare ? compareWith(context, plan, version, compare) : null,
    listMembers(context.sql, plan.workspaceId),
    signoffView(context, plan, userId),
    versionsOf(context, plan),
  ]);
  const inReview = signoff.signoff.status === "in_review" && signoff.signoff.version?.id === version.id;
  return {
    plan: planSummary(plan),
    version,
    comparison,
    /** Other versions, for the "compare with" choice. */
    others: versions
      .filter((v) => v.id !== version.id)
      .map((v) => ({ id: v.id, number: v.number, name: v.name })),
    people: Object.fromEntries(members.map((m) => [m.userId, m.name])),
    review: inReview ? { meId: userId, view: signoff } : null,
    mayRestore: can({ role: plan.role }, "plan.edit"),
    locked: isPlanLocked(plan),
  };
}

async function compareWith(
  context: AccordContext,
  plan: PlanForMember,
  version: VersionJson,
  compare: string,
): Promise<Comparison> {
  const here: ComparedSide = { id: version.id, label: label(version) };
  if (compare === "current") {
    const current = await currentContent(context, plan.id);
    return {
      from: here,
      to: { id: null, label: "the current plan" },
      diff: diffPlans(version.content, current),
      names: namesOf(current, version.content),
    };
  }
  const other = await requireVersion(context, plan, compare);
  const there: ComparedSide = { id: other.id, label: label(other) };
  const [older, newer] = other.number < version.number ? [other, version] : [version, other];
  return {
    from: older === version ? here : there,
    to: newer === version ? here : there,
    diff: diffPlans(older.content, newer.content),
    names: namesOf(newer.content, older.content),
  };
}

/** The newer content's names first, then markets only the older one still has. */
function namesOf(newer: PlanContent, older: PlanContent): Comparison["names"] {
  const ids = new Set(newer.targetMarkets.map((m) => m.id));
  return {
    meta: newer.meta,
    targetMarkets: [...newer.targetMarkets, ...older.targetMarkets.filter((m) => !ids.has(m.id))],
  };
}
