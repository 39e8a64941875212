import type { Db } from "../sql";
import type { Role, Team } from "../../app/domain/membership";

import type { PlanStatus } from "../../app/domain/plan-status";

export type { PlanStatus };

export interface PlanRow {
  id: string;
  workspaceId: string;
  title: string;
  period: string;
  currency: string;
  status: PlanStatus;
  /** Editing locked while in review (submitted with "freeze editing"); see isPlanLocked. */
  frozen: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const planColumns = (db: Db) => db`
  p.id, p.workspace_id as "workspaceId", p.title, p.period, p.currency, p.status, p.frozen,
  p.created_at as "createdAt", p.updated_at as "updatedAt"`;

export async function insertPlan(
  db: Db,
  plan: { workspaceId: string; title: string; period: string; currency: string; createdBy: string },
): Promise<PlanRow> {
  const [row] = await db<PlanRow[]>`
    insert into plans as p (workspace_id, title, period, currency, created_by)
    values (${plan.workspaceId}, ${plan.title}, ${plan.period}, ${plan.currency}, ${plan.createdBy})
    returning ${planColumns(db)}`;
  return row!;
}

/** The workspace's plans, newest period first. */
export async function listPlans(
  db: Db,
  workspaceId: string,
  filter: { status?: PlanStatus } = {},
): Promise<PlanRow[]> {
  return db<PlanRow[]>`
    select ${planColumns(db)} from plans p
    where p.workspace_id = ${workspaceId}
      ${filter.status ? db`and p.status = ${filter.status}` : db``}
    order by p.period desc, p.title`;
}

/**
 * The plan if `userId` belongs to its workspace, with that member's standing;
 * undefined for a plan that does not exist or that the user may not see.
 */
export async function findPlanForMember(
  db: Db,
  planId: string,
  userId: string,
): Promise<(PlanRow & { role: Role }) | undefined> {
  const [row] = await db<(PlanRow & { role: Role })[]>`
    select ${planColumns(db)}, m.role
    from plans p join memberships m on m.workspace_id = p.workspace_id and m.user_id = ${userId}
    where p.id = ${planId}`;
  return row;
}

/** What a websocket upgrade needs to know about a plan and one user's standing in its workspace. */
export interface PlanAccessRow {
  planId: string;
  workspaceId: string;
  status: PlanStatus;
  frozen: boolean;
  /** Null when the user is not a member of the plan's workspace. */
  role: Role | null;
  team: Team | null;
}

/**
 * The plan with `userId`'s role and team in its workspace (null when not a
 * member), or undefined when there is no such plan. Unlike findPlanForMember
 * it tells "no such plan" (404) from "not yours" (403), as the collaboration
 * upgrade answers them.
 */
export async function findPlanAccess(
  db: Db,
  planId: string,
  userId: string,
): Promise<PlanAccessRow | undefined> {
  const [row] = await db<PlanAccessRow[]>`
    select p.id as "planId", p.workspace_id as "workspaceId", p.status, p.frozen, m.role, m.team
    from plans p left join memberships m on m.workspace_id = p.workspace_id and m.user_id = ${userId}
    where p.id = ${planId}`;
  return row;
}
