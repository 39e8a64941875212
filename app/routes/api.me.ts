import type { LoaderFunctionArgs } from "@remix-run/node";
import { listMembershipsOfUser } from "../../db/queries/workspaces";
import { apiRoute, methodNotAllowed } from "../utils/api.server";
import { requireApiSession, resolveMember } from "../utils/auth.server";

/**
 * GET /api/me: who the session belongs to, the workspace it acts in and every
 * workspace the user may switch to. Someone who belongs to no workspace any
 * more is still someone: `workspace` is null then.
 */
export const loader = apiRoute(async ({ request, context }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const user = { id: session.user.id, name: session.user.name, email: session.user.email };
  if ((await listMembershipsOfUser(context.sql, session.userId)).length === 0) {
    return Response.json({ user, workspace: null, workspaces: [] });
  }
  const { membership, memberships } = await resolveMember(session, context, { api: true });
  return Response.json({
    user,
    workspace: {
      id: membership.workspaceId,
      name: membership.workspaceName,
      role: membership.role,
      team: membership.team,
      canSignOff: membership.canSignOff,
    },
    workspaces: memberships.map((m) => ({ id: m.workspaceId, name: m.workspaceName, role: m.role })),
  });
});

export const action = apiRoute(async () => methodNotAllowed(["GET"]));
