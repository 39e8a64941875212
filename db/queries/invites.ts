import type { Db } from "../sql";
import type { Role, Team } from "../../app/domain/membership";

export interface InviteRow {
  id: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  team: Team;
  canSignOff: boolean;
  createdAt: Date;
  expiresAt: Date;
  createdByName: string;
}

export async function insertInvite(
  db: Db,
  invite: {
    workspaceId: string;
    tokenHash: string;
    role: Role;
    team: Team;
    canSignOff: boolean;
    createdBy: string;
    expiresAt: Date;
  },
): Promise<{ id: string }> {
  const [row] = await db<{ id: string }[]>`
    insert into invites (workspace_id, token_hash, role, team, can_sign_off, created_by, expires_at)
    values (${invite.workspaceId}, ${invite.tokenHash}, ${invite.role}, ${invite.team},
            ${invite.canSignOff}, ${invite.createdBy}, ${invite.expiresAt})
    returning id`;
  return row!;
}

const inviteColumns = (db: Db) => db`
  i.id, i.workspace_id as "workspaceId", w.name as "workspaceName", i.role, i.team,
  i.can_sign_off as "canSignOff", i.created_at as "createdAt", i.expires_at as "expiresAt",
  u.name as "createdByName"`;

/** An invite that can still be used: not used, not revoked, not expired. */
export async function findUsableInvite(db: Db, tokenHash: string): Promise<InviteRow | undefined> {
  const [row] = await db<InviteRow[]>`
    select ${inviteColumns(db)}
    from invites i join workspaces w on w.id = i.workspace_id join users u on u.id = i.created_by
    where i.token_hash = ${tokenHash}
      and i.used_at is null and i.revoked_at is null and i.expires_at > now()`;
  return row;
}

/**
 * Marks the invite used by this user, if it is still usable. Returns false when
 * another request took it first, so a single-use link admits one person only.
 */
export async function consumeInvite(db: Db, id: string, userId: string): Promise<boolean> {
  const rows = await db`
    update invites set used_at = now(), used_by = ${userId}
    where id = ${id} and used_at is null and revoked_at is null and expires_at > now()
    returning 1`;
  return rows.length > 0;
}

export async function listPendingInvites(db: Db, workspaceId: string): Promise<InviteRow[]> {
  return db<InviteRow[]>`
    select ${inviteColumns(db)}
    from invites i join workspaces w on w.id = i.workspace_id join users u on u.id = i.created_by
    where i.workspace_id = ${workspaceId}
      and i.used_at is null and i.revoked_at is null and i.expires_at > now()
    order by i.created_at desc`;
}

export async function revokeInvite(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db`
    update invites set revoked_at = now()
    where id = ${id} and workspace_id = ${workspaceId} and used_at is null and revoked_at is null
    returning 1`;
  return rows.length > 0;
}

/**
 * Any invite of the workspace by id, usable or not, so a revoke can tell
 * "already used or revoked" from "not yours".
 */
export async function findInviteOfWorkspace(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<{ id: string; usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | undefined> {
  const [row] = await db<{ id: string; usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }[]>`
    select id, used_at as "usedAt", revoked_at as "revokedAt", expires_at as "expiresAt"
    from invites where id = ${id} and workspace_id = ${workspaceId}`;
  return row;
}
