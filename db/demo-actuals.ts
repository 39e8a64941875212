import type { ActualsRow, CampaignSpendRow } from "../app/domain/actuals";
import { daysElapsedInMonth, daysInMonth, periodMonths } from "../app/domain/actuals/months";
import { planFunnel, type PlanSections } from "../app/domain/plan";

/**
 * Plausible actuals for a demo plan: what its markets won and its campaigns
 * spent from the start of its quarter up to `today` (a `YYYY-MM-DD` day), so
 * the dashboard of the running quarter has numbers worth a meeting. The
 * markets pace differently on purpose: retail is ahead of its target,
 * logistics a little behind (at risk), self-serve clearly behind (off
 * track); logistics follows up fewer leads within the SLA. Deterministic:
 * the same plan and day give the same numbers.
 */

interface MarketProfile {
  /** Share of the target's pace reached: 1 is exactly on pace. */
  pace: number;
  /** Average deal size won against the plan's. */
  dealSize: number;
  pipeline: number;
  mqls: number;
  /** MQL→SQL conversion against the plan's rate. */
  conversion: number;
  /** Share of leads handed off that were followed up within the SLA. */
  sla: number;
}

/** By the market's place in the plan: retail, logistics, self-serve. */
const PROFILES: readonly MarketProfile[] = [
  { pace: 1.04, dealSize: 1.06, pipeline: 1.1, mqls: 0.97, conversion: 1.05, sla: 0.91 },
  { pace: 0.87, dealSize: 0.94, pipeline: 0.9, mqls: 0.82, conversion: 1.0, sla: 0.72 },
  { pace: 0.68, dealSize: 1.0, pipeline: 0.75, mqls: 1.12, conversion: 0.8, sla: 0.96 },
];

/** Month-to-month swing, so the cumulative line is not a ruler. */
const MONTH_SWING = [0.92, 1.05, 1.03];

export function demoActuals(
  content: Pick<PlanSections, "meta" | "targetMarkets" | "revenueGoals" | "campaigns">,
  today: string,
): { rows: ActualsRow[]; spend: CampaignSpendRow[] } {
  const months = periodMonths(content.meta.period);
  const totalDays = months.reduce((sum, month) => sum + daysInMonth(month), 0);
  const funnel = planFunnel(content.targetMarkets, content.revenueGoals, content.campaigns);
  const rows: ActualsRow[] = [];
  content.targetMarkets.forEach((market, index) => {
    const profile = PROFILES[index % PROFILES.length]!;
    const goals = content.revenueGoals.filter((g) => g.targetMarketId === market.id);
    const goal = goals[0];
    const marketFunnel = funnel.markets[index]!;
    if (!goal) return;
    months.forEach((month, m) => {
      const elapsed = daysElapsedInMonth(month, today);
      if (elapsed === 0) return;
      const share = (elapsed / totalDays) * MONTH_SWING[m % MONTH_SWING.length]!;
      const dealSize = (goal.avgDealSize ?? 0) * profile.dealSize;
      const revenueDue = marketFunnel.revenueTarget * share * profile.pace;
      const dealsWon = dealSize > 0 ? Math.max(0, Math.round(revenueDue / dealSize)) : 0;
      const mqls = Math.round((marketFunnel.mqlsNeeded ?? 0) * share * profile.mqls);
      const sqls = Math.round(mqls * (goal.mqlToSqlRate ?? 0) * profile.conversion);
      const handedOff = Math.round(mqls * 0.95);
      rows.push({
        targetMarketId: market.id,
        month,
        // Revenue follows the deals: a month with no deal closed won nothing.
        revenueWon: roundTo(dealsWon * dealSize, 100),
        dealsWon,
        pipelineCreated: roundTo(marketFunnel.pipelineTarget * share * profile.pipeline, 1000),
        mqls,
        sqls,
        leadsFollowedUpInSla: Math.round(handedOff * profile.sla),
        leadsHandedOff: handedOff,
      });
    });
  });

  const spend: CampaignSpendRow[] = [];
  content.campaigns.forEach((campaign, index) => {
    if (campaign.status === "cancelled" || !campaign.start || !campaign.end) return;
    const campaignDays = daysBetween(campaign.start, campaign.end);
    if (campaignDays <= 0) return;
    const spendRate = 0.94 + (index % 3) * 0.05;
    const mqlRate = 0.85 + (index % 4) * 0.08;
    for (const month of months) {
      const ran = overlapDays(campaign.start, campaign.end, month, today);
      if (ran === 0) continue;
      const share = ran / campaignDays;
      spend.push({
        campaignId: campaign.id,
        month,
        spend: roundTo((campaign.budget ?? 0) * share * spendRate, 10),
        mqls: Math.round((campaign.expectedMqls ?? 0) * share * mqlRate),
      });
    }
  });
  return { rows, spend };
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

const DAY_MS = 86_400_000;

function dayNumber(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;
}

/** Days from `start` to `end`, both included. */
function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/** Days of `month` on which the campaign ran, up to and including `today`. */
function overlapDays(start: string, end: string, month: string, today: string): number {
  const first = dayNumber(`${month}-01`);
  const last = dayNumber(`${month}-${String(daysInMonth(month)).padStart(2, "0")}`);
  const from = Math.max(first, dayNumber(start));
  const to = Math.min(last, dayNumber(end), dayNumber(today));
  return Math.max(0, to - from + 1);
}
