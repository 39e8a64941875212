import { PlanSubpageHeader } from "../components/plan/plan-subpage-header";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditLog } from "../components/audit/audit-log";
import auditStylesheet from "../styles/audit.css?url";
import { requirePlanPage } from "../utils/plan-page.server";
import { useAuditPages } from "../utils/use-audit-pages";
import { usePlanRefresh } from "../utils/use-plan-refresh";
import { auditView } from "./audit.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Audit log · ${data.plan.title} · Accord` : "Audit log · Accord" },
];

/** GET /plans/:planId/audit[?action=&before=]: one plan's audit log, newest first, live. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { member, plan, liveSeq } = await requirePlanPage(request, context, params.planId);
  const view = await auditView(context, member, new URL(request.url), plan.id);
  return { ...view, plan: { id: plan.id, title: plan.title, status: plan.status }, liveSeq };
}

export default function PlanAudit() {
  const data = useLoaderData<typeof loader>();
  const pages = useAuditPages(data);
  usePlanRefresh({ seq: data.liveSeq, signoff: true });
  return (
    <>
      <PlanSubpageHeader
        plan={data.plan}
        title="Audit log"
        links={[
          { to: `/plans/${data.plan.id}/dashboard`, label: "Dashboard" },
          { to: `/plans/${data.plan.id}/versions`, label: "Versions" },
          { to: "/audit", label: "Whole workspace" },
        ]}
      >
        This plan&apos;s submissions, signatures, approvals, reopenings and versions.
      </PlanSubpageHeader>
      <AuditLog
        pages={pages}
        people={data.people}
        actions={data.actions}
        action={data.action}
        showPlan={false}
      />
    </>
  );
}
