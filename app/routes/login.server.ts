import { hitRateLimit } from "../../db/queries/rate-limits";
import { findUserByEmail } from "../../db/queries/users";
import { listMembershipsOfUser } from "../../db/queries/workspaces";
import type { AccordContext } from "../utils/context.server";
import { verifyPassword } from "../utils/password.server";

/** Login attempts allowed per account and per address in one window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_SECONDS = 60;

export type LoginOutcome =
  | { kind: "ok"; userId: string; workspaceId: string | null }
  | { kind: "bad-credentials" }
  | { kind: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks the rate limits first (so a locked-out attacker learns nothing, not
 * even whether the password was right), then the password.
 */
export async function attemptLogin(context: AccordContext, email: string, password: string): Promise<LoginOutcome> {
  const [byAccount, byAddress] = await Promise.all([
    hitRateLimit(context.sql, `login:account:${email}`, LOGIN_WINDOW_SECONDS),
    hitRateLimit(context.sql, `login:address:${context.clientIp}`, LOGIN_WINDOW_SECONDS),
  ]);
  const over = [byAccount, byAddress].filter((l) => l.hits > LOGIN_LIMIT);
  if (over.length) {
    const resetAt = Math.max(...over.map((l) => l.resetAt.getTime()));
    context.log.warn({ ip: context.clientIp }, "login rate limited");
    return { kind: "rate-limited", retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) };
  }
  const user = await findUserByEmail(context.sql, email);
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) return { kind: "bad-credentials" };
  const [first] = await listMembershipsOfUser(context.sql, user.id);
  return { kind: "ok", userId: user.id, workspaceId: first?.workspaceId ?? null };
}
