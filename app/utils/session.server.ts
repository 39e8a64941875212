import { randomBytes } from "node:crypto";
import {
  deleteSession,
  extendSession,
  findLiveSession,
  insertSession,
  setSessionWorkspace,
  type SessionRow,
} from "../../db/queries/sessions";
import { SESSION_DAYS, sessionCookie, sessionIdOf, sessionTokenOf } from "../../server/session-cookie";
import type { AccordContext } from "./context.server";

export { sessionIdOf };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Extend a session used when less than this is left, so active people stay logged in. */
const RENEW_BELOW_MS = (SESSION_DAYS - 1) * DAY_MS;

/** Starts a session and returns the Set-Cookie header value that carries it. */
export async function startSession(
  context: AccordContext,
  userId: string,
  workspaceId: string | null,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertSession(context.sql, {
    id: sessionIdOf(token),
    userId,
    workspaceId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * DAY_MS),
  });
  return sessionCookie(context).serialize(token);
}

function tokenOf(request: Request, context: AccordContext): Promise<string | undefined> {
  return sessionTokenOf(request.headers.get("Cookie"), context);
}

/**
 * The live session of the request, or undefined. Sliding expiry: a session in
 * use is pushed forward at most once a day.
 */
export async function readSession(request: Request, context: AccordContext): Promise<SessionRow | undefined> {
  const token = await tokenOf(request, context);
  if (!token) return undefined;
  const session = await findLiveSession(context.sql, sessionIdOf(token));
  if (session && session.expiresAt.getTime() - Date.now() < RENEW_BELOW_MS) {
    await extendSession(context.sql, session.id, new Date(Date.now() + SESSION_DAYS * DAY_MS));
  }
  return session;
}

/** Ends the request's session in the database and returns the cookie-clearing header. */
export async function endSession(request: Request, context: AccordContext): Promise<string> {
  const token = await tokenOf(request, context);
  if (token) await deleteSession(context.sql, sessionIdOf(token));
  return sessionCookie(context).serialize("", { maxAge: 0, expires: new Date(0) });
}

export async function switchSessionWorkspace(
  context: AccordContext,
  sessionId: string,
  workspaceId: string,
): Promise<void> {
  await setSessionWorkspace(context.sql, sessionId, workspaceId);
}
