import { redirect } from "@remix-run/node";
import type { SessionRow } from "../../db/queries/sessions";
import { findMembership, listMembershipsOfUser, type MembershipRow } from "../../db/queries/workspaces";
import { can, type Action } from "../domain/policy";
import type { AccordContext } from "./context.server";
import { forbidden, unauthenticatedJson } from "./http.server";
import { readSession, switchSessionWorkspace } from "./session.server";

/** A logged-in person acting inside one of their workspaces. */
export interface Member {
  session: SessionRow;
  user: SessionRow["user"];
  membership: MembershipRow;
  memberships: MembershipRow[];
}

/** The logged-in session or a redirect to the login page that comes back here. */
export async function requireSession(request: Request, context: AccordContext): Promise<SessionRow> {
  const session = await readSession(request, context);
  if (session) return session;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/** For API routes: the session, or a 401 JSON answer. */
export async function requireApiSession(request: Request, context: AccordContext): Promise<SessionRow> {
  const session = await readSession(request, context);
  if (!session) throw unauthenticatedJson();
  return session;
}

/**
 * Resolves the member's current workspace: the one on the session while they
 * still belong to it, otherwise their first. Someone who belongs to no
 * workspace any more is sent to create one.
 */
export async function resolveMember(
  session: SessionRow,
  context: AccordContext,
  options: { api?: boolean } = {},
): Promise<Member> {
  const memberships = await listMembershipsOfUser(context.sql, session.userId);
  let membership = memberships.find((m) => m.workspaceId === session.workspaceId);
  if (!membership) {
    membership = memberships[0];
    if (!membership) {
      if (options.api) {
        throw Response.json(
          { error: "no_workspace", message: "You belong to no workspace." },
          { status: 404 },
        );
      }
      throw redirect("/workspaces/new");
    }
    await switchSessionWorkspace(context, session.id, membership.workspaceId);
  }
  return { session, user: session.user, membership, memberships };
}

/**
 * Members already resolved for an HTTP request: the layout's loader and the
 * page's loader run in parallel for one navigation and both need the member,
 * so the session and membership queries run once, not once per loader. Keyed
 * by the load context, which server/app-server.ts builds once per request
 * (Remix hands each loader a Request of its own).
 */
const membersOfRequest = new WeakMap<AccordContext, Promise<Member>>();

/** A page's member in their current workspace. */
export function requireMember(request: Request, context: AccordContext): Promise<Member> {
  let member = membersOfRequest.get(context);
  if (!member) {
    member = requireSession(request, context).then((session) => resolveMember(session, context));
    membersOfRequest.set(context, member);
  }
  return member;
}

/** An API route's member in their current workspace (401 JSON when logged out). */
export async function requireApiMember(request: Request, context: AccordContext): Promise<Member> {
  return resolveMember(await requireApiSession(request, context), context, { api: true });
}

/** Refuses with 403 unless the member's role allows the action. */
export function requirePermission(membership: MembershipRow, action: Action, message?: string): void {
  if (!can(membership, action)) forbidden(message);
}

/** The member's standing in a specific workspace, re-read from the database. */
export async function membershipIn(
  context: AccordContext,
  workspaceId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return findMembership(context.sql, workspaceId, userId);
}
