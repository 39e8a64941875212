import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../../db/queries/audit";
import {
  findSharedPlan,
  insertShareLink,
  listActiveShareLinks,
  revokeShareLink,
  type SharedPlanRow,
  type ShareLinkRow,
} from "../../db/queries/share-links";
import { listSignatures } from "../../db/queries/signoff";
import { findVersion } from "../../db/queries/versions";
import { listMembers } from "../../db/queries/workspaces";
import type { Dashboard } from "../domain/metrics";
import { columnSpec, TABLE_SECTIONS, type PlanContent } from "../domain/plan";
import type { PlanStatus } from "../domain/plan-status";
import type { SignatureJson } from "../domain/signoff";
import { can } from "../domain/policy";
import { SHARE_TOKEN_PATTERN, type CreatedShareLinkJson, type ShareLinkJson } from "../domain/share-links";
import type { AccordContext } from "./context.server";
import { planDashboard } from "./dashboard.server";
import { forbidden, notFound } from "./http.server";
import type { PlanForMember } from "./plans.server";

/**
 * Read-only share links (issue 6): the owner hands a plan's dashboard and
 * its approved version to people outside the workspace through a link with
 * a random token. Only the token's SHA-256 is stored; revoking a link makes
 * it answer 404 at once. The public page shows figures, plan content and
 * people's names: never comments, e-mail addresses or anything editable.
 */

export const NO_RIGHT_TO_SHARE = "Only owners can share a plan outside the workspace.";
export const NO_SUCH_LINK = "There is no such share link of this plan, or it was already revoked.";

/** Owners only: a link lets anyone with it read the plan. */
export function requireMayShare(plan: PlanForMember): void {
  if (!can({ role: plan.role }, "plan.share")) forbidden(NO_RIGHT_TO_SHARE);
}

/** Only this is stored: a copy of share_links opens nothing. */
export function shareTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function linkJson(row: ShareLinkRow): ShareLinkJson {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? "" } : null,
  };
}

/** The plan's working links, newest first (owners only). */
export async function shareLinksOf(context: AccordContext, plan: PlanForMember): Promise<ShareLinkJson[]> {
  requireMayShare(plan);
  return (await listActiveShareLinks(context.sql, plan.id)).map(linkJson);
}

/**
 * A new link for the plan, with its audit row, in one transaction. The
 * answer carries the URL with the token: this once, and nowhere else.
 */
export async function createShareLink(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
): Promise<CreatedShareLinkJson> {
  requireMayShare(plan);
  const token = randomBytes(32).toString("base64url");
  const row = await context.sql.begin(async (tx) => {
    const inserted = await insertShareLink(tx, {
      planId: plan.id,
      workspaceId: plan.workspaceId,
      tokenHash: shareTokenHash(token),
      createdBy: userId,
    });
    await appendAudit(tx, {
      workspaceId: plan.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: "share_link.created",
      detail: { linkId: inserted.id },
    });
    return inserted;
  });
  context.log.info({ planId: plan.id, userId, linkId: row.id }, "share link created");
  return { link: linkJson(row), url: `${context.appOrigin}/share/${token}` };
}

/** Revokes one working link of the plan, with its audit row; 404 for a malformed, unknown or revoked one. */
export async function revokeShareLinkOf(
  context: AccordContext,
  plan: PlanForMember,
  linkIdParam: string | undefined,
  userId: string,
): Promise<{ id: string }> {
  requireMayShare(plan);
  const linkId = z.uuid().safeParse(linkIdParam);
  if (!linkId.success) notFound(NO_SUCH_LINK);
  const revoked = await context.sql.begin(async (tx) => {
    const row = await revokeShareLink(tx, plan.id, linkId.data, userId);
    if (!row) return undefined;
    await appendAudit(tx, {
      workspaceId: plan.workspaceId,
      planId: plan.id,
      actorId: userId,
      action: "share_link.revoked",
      detail: { linkId: row.id },
    });
    return row;
  });
  if (!revoked) notFound(NO_SUCH_LINK);
  context.log.info({ planId: plan.id, userId, linkId: revoked.id }, "share link revoked");
  return revoked;
}

/** The plan a token opens while its link works; undefined for a malformed, unknown or revoked token. */
export async function findSharedPlanByToken(
  context: AccordContext,
  token: string | undefined,
): Promise<SharedPlanRow | undefined> {
  if (!token || !SHARE_TOKEN_PATTERN.test(token)) return undefined;
  return findSharedPlan(context.sql, shareTokenHash(token));
}

/** The approved version as the public page shows it: content, its hash, who approved it and when (names only). */
export interface SharedApproval {
  number: number;
  name: string;
  hash: string;
  approvedAt: string | null;
  /** The plan was reopened since: this is the last approved content, not what editors see now. */
  reopened: boolean;
  content: PlanContent;
  /** Names of the members the content names (owner columns), by user id. */
  people: Record<string, string>;
  approvals: { name: string; at: string }[];
}

/** Everything the public page of a share link shows. */
export interface SharedView {
  plan: { title: string; period: string; status: PlanStatus };
  currency: string;
  dashboard: Dashboard;
  approved: SharedApproval | null;
}

/**
 * What a working link shows: the plan's title, its dashboard as members see
 * it today and its approved version, if any; undefined when the token does
 * not open a working link. Nothing here carries an e-mail address, a
 * comment, a note or an id of a person outside the content.
 */
export async function sharedView(
  context: AccordContext,
  token: string | undefined,
): Promise<SharedView | undefined> {
  const shared = await findSharedPlanByToken(context, token);
  if (!shared) return undefined;
  const [{ dashboard, currency }, approved] = await Promise.all([
    planDashboard(context, { id: shared.planId, currency: shared.currency }),
    sharedApproval(context, shared),
  ]);
  return {
    plan: { title: shared.title, period: shared.period, status: shared.status },
    currency,
    dashboard,
    approved,
  };
}

async function sharedApproval(context: AccordContext, shared: SharedPlanRow): Promise<SharedApproval | null> {
  if (!shared.approvedVersionId) return null;
  const version = await findVersion(context.sql, shared.planId, shared.approvedVersionId);
  if (!version) return null;
  // The approval's signatures are on the version that was submitted, with the same content hash.
  const [signatures, members] = await Promise.all([
    listSignatures(context.sql, shared.planId, { hash: version.hash }),
    listMembers(context.sql, shared.workspaceId),
  ]);
  const named = memberIdsIn(version.content);
  return {
    number: version.number,
    name: version.name,
    hash: version.hash,
    approvedAt: shared.approvedAt ? shared.approvedAt.toISOString() : null,
    reopened: shared.status !== "approved",
    content: version.content,
    people: Object.fromEntries(members.filter((m) => named.has(m.userId)).map((m) => [m.userId, m.name])),
    approvals: latestApprovals(signatures),
  };
}

/** Each signer's latest approval of the content, oldest first (the same content may have been reviewed twice). */
function latestApprovals(signatures: readonly SignatureJson[]): { name: string; at: string }[] {
  const latest = new Map<string, SignatureJson>();
  // Newest first: the first approval seen of a signer is their latest.
  for (const s of signatures)
    if (s.decision === "approve" && !latest.has(s.signer.id)) latest.set(s.signer.id, s);
  return [...latest.values()].reverse().map((s) => ({ name: s.signer.name, at: s.createdAt }));
}

/** The user ids the content's owner columns name: the only people whose names the page needs. */
function memberIdsIn(content: PlanContent): Set<string> {
  const ids = new Set<string>();
  for (const section of TABLE_SECTIONS) {
    for (const row of content[section] as ReadonlyArray<Record<string, unknown>>) {
      for (const [key, value] of Object.entries(row)) {
        const spec = columnSpec(section, key);
        if (spec?.kind === "ref" && spec.refersTo === "member" && typeof value === "string") ids.add(value);
      }
    }
  }
  return ids;
}
