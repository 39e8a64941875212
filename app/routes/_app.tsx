import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { ErrorPanel } from "../components/error-panel";
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

/** Errors of the pages inside keep the navigation around them. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/_app");
  if (!data) return <ErrorPanel error={error} />;
  return (
    <AppShell data={data}>
      <ErrorPanel error={error} />
    </AppShell>
  );
}
