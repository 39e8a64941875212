import type { Db } from "../sql";

export interface SessionRow {
  id: string;
  userId: string;
  workspaceId: string | null;
  expiresAt: Date;
  user: { id: string; email: string; name: string };
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; workspaceId: string | null; expiresAt: Date },
): Promise<void> {
  await db`
    insert into sessions (id, user_id, workspace_id, expires_at)
    values (${session.id}, ${session.userId}, ${session.workspaceId}, ${session.expiresAt})`;
}

/** A live (unexpired) session with its user, or undefined. */
export async function findLiveSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db<
    {
      id: string;
      userId: string;
      workspaceId: string | null;
      expiresAt: Date;
      email: string;
      name: string;
    }[]
  >`
    select s.id, s.user_id as "userId", s.workspace_id as "workspaceId",
           s.expires_at as "expiresAt", u.email, u.name
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id} and s.expires_at > now()`;
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.userId,
    workspaceId: row.workspaceId,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, name: row.name },
  };
}

export async function extendSession(db: Db, id: string, expiresAt: Date): Promise<void> {
  await db`update sessions set expires_at = ${expiresAt} where id = ${id}`;
}

export async function setSessionWorkspace(db: Db, id: string, workspaceId: string): Promise<void> {
  await db`update sessions set workspace_id = ${workspaceId} where id = ${id}`;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db`delete from sessions where id = ${id}`;
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const rows = await db`delete from sessions where expires_at <= now() returning 1`;
  return rows.length;
}
