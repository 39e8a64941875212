import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { requireMember } from "../utils/auth.server";

/** Layout of the signed-in pages: who is here, in which workspace. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  return {
    user: { name: member.user.name, email: member.user.email },
    team: member.membership.team,
    role: member.membership.role,
    workspace: { id: member.membership.workspaceId, name: member.membership.workspaceName },
    workspaces: member.memberships.map((m) => ({ id: m.workspaceId, name: m.workspaceName })),
  };
}

export default function AppLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <AppShell data={data}>
      <Outlet />
    </AppShell>
  );
}
