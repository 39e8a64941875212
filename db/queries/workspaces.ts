import type { Db } from "../sql";
import type { Role, Team } from "../../app/domain/membership";

export interface WorkspaceRow {
  id: string;
  name: string;
}

export interface MembershipRow {
  workspaceId: string;
  workspaceName: string;
  userId: string;
  role: Role;
  team: Team;
  canSignOff: boolean;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  team: Team;
  canSignOff: boolean;
  joinedAt: Date;
}

export async function insertWorkspace(db: Db, name: string): Promise<WorkspaceRow> {
  const [row] = await db<WorkspaceRow[]>`
    insert into workspaces (name) values (${name}) returning id, name`;
  return row!;
}

export async function insertMembership(
  db: Db,
  m: { workspaceId: string; userId: string; role: Role; team: Team; canSignOff: boolean },
): Promise<"added" | "already-member"> {
  const rows = await db`
    insert into memberships (workspace_id, user_id, role, team, can_sign_off)
    values (${m.workspaceId}, ${m.userId}, ${m.role}, ${m.team}, ${m.canSignOff})
    on conflict (workspace_id, user_id) do nothing
    returning 1`;
  return rows.length ? "added" : "already-member";
}

/** The member's standing in one workspace, or undefined when not a member. */
export async function findMembership(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  const [row] = await db<MembershipRow[]>`
    select m.workspace_id as "workspaceId", w.name as "workspaceName", m.user_id as "userId",
           m.role, m.team, m.can_sign_off as "canSignOff"
    from memberships m join workspaces w on w.id = m.workspace_id
    where m.workspace_id = ${workspaceId} and m.user_id = ${userId}`;
  return row;
}

/** Every workspace the user belongs to, oldest membership first. */
export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return db<MembershipRow[]>`
    select m.workspace_id as "workspaceId", w.name as "workspaceName", m.user_id as "userId",
           m.role, m.team, m.can_sign_off as "canSignOff"
    from memberships m join workspaces w on w.id = m.workspace_id
    where m.user_id = ${userId}
    order by m.created_at, w.name`;
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberRow[]> {
  return db<MemberRow[]>`
    select u.id as "userId", u.name, u.email, m.role, m.team, m.can_sign_off as "canSignOff",
           m.created_at as "joinedAt"
    from memberships m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId}
    order by
      case m.team when 'leadership' then 0 when 'marketing' then 1 when 'sales' then 2 else 3 end,
      u.name`;
}

export async function updateMembership(
  db: Db,
  m: { workspaceId: string; userId: string; role: Role; team: Team; canSignOff: boolean },
): Promise<boolean> {
  const rows = await db`
    update memberships set role = ${m.role}, team = ${m.team}, can_sign_off = ${m.canSignOff}
    where workspace_id = ${m.workspaceId} and user_id = ${m.userId}
    returning 1`;
  return rows.length > 0;
}

export async function deleteMembership(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await db`
    delete from memberships where workspace_id = ${workspaceId} and user_id = ${userId}
    returning 1`;
  return rows.length > 0;
}

/** Locks the workspace's owner rows and counts them, so "last owner" checks cannot race. */
export async function countOwnersForUpdate(db: Db, workspaceId: string): Promise<number> {
  const rows = await db`
    select user_id from memberships
    where workspace_id = ${workspaceId} and role = 'owner'
    for update`;
  return rows.length;
}

/** One member of the workspace with their name and e-mail, or undefined when not a member. */
export async function findMember(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const [row] = await db<MemberRow[]>`
    select u.id as "userId", u.name, u.email, m.role, m.team, m.can_sign_off as "canSignOff",
           m.created_at as "joinedAt"
    from memberships m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and m.user_id = ${userId}`;
  return row;
}
