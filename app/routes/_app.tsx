import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { countUnread } from "../../db/queries/notifications";
import { AppShell } from "../components/app-shell";
import { ErrorPanel } from "../components/error-panel";
import { requireMember } from "../utils/auth.server";
import { LiveEventsProvider, useLiveEvents } from "../utils/live-events";

/** Layout of the signed-in pages: who is here, in which workspace, how many notifications are unread. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  const unread = (await countUnread(context.sql, [member.user.id])).get(member.user.id) ?? 0;
  return {
    unread,
    user: { name: member.user.name, email: member.user.email },
    team: member.membership.team,
    role: member.membership.role,
    workspace: { id: member.membership.workspaceId, name: member.membership.workspaceName },
    workspaces: member.memberships.map((m) => ({ id: m.workspaceId, name: m.workspaceName })),
  };
}

/**
 * The tab's one event stream lives here, above every signed-in page, so the
 * unread count in the navigation stays live and a plan page adds its threads
 * to the same connection.
 */
export default function AppLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <LiveEventsProvider initialUnread={data.unread}>
      <LiveShell data={data} />
    </LiveEventsProvider>
  );
}

function LiveShell({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const unread = useLiveEvents()?.unread ?? data.unread;
  return (
    <AppShell data={data} unread={unread}>
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
    <AppShell data={data} unread={data.unread}>
      <ErrorPanel error={error} />
    </AppShell>
  );
}
