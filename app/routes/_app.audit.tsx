import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditLog } from "../components/audit/audit-log";
import auditStylesheet from "../styles/audit.css?url";
import { requireMember } from "../utils/auth.server";
import { useAuditPages } from "../utils/use-audit-pages";
import { auditView } from "./audit.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditStylesheet }];

export const meta: MetaFunction = () => [{ title: "Audit log · Accord" }];

/** GET /audit[?action=&before=]: the current workspace's audit log, newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  const view = await auditView(context, member, new URL(request.url));
  return { ...view, workspaceName: member.membership.workspaceName };
}

export default function WorkspaceAudit() {
  const data = useLoaderData<typeof loader>();
  const pages = useAuditPages(data);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{data.workspaceName}</p>
          <h1>Audit log</h1>
          <p className="muted">
            Every submission, signature, approval, reopening and version of every plan, and every change of
            who belongs to the workspace.
          </p>
        </div>
      </div>
      <AuditLog pages={pages} people={data.people} actions={data.actions} action={data.action} showPlan />
    </>
  );
}
