import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { z } from "zod";
import type { Role, Team } from "../../app/domain/membership";
import { isPlanLocked } from "../../app/domain/plan-status";
import { can } from "../../app/domain/policy";
import { findPlanAccess, type PlanStatus } from "../../db/queries/plans";
import { findLiveSession } from "../../db/queries/sessions";
import type { Sql } from "../../db/sql";
import { sessionIdOf, sessionTokenOf } from "../session-cookie";
import { verifyCollabToken } from "./tokens";

/**
 * Who may open a plan's socket, decided once, before the upgrade (STYLE.md
 * point 7): a live session, by cookie (browser: the Origin must be the app's)
 * or by a `?token=` from GET /api/plans/:id/collab-token (other clients);
 * membership of the plan's workspace; and read or write for the whole
 * connection, from the role and the plan's state.
 */

/** A member allowed into a plan's room. */
export interface CollabMember {
  userId: string;
  name: string;
  role: Role;
  team: Team;
  workspaceId: string;
  /** The sessions row the socket lives on, for revocation at logout. */
  sessionId: string;
  planId: string;
  planStatus: PlanStatus;
  /** Viewers, commenters, and everyone on a locked plan (isPlanLocked): updates are dropped. */
  readOnly: boolean;
  via: "cookie" | "token";
}

/** Why an upgrade is refused, and the HTTP status it is answered with. */
export interface Refusal {
  status: 401 | 403 | 404;
  reason: string;
  userId?: string;
}

export type Authorization = { ok: true; member: CollabMember } | ({ ok: false } & Refusal);

export interface AuthorizeDeps {
  sql: Sql;
  sessionSecret: string;
  /** The public origin when it differs from what the Host header says (a proxy). */
  appOrigin?: string;
  now: () => number;
}

const PlanIdSchema = z.uuid();

/** The origin a same-site page of the app sends: the same rule as server/same-origin.ts. */
export function expectedOrigin(req: IncomingMessage, appOrigin: string | undefined): string {
  if (appOrigin) return appOrigin;
  const secure = Boolean((req.socket as Partial<TLSSocket>).encrypted);
  return `${secure ? "https" : "http"}://${req.headers.host ?? ""}`;
}

const refuse = (status: Refusal["status"], reason: string, userId?: string): Authorization => ({
  ok: false,
  status,
  reason,
  userId,
});

/** Decides an upgrade to `/collab/<planIdText>`; never throws for bad input, only for a failing database. */
export async function authorizeUpgrade(
  req: IncomingMessage,
  planIdText: string,
  token: string | null,
  deps: AuthorizeDeps,
): Promise<Authorization> {
  const planId = PlanIdSchema.safeParse(planIdText);
  if (!planId.success) return refuse(404, "malformed plan id");

  const session =
    token === null ? await sessionByCookie(req, deps) : await sessionByToken(token, planId.data, deps);
  if ("refusal" in session) return session.refusal;

  const { userId } = session;
  const access = await findPlanAccess(deps.sql, planId.data, userId);
  if (!access) return refuse(404, "no such plan", userId);
  if (!access.role || !access.team) return refuse(403, "not a member of the plan's workspace", userId);

  const readOnly = !can({ role: access.role }, "plan.edit") || isPlanLocked(access);
  return {
    ok: true,
    member: {
      userId,
      name: session.name,
      role: access.role,
      team: access.team,
      workspaceId: access.workspaceId,
      sessionId: session.sessionId,
      planId: access.planId,
      planStatus: access.status,
      readOnly,
      via: token === null ? "cookie" : "token",
    },
  };
}

type SessionLookup = { userId: string; name: string; sessionId: string } | { refusal: Authorization };

async function sessionByCookie(req: IncomingMessage, deps: AuthorizeDeps): Promise<SessionLookup> {
  const cookieToken = await sessionTokenOf(req.headers.cookie, {
    sessionSecret: deps.sessionSecret,
    secureCookies: false,
  });
  if (!cookieToken) return { refusal: refuse(401, "no session cookie") };
  // A browser always names the page that opens a websocket; another site's page must not ride the cookie.
  if (req.headers.origin !== expectedOrigin(req, deps.appOrigin)) {
    return { refusal: refuse(403, "cross-origin websocket") };
  }
  const session = await findLiveSession(deps.sql, sessionIdOf(cookieToken));
  if (!session) return { refusal: refuse(401, "session expired or ended") };
  return { userId: session.userId, name: session.user.name, sessionId: session.id };
}

async function sessionByToken(token: string, planId: string, deps: AuthorizeDeps): Promise<SessionLookup> {
  const check = verifyCollabToken(deps.sessionSecret, token, deps.now());
  if (!check.ok) return { refusal: refuse(401, `token ${check.reason}`) };
  const { claims } = check;
  if (claims.planId !== planId) return { refusal: refuse(401, "token is for another plan", claims.userId) };
  const session = await findLiveSession(deps.sql, claims.sessionId);
  if (!session || session.userId !== claims.userId) {
    return { refusal: refuse(401, "token's session ended", claims.userId) };
  }
  return { userId: session.userId, name: session.user.name, sessionId: session.id };
}
