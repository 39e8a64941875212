import type { ActualsRow, CampaignSpendRow } from "../actuals/schemas";
import { daysElapsedInMonth, daysInMonth, periodMonths } from "../actuals/months";
import { planFunnel } from "../plan/funnel";
import type { PlanContent } from "../plan/project";

/**
 * The dashboard: the plan's targets against its actuals, for the plan and
 * per target market, the numbers of the regular sales–marketing meeting.
 * One pure function shared by the page and the metrics API, so both show
 * the same figures.
 *
 * Rules:
 * - A ratio whose denominator is zero or missing is `null` with a reason
 *   ("no target"), never Infinity or NaN; the UI shows the reason.
 * - Ratios are fractions (1 = 100 %), like the rates stored in the plan.
 * - Targets are the market's revenue goals added up, as in the reverse
 *   funnel; the plan's figures are its markets added up. Actuals of a
 *   market no longer in the plan, or of a month outside its period, are
 *   left out and counted in `ignoredRows`.
 * - Time is counted in days: a month half over counts half, today counts as
 *   passed. `today` is a `YYYY-MM-DD` day in the workspace's own calendar.
 * - Pacing compares the share of the target achieved with the share of the
 *   period elapsed (pace = achieved ÷ elapsed): on track at 95 % of pace or
 *   better, at risk from 80 %, off track below. Before the period starts
 *   there is no pace to judge.
 */

export type NoValueReason =
  | "no target"
  | "no plan figure"
  | "no deals won"
  | "no MQLs"
  | "no leads handed off"
  | "no budget"
  | "not started";

/** A computed ratio or amount, or why there is none. */
export type Figure = { value: number; reason: null } | { value: null; reason: NoValueReason };

export type PaceStatus = "on_track" | "at_risk" | "off_track";

/** Pace at or above this share of the elapsed period is on track. */
export const ON_TRACK_PACE = 0.95;
/** Pace at or above this (and below on track) is at risk; below it, off track. */
export const AT_RISK_PACE = 0.8;

export interface Pacing {
  /** Share of the period's days passed, 0..1. */
  elapsedShare: number;
  /** Share of the revenue target won so far. */
  achievedShare: Figure;
  /** achievedShare ÷ elapsedShare. */
  pace: Figure;
  status: PaceStatus | null;
}

export interface ChartPoint {
  month: string;
  /** Revenue won up to the end of this month; null for months not begun. */
  cumulativeActual: number | null;
  /** The target line: the target spread evenly over the period's days, to the end of this month. */
  cumulativeTarget: number;
}

export interface ScopeMetrics {
  revenue: { actual: number; target: number; toTarget: Figure };
  pacing: Pacing;
  pipeline: { actual: number; target: number; toTarget: Figure };
  avgDealSize: { actual: Figure; plan: Figure; vsPlan: Figure };
  dealsWon: number;
  mqls: { actual: number; needed: number | null; expected: number; toNeeded: Figure };
  sqls: number;
  mqlToSql: { actual: Figure; plan: Figure };
  /** Leads followed up within the SLA ÷ leads handed off. */
  slaFollowUp: Figure;
  spend: { actual: number; budget: number; toBudget: Figure; costPerMql: Figure };
  chart: ChartPoint[];
  /** True while no actuals row counts for this scope: the UI shows its empty state. */
  empty: boolean;
}

export interface MarketMetrics extends ScopeMetrics {
  targetMarketId: string;
  name: string;
}

export interface CampaignMetrics {
  campaignId: string;
  name: string;
  targetMarketId: string | null;
  budget: number;
  spend: number;
  toBudget: Figure;
  mqls: number;
  expectedMqls: number;
  costPerMql: Figure;
  /** Budget ÷ expected MQLs: what an MQL was planned to cost. */
  plannedCostPerMql: Figure;
}

export interface Dashboard {
  period: string;
  months: string[];
  today: string;
  plan: ScopeMetrics;
  markets: MarketMetrics[];
  campaigns: CampaignMetrics[];
  /** Actuals rows left out: unknown market or campaign, or a month outside the period. */
  ignoredRows: number;
}

export interface DashboardActuals {
  rows: readonly ActualsRow[];
  spend: readonly CampaignSpendRow[];
}

type PlanInput = Pick<PlanContent, "meta" | "targetMarkets" | "revenueGoals" | "campaigns">;

/** Everything the dashboard shows, from the plan's projection, its actuals and the day it is. */
export function computeDashboard(plan: PlanInput, actuals: DashboardActuals, today: string): Dashboard {
  const months = periodMonths(plan.meta.period);
  const monthSet = new Set(months);
  const time = timeline(months, today);
  const funnel = planFunnel(plan.targetMarkets, plan.revenueGoals, plan.campaigns);
  const marketIds = new Set(plan.targetMarkets.map((m) => m.id));
  const campaignById = new Map(plan.campaigns.map((c) => [c.id, c]));

  let ignoredRows = 0;
  const rowsByMarket = new Map<string, ActualsRow[]>();
  for (const row of actuals.rows) {
    if (!marketIds.has(row.targetMarketId) || !monthSet.has(row.month)) {
      ignoredRows += 1;
      continue;
    }
    push(rowsByMarket, row.targetMarketId, row);
  }
  const spendByCampaign = new Map<string, CampaignSpendRow[]>();
  for (const row of actuals.spend) {
    if (!campaignById.has(row.campaignId) || !monthSet.has(row.month)) {
      ignoredRows += 1;
      continue;
    }
    push(spendByCampaign, row.campaignId, row);
  }

  const campaigns = plan.campaigns.map((c) => campaignMetrics(c, spendByCampaign.get(c.id) ?? []));
  const markets = plan.targetMarkets.map((market, index): MarketMetrics => {
    const marketFunnel = funnel.markets[index] as (typeof funnel.markets)[number];
    const goals = plan.revenueGoals.filter((g) => g.targetMarketId === market.id);
    const own = campaigns.filter((c) => c.targetMarketId === market.id);
    return {
      targetMarketId: market.id,
      name: market.segment,
      ...scopeMetrics({
        rows: rowsByMarket.get(market.id) ?? [],
        goals,
        campaigns: own,
        revenueTarget: marketFunnel.revenueTarget,
        pipelineTarget: marketFunnel.pipelineTarget,
        mqlsNeeded: marketFunnel.mqlsNeeded,
        expectedMqls: marketFunnel.expectedMqls,
        budget: marketFunnel.budget,
        time,
      }),
    };
  });
  const planScope = scopeMetrics({
    rows: [...rowsByMarket.values()].flat(),
    goals: plan.revenueGoals.filter((g) => g.targetMarketId !== null && marketIds.has(g.targetMarketId)),
    campaigns: campaigns.filter((c) => c.targetMarketId !== null && marketIds.has(c.targetMarketId)),
    revenueTarget: funnel.total.revenueTarget,
    pipelineTarget: funnel.total.pipelineTarget,
    mqlsNeeded: funnel.total.mqlsNeeded,
    expectedMqls: funnel.total.expectedMqls,
    budget: funnel.total.budget,
    time,
  });
  return { period: plan.meta.period, months, today, plan: planScope, markets, campaigns, ignoredRows };
}

interface Timeline {
  months: string[];
  /** Days of each month passed on `today`. */
  elapsedDays: number[];
  monthDays: number[];
  totalDays: number;
}

function timeline(months: string[], today: string): Timeline {
  const monthDays = months.map(daysInMonth);
  return {
    months,
    monthDays,
    elapsedDays: months.map((m) => daysElapsedInMonth(m, today)),
    totalDays: sum(monthDays),
  };
}

interface ScopeInput {
  rows: readonly ActualsRow[];
  goals: PlanInput["revenueGoals"];
  campaigns: readonly CampaignMetrics[];
  revenueTarget: number;
  pipelineTarget: number;
  mqlsNeeded: number | null;
  expectedMqls: number;
  budget: number;
  time: Timeline;
}

function scopeMetrics(input: ScopeInput): ScopeMetrics {
  const { rows, time } = input;
  const revenue = sumMoney(rows.map((r) => r.revenueWon));
  const pipeline = sumMoney(rows.map((r) => r.pipelineCreated));
  const dealsWon = sum(rows.map((r) => r.dealsWon));
  const mqls = sum(rows.map((r) => r.mqls));
  const sqls = sum(rows.map((r) => r.sqls));
  const handedOff = sum(rows.map((r) => r.leadsHandedOff));
  const followedUp = sum(rows.map((r) => r.leadsFollowedUpInSla));
  const spend = sumMoney(input.campaigns.map((c) => c.spend));
  const campaignMqls = sum(input.campaigns.map((c) => c.mqls));
  const avgDealActual = ratio(revenue, dealsWon, "no deals won");
  const avgDealPlan = planDealSize(input.goals);
  return {
    revenue: {
      actual: revenue,
      target: input.revenueTarget,
      toTarget: ratio(revenue, input.revenueTarget, "no target"),
    },
    pacing: pacing(revenue, input.revenueTarget, time),
    pipeline: {
      actual: pipeline,
      target: input.pipelineTarget,
      toTarget: ratio(pipeline, input.pipelineTarget, "no target"),
    },
    avgDealSize: {
      actual: avgDealActual,
      plan: avgDealPlan,
      vsPlan:
        avgDealActual.value === null
          ? avgDealActual
          : ratio(avgDealActual.value, avgDealPlan.value ?? 0, "no plan figure"),
    },
    dealsWon,
    mqls: {
      actual: mqls,
      needed: input.mqlsNeeded,
      expected: input.expectedMqls,
      toNeeded: ratio(mqls, input.mqlsNeeded ?? 0, "no target"),
    },
    sqls,
    mqlToSql: { actual: ratio(sqls, mqls, "no MQLs"), plan: planMqlToSql(input.goals) },
    slaFollowUp: ratio(followedUp, handedOff, "no leads handed off"),
    spend: {
      actual: spend,
      budget: input.budget,
      toBudget: ratio(spend, input.budget, "no budget"),
      costPerMql: ratio(spend, campaignMqls, "no MQLs"),
    },
    chart: chart(rows, input.revenueTarget, time),
    empty: rows.length === 0,
  };
}

function pacing(revenue: number, target: number, time: Timeline): Pacing {
  const elapsedShare = time.totalDays === 0 ? 0 : sum(time.elapsedDays) / time.totalDays;
  const achievedShare = ratio(revenue, target, "no target");
  if (achievedShare.value === null) return { elapsedShare, achievedShare, pace: achievedShare, status: null };
  if (elapsedShare === 0) {
    return { elapsedShare, achievedShare, pace: { value: null, reason: "not started" }, status: null };
  }
  const pace = achievedShare.value / elapsedShare;
  return { elapsedShare, achievedShare, pace: { value: pace, reason: null }, status: paceStatus(pace) };
}

/** The status of a pace (achieved share ÷ elapsed share); thresholds are ON_TRACK_PACE and AT_RISK_PACE. */
export function paceStatus(pace: number): PaceStatus {
  if (pace >= ON_TRACK_PACE) return "on_track";
  if (pace >= AT_RISK_PACE) return "at_risk";
  return "off_track";
}

function chart(rows: readonly ActualsRow[], target: number, time: Timeline): ChartPoint[] {
  const revenueByMonth = new Map<string, number>();
  for (const row of rows)
    revenueByMonth.set(row.month, (revenueByMonth.get(row.month) ?? 0) + row.revenueWon);
  let actual = 0;
  let days = 0;
  return time.months.map((month, index) => {
    actual += revenueByMonth.get(month) ?? 0;
    days += time.monthDays[index] as number;
    const begun = (time.elapsedDays[index] as number) > 0 || revenueByMonth.has(month);
    return {
      month,
      cumulativeActual: begun ? roundMoney(actual) : null,
      cumulativeTarget: time.totalDays === 0 ? 0 : roundMoney((target * days) / time.totalDays),
    };
  });
}

function campaignMetrics(
  campaign: PlanInput["campaigns"][number],
  rows: readonly CampaignSpendRow[],
): CampaignMetrics {
  const spend = sumMoney(rows.map((r) => r.spend));
  const mqls = sum(rows.map((r) => r.mqls));
  const budget = amount(campaign.budget) ?? 0;
  const expectedMqls = amount(campaign.expectedMqls) ?? 0;
  return {
    campaignId: campaign.id,
    name: campaign.name,
    targetMarketId: campaign.targetMarketId,
    budget,
    spend,
    toBudget: ratio(spend, budget, "no budget"),
    mqls,
    expectedMqls,
    costPerMql: ratio(spend, mqls, "no MQLs"),
    plannedCostPerMql: ratio(budget, expectedMqls, "no plan figure"),
  };
}

/**
 * The plan's average deal size over several goals: their revenue ÷ the
 * deals they imply (weighted by revenue), so one goal gives exactly its own.
 */
function planDealSize(goals: PlanInput["revenueGoals"]): Figure {
  let revenue = 0;
  let deals = 0;
  for (const goal of goals) {
    const target = amount(goal.revenueTarget);
    const size = amount(goal.avgDealSize);
    if (target === null || size === null || size === 0) continue;
    revenue += target;
    deals += target / size;
  }
  return ratio(revenue, deals, "no plan figure");
}

/** The plan's MQL→SQL rate: the goals' rates weighted by revenue target (equally when no target is set). */
function planMqlToSql(goals: PlanInput["revenueGoals"]): Figure {
  const rated = goals.filter((g) => amount(g.mqlToSqlRate) !== null);
  if (rated.length === 0) return { value: null, reason: "no plan figure" };
  const weights = rated.map((g) => amount(g.revenueTarget) ?? 0);
  const total = sum(weights);
  if (total === 0)
    return { value: sum(rated.map((g) => g.mqlToSqlRate as number)) / rated.length, reason: null };
  return {
    value: sum(rated.map((g, i) => (g.mqlToSqlRate as number) * (weights[i] as number))) / total,
    reason: null,
  };
}

/** numerator ÷ denominator, or null with `reason` when the denominator is zero or not a number. */
export function ratio(numerator: number, denominator: number, reason: NoValueReason): Figure {
  if (!Number.isFinite(denominator) || denominator <= 0 || !Number.isFinite(numerator)) {
    return { value: null, reason };
  }
  return { value: numerator / denominator, reason: null };
}

function amount(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Money adds up to the cent, without float noise. */
function sumMoney(values: readonly number[]): number {
  return roundMoney(sum(values));
}
