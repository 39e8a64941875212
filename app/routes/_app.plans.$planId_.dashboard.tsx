import { PlanSubpageHeader } from "../components/plan/plan-subpage-header";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DashboardView } from "../components/dashboard/dashboard-view";
import { ShareLinksPanel } from "../components/share/share-links-panel";
import { can } from "../domain/policy";
import dashboardStylesheet from "../styles/dashboard.css?url";
import { planDashboard } from "../utils/dashboard.server";
import { requirePlanPage } from "../utils/plan-page.server";
import { feedbackByTag } from "../utils/feedback.server";
import { shareLinksOf } from "../utils/share-links.server";
import { usePlanRefresh } from "../utils/use-plan-refresh";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Dashboard · ${data.plan.title} · Accord` : "Dashboard · Accord" },
];

/**
 * GET /plans/:planId/dashboard: the plan's targets against its actuals for
 * the sales–marketing meeting, to every member; owners also manage the
 * plan's read-only share links here.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { plan, liveSeq } = await requirePlanPage(request, context, params.planId);
  const mayShare = can({ role: plan.role }, "plan.share");
  const [{ dashboard, currency }, shareLinks, feedback] = await Promise.all([
    planDashboard(context, plan),
    mayShare ? shareLinksOf(context, plan) : null,
    feedbackByTag(context, plan),
  ]);
  return {
    liveSeq,
    plan: { id: plan.id, title: plan.title, status: plan.status },
    dashboard,
    currency,
    mayEnterActuals: can({ role: plan.role }, "plan.edit"),
    shareLinks,
    feedback,
  };
}

export default function PlanDashboard() {
  const { plan, dashboard, currency, mayEnterActuals, shareLinks, feedback, liveSeq } =
    useLoaderData<typeof loader>();
  const base = `/plans/${plan.id}`;
  // New actuals, an approval or a reopening show without a reload.
  usePlanRefresh({ seq: liveSeq, signoff: true, actuals: true });
  return (
    <>
      <PlanSubpageHeader
        plan={plan}
        title="Dashboard"
        links={[
          ...(mayEnterActuals ? [{ to: `${base}/actuals`, label: "Actuals" }] : []),
          { to: `${base}/versions`, label: "Versions" },
          { to: `${base}/audit`, label: "Audit log" },
        ]}
      >
        The plan&apos;s targets against what really happened, for the sales–marketing meeting.
      </PlanSubpageHeader>
      <DashboardView
        dashboard={dashboard}
        currency={currency}
        actualsHref={mayEnterActuals ? `${base}/actuals` : null}
        feedback={feedback}
        feedbackHref={`/feedback?plan=${plan.id}`}
      />
      {shareLinks ? <ShareLinksPanel planId={plan.id} initialLinks={shareLinks} /> : null}
    </>
  );
}
