import { randomBytes } from "node:crypto";
import { sessionCookie, sessionIdOf } from "../../server/session-cookie";
import type { BenchDatabase } from "./database";

/** What a login leaves: a session row, and the signed cookie that carries its token. */
export async function loginCookie(db: BenchDatabase, sessionSecret: string, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.sql`
    insert into sessions (id, user_id, workspace_id, expires_at)
    values (${sessionIdOf(token)}, ${userId}, ${db.workspaceId}, now() + interval '1 day')`;
  const header = await sessionCookie({ sessionSecret, secureCookies: false }).serialize(token);
  return header.split(";")[0]!;
}
