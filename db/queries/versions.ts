import type { Team } from "../../app/domain/membership";
import type { PlanContent } from "../../app/domain/plan";
import type { VersionJson, VersionKind, VersionSummaryJson } from "../../app/domain/signoff";
import type { Db, Tx } from "../sql";

/**
 * Frozen versions of a plan's document (migration 0005): the Yjs state, the
 * projection and its content hash, numbered per plan. Versions are never
 * changed (a trigger refuses it) and go only with their plan.
 */

interface VersionRow {
  id: string;
  number: number;
  name: string;
  kind: VersionKind;
  hash: string;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  createdByTeam: Team;
}

const summaryColumns = (db: Db) => db`
  v.id, v.number, v.name, v.kind, v.content_hash as hash, v.created_at as "createdAt",
  v.created_by as "createdById", u.name as "createdByName", coalesce(m.team, 'other') as "createdByTeam"`;

const summaryJoins = (db: Db) => db`
  join plans p on p.id = v.plan_id
  left join users u on u.id = v.created_by
  left join memberships m on m.workspace_id = p.workspace_id and m.user_id = v.created_by`;

function summaryJson(row: VersionRow): VersionSummaryJson {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    kind: row.kind,
    hash: row.hash,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById
      ? { id: row.createdById, name: row.createdByName ?? "", team: row.createdByTeam }
      : null,
  };
}

/**
 * Records a version numbered one past the plan's last. The caller holds the
 * plan row's lock (`lockPlanForSignoff`), so two writers cannot take the same
 * number; the unique constraint would refuse it anyway.
 */
export async function insertVersion(
  tx: Tx,
  version: {
    planId: string;
    name: string;
    kind: VersionKind;
    state: Uint8Array;
    content: PlanContent;
    hash: string;
    createdBy: string | null;
  },
): Promise<VersionSummaryJson> {
  const [inserted] = await tx<{ id: string }[]>`
    insert into plan_versions (plan_id, number, name, kind, state, content, content_hash, created_by)
    values (
      ${version.planId},
      (select coalesce(max(number), 0) + 1 from plan_versions where plan_id = ${version.planId}),
      ${version.name}, ${version.kind}, ${version.state}, ${tx.json(version.content as never)},
      ${version.hash}, ${version.createdBy})
    returning id`;
  const summary = await findVersionSummary(tx, version.planId, inserted!.id);
  return summary!;
}

/** The plan's versions, newest first, without their content. */
export async function listVersions(db: Db, planId: string): Promise<VersionSummaryJson[]> {
  const rows = await db<VersionRow[]>`
    select ${summaryColumns(db)} from plan_versions v ${summaryJoins(db)}
    where v.plan_id = ${planId}
    order by v.number desc`;
  return rows.map(summaryJson);
}

export async function findVersionSummary(
  db: Db,
  planId: string,
  versionId: string,
): Promise<VersionSummaryJson | undefined> {
  const [row] = await db<VersionRow[]>`
    select ${summaryColumns(db)} from plan_versions v ${summaryJoins(db)}
    where v.plan_id = ${planId} and v.id = ${versionId}`;
  return row ? summaryJson(row) : undefined;
}

/** One version of the plan with its content; undefined when the plan has no such version. */
export async function findVersion(
  db: Db,
  planId: string,
  versionId: string,
): Promise<VersionJson | undefined> {
  const [row] = await db<(VersionRow & { content: PlanContent })[]>`
    select ${summaryColumns(db)}, v.content from plan_versions v ${summaryJoins(db)}
    where v.plan_id = ${planId} and v.id = ${versionId}`;
  return row ? { ...summaryJson(row), content: row.content } : undefined;
}
