import type { PlanStatus } from "../../app/domain/plan-status";
import type { Db } from "../sql";

/**
 * Read-only share links (migration 0008): the SHA-256 of a random token per
 * link, never the token. A link works while revoked_at is null and its plan
 * exists (links go with their plan).
 */

export interface ShareLinkRow {
  id: string;
  planId: string;
  createdAt: Date;
  createdById: string | null;
  /** Null once the creator's account is gone. */
  createdByName: string | null;
}

const linkColumns = (db: Db) => db`
  l.id, l.plan_id as "planId", l.created_at as "createdAt", l.created_by as "createdById",
  u.name as "createdByName"`;

export async function insertShareLink(
  db: Db,
  link: { planId: string; workspaceId: string; tokenHash: string; createdBy: string },
): Promise<ShareLinkRow> {
  const [row] = await db<ShareLinkRow[]>`
    with inserted as (
      insert into share_links (plan_id, workspace_id, token_hash, created_by)
      values (${link.planId}, ${link.workspaceId}, ${link.tokenHash}, ${link.createdBy})
      returning *
    )
    select ${linkColumns(db)} from inserted l left join users u on u.id = l.created_by`;
  return row!;
}

/** The plan's links that still work, newest first. */
export async function listActiveShareLinks(db: Db, planId: string): Promise<ShareLinkRow[]> {
  return db<ShareLinkRow[]>`
    select ${linkColumns(db)}
    from share_links l left join users u on u.id = l.created_by
    where l.plan_id = ${planId} and l.revoked_at is null
    order by l.created_at desc, l.id`;
}

/**
 * Revokes one working link of the plan; undefined when the plan has no such
 * link or it was revoked already. One conditional UPDATE, so of two revokes
 * at once exactly one is recorded.
 */
export async function revokeShareLink(
  db: Db,
  planId: string,
  linkId: string,
  revokedBy: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db<{ id: string }[]>`
    update share_links set revoked_at = now(), revoked_by = ${revokedBy}
    where id = ${linkId} and plan_id = ${planId} and revoked_at is null
    returning id`;
  return row;
}

/** The plan a working link opens. */
export interface SharedPlanRow {
  linkId: string;
  planId: string;
  workspaceId: string;
  title: string;
  period: string;
  currency: string;
  status: PlanStatus;
  approvedVersionId: string | null;
  approvedAt: Date | null;
}

/** The plan behind a token's hash, while its link works; undefined for an unknown or revoked one. */
export async function findSharedPlan(db: Db, tokenHash: string): Promise<SharedPlanRow | undefined> {
  const [row] = await db<SharedPlanRow[]>`
    select l.id as "linkId", p.id as "planId", p.workspace_id as "workspaceId", p.title, p.period,
           p.currency, p.status, p.approved_version_id as "approvedVersionId",
           p.approved_at as "approvedAt"
    from share_links l join plans p on p.id = l.plan_id
    where l.token_hash = ${tokenHash} and l.revoked_at is null`;
  return row;
}
