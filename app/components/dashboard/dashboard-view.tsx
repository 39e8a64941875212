import { Link } from "@remix-run/react";
import type { Dashboard } from "../../domain/metrics";
import { CampaignsTable } from "./campaigns-table";
import { CumulativeRevenueChart } from "./cumulative-revenue-chart";
import { FeedbackCard, type FeedbackTagCount } from "./feedback-card";
import { dayLabel } from "./figures";
import { KpiCards } from "./kpi-cards";
import { MarketRevenueChart } from "./market-revenue-chart";
import { MarketsTable } from "./markets-table";
import { TargetsTable } from "./targets-table";

export type { FeedbackTagCount };

export interface DashboardViewProps {
  dashboard: Dashboard;
  /** The plan's currency (ISO code): every amount is written in it. */
  currency: string;
  /** Field feedback counted by tag; nothing is shown when it is null or left out. */
  feedback?: FeedbackTagCount[] | null;
  /** The feedback list filtered to this plan, for the feedback card's links. */
  feedbackHref?: string | null;
  /** Where actuals are entered, for those who may enter them; null for everyone else. */
  actualsHref?: string | null;
}

/**
 * The numbers of the sales–marketing meeting, read-only: the plan's
 * figures, revenue per market and against the target line, every figure
 * per market and per campaign, and field feedback when given. Pure
 * presentation of `computeDashboard`'s answer, so the member's page and the
 * public share page show exactly the same.
 */
export function DashboardView({
  dashboard,
  currency,
  feedback,
  feedbackHref,
  actualsHref,
}: DashboardViewProps) {
  const hasActuals = !dashboard.plan.empty || dashboard.campaigns.some((c) => c.spend > 0 || c.mqls > 0);
  return (
    <div className="dashboard">
      <p className="dashboard-asof muted">
        Period {dashboard.period} · figures as of {dayLabel(dashboard.today)} (UTC)
      </p>
      {dashboard.ignoredRows > 0 ? (
        <IgnoredRows count={dashboard.ignoredRows} period={dashboard.period} />
      ) : null}
      {hasActuals ? (
        <>
          <KpiCards metrics={dashboard.plan} currency={currency} />
          <div className="chart-grid">
            <MarketRevenueChart markets={dashboard.markets} currency={currency} tableId="dashboard-markets" />
            <CumulativeRevenueChart points={dashboard.plan.chart} currency={currency} />
          </div>
          <MarketsTable
            id="dashboard-markets"
            markets={dashboard.markets}
            plan={dashboard.plan}
            currency={currency}
          />
          <CampaignsTable campaigns={dashboard.campaigns} markets={dashboard.markets} currency={currency} />
        </>
      ) : (
        <>
          <NoActuals period={dashboard.period} actualsHref={actualsHref ?? null} />
          <TargetsTable
            id="dashboard-targets"
            markets={dashboard.markets}
            plan={dashboard.plan}
            currency={currency}
          />
        </>
      )}
      {feedback ? <FeedbackCard counts={feedback} listHref={feedbackHref} /> : null}
    </div>
  );
}

function NoActuals({ period, actualsHref }: { period: string; actualsHref: string | null }) {
  return (
    <section className="card empty-state dashboard-empty" aria-labelledby="dashboard-empty">
      <h2 id="dashboard-empty">No actuals yet</h2>
      <p>
        The dashboard holds the plan&apos;s targets against what really happened. Once revenue, pipeline and
        leads for {period} are entered, the figures and charts appear here.
      </p>
      {actualsHref ? (
        <Link className="button" to={actualsHref}>
          Enter actuals
        </Link>
      ) : (
        <p>Owners and editors of the plan&apos;s workspace enter them as the period goes on.</p>
      )}
    </section>
  );
}

function IgnoredRows({ count, period }: { count: number; period: string }) {
  return (
    <p className="alert info dashboard-ignored">
      {count === 1 ? "1 row of actuals is" : `${count} rows of actuals are`} not counted: their target market
      or campaign is no longer in the plan, or their month is outside {period}.
    </p>
  );
}
