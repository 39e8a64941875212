import { hitRateLimit, releaseRateLimit } from "../../db/queries/rate-limits";
import { findUserByEmail } from "../../db/queries/users";
import { listMembershipsOfUser } from "../../db/queries/workspaces";
import type { AccordContext } from "../utils/context.server";
import { verifyPassword } from "../utils/password.server";

/** Failed login attempts allowed per account and per address in one window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_SECONDS = 60;

export type LoginOutcome =
  | { kind: "ok"; userId: string; workspaceId: string | null }
  | { kind: "bad-credentials" }
  | { kind: "rate-limited"; retryAfterSeconds: number };

/**
 * Counts the attempt against the account and the address before checking the
 * password (so concurrent guesses cannot slip past the limit, and a locked-out
 * guesser learns nothing, not even whether the password was right), and takes
 * it back when the password was right: only failures use up the allowance, so
 * a team logging in from one office address is never locked out.
 */
export async function attemptLogin(
  context: AccordContext,
  email: string,
  password: string,
): Promise<LoginOutcome> {
  const keys = [`login:account:${email}`, `login:address:${context.clientIp}`];
  const limits = await Promise.all(keys.map((key) => hitRateLimit(context.sql, key, LOGIN_WINDOW_SECONDS)));
  const over = limits.filter((l) => l.hits > LOGIN_LIMIT);
  if (over.length) {
    const resetAt = Math.max(...over.map((l) => l.resetAt.getTime()));
    context.log.warn({ ip: context.clientIp }, "login rate limited");
    return { kind: "rate-limited", retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) };
  }
  const user = await findUserByEmail(context.sql, email);
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) return { kind: "bad-credentials" };
  await Promise.all(keys.map((key) => releaseRateLimit(context.sql, key)));
  const [first] = await listMembershipsOfUser(context.sql, user.id);
  return { kind: "ok", userId: user.id, workspaceId: first?.workspaceId ?? null };
}
