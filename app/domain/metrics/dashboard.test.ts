import { describe, expect, it } from "vitest";
import type { ActualsRow, CampaignSpendRow } from "../actuals/schemas";
import type { CampaignRow, RevenueGoalRow, TargetMarketRow } from "../plan/schemas";
import {
  AT_RISK_PACE,
  computeDashboard,
  ON_TRACK_PACE,
  paceStatus,
  ratio,
  type DashboardActuals,
} from "./dashboard";

const A = "0b6d3f4a-1c2e-4b5a-8d9e-0f1a2b3c4d5e";
const B = "1c7e4a5b-2d3f-4c6b-9e0f-1a2b3c4d5e6f";
const CAMPAIGN_A = "2d8f5b6c-3e4a-4d7c-8f1a-2b3c4d5e6f7a";
const CAMPAIGN_B = "3e9a6c7d-4f5b-4e8d-9a2b-3c4d5e6f7a8b";
let next = 0;
const id = () => `9a9a9a9a-0000-4000-8000-${String((next += 1)).padStart(12, "0")}`;

function buildMarket(overrides: Partial<TargetMarketRow> = {}): TargetMarketRow {
  return {
    id: id(),
    segment: "Segment",
    icp: "",
    region: "",
    companySize: "",
    priority: null,
    ownerId: null,
    ...overrides,
  };
}

function buildGoal(overrides: Partial<RevenueGoalRow> = {}): RevenueGoalRow {
  return {
    id: id(),
    targetMarketId: A,
    period: "2027-Q1",
    revenueTarget: 90_000,
    pipelineTarget: 270_000,
    avgDealSize: 15_000,
    winRate: 0.25,
    mqlToSqlRate: 0.2,
    marketingSourcedShare: null,
    ...overrides,
  };
}

function buildCampaign(overrides: Partial<CampaignRow> = {}): CampaignRow {
  return {
    id: id(),
    name: "Campaign",
    channel: null,
    targetMarketId: A,
    start: null,
    end: null,
    budget: 9_000,
    expectedMqls: 100,
    ownerId: null,
    status: "active",
    ...overrides,
  } as CampaignRow;
}

function buildRow(overrides: Partial<ActualsRow> = {}): ActualsRow {
  return {
    targetMarketId: A,
    month: "2027-01",
    revenueWon: 0,
    dealsWon: 0,
    pipelineCreated: 0,
    mqls: 0,
    sqls: 0,
    leadsFollowedUpInSla: 0,
    leadsHandedOff: 0,
    ...overrides,
  };
}

/** Market A has one goal (90,000 over 2027-Q1, 90 days); market B has none. */
function buildPlan(overrides: { revenueGoals?: RevenueGoalRow[]; campaigns?: CampaignRow[] } = {}) {
  return {
    meta: { title: "Plan", period: "2027-Q1", currency: "EUR" as const },
    targetMarkets: [buildMarket({ id: A, segment: "EMEA" }), buildMarket({ id: B, segment: "APAC" })],
    revenueGoals: overrides.revenueGoals ?? [buildGoal()],
    campaigns: overrides.campaigns ?? [
      buildCampaign({ id: CAMPAIGN_A, name: "Webinars" }),
      buildCampaign({ id: CAMPAIGN_B, name: "Events", targetMarketId: B, budget: 0, expectedMqls: null }),
    ],
  };
}

const ACTUALS: DashboardActuals = {
  rows: [
    buildRow({
      revenueWon: 30_000,
      dealsWon: 2,
      pipelineCreated: 90_000,
      mqls: 50,
      sqls: 10,
      leadsFollowedUpInSla: 8,
      leadsHandedOff: 10,
    }),
    buildRow({
      month: "2027-02",
      revenueWon: 15_000,
      dealsWon: 1,
      pipelineCreated: 30_000,
      mqls: 30,
      sqls: 6,
      leadsFollowedUpInSla: 6,
      leadsHandedOff: 6,
    }),
    buildRow({ targetMarketId: B, revenueWon: 5_000, dealsWon: 1, mqls: 20, sqls: 4 }),
  ],
  spend: [
    { campaignId: CAMPAIGN_A, month: "2027-01", spend: 3_000, mqls: 40 },
    { campaignId: CAMPAIGN_A, month: "2027-02", spend: 1_500.5, mqls: 20 },
    { campaignId: CAMPAIGN_B, month: "2027-01", spend: 800, mqls: 0 },
  ],
};

const NONE: DashboardActuals = { rows: [], spend: [] };

/** Every number in the result is finite: no Infinity or NaN leaks to the page. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every(allFinite);
}

describe("computeDashboard: a market with a goal, halfway through the period", () => {
  const dashboard = computeDashboard(buildPlan(), ACTUALS, "2027-02-14");
  const market = dashboard.markets[0]!;

  it("compares revenue and pipeline with their targets", () => {
    expect(market.revenue).toEqual({
      actual: 45_000,
      target: 90_000,
      toTarget: { value: 0.5, reason: null },
    });
    expect(market.pipeline).toEqual({
      actual: 120_000,
      target: 270_000,
      toTarget: { value: 120_000 / 270_000, reason: null },
    });
  });

  it("paces revenue by days: 45 of 90 days passed, half the target won, on track", () => {
    expect(market.pacing).toEqual({
      elapsedShare: 0.5,
      achievedShare: { value: 0.5, reason: null },
      pace: { value: 1, reason: null },
      status: "on_track",
    });
  });

  it("compares the average deal size and MQL→SQL conversion with the plan", () => {
    expect(market.avgDealSize).toEqual({
      actual: { value: 15_000, reason: null },
      plan: { value: 15_000, reason: null },
      vsPlan: { value: 1, reason: null },
    });
    expect(market.mqlToSql).toEqual({
      actual: { value: 16 / 80, reason: null },
      plan: { value: 0.2, reason: null },
    });
  });

  it("counts MQLs against the reverse funnel's need and the campaigns' expectation", () => {
    // 90,000 ÷ 15,000 = 6 deals ÷ 0.25 = 24 SQLs ÷ 0.2 = 120 MQLs.
    expect(market.mqls).toEqual({
      actual: 80,
      needed: 120,
      expected: 100,
      toNeeded: { value: 80 / 120, reason: null },
    });
    expect(market.sqls).toBe(16);
    expect(market.dealsWon).toBe(3);
  });

  it("gives the share of leads followed up within the SLA", () => {
    expect(market.slaFollowUp).toEqual({ value: 14 / 16, reason: null });
  });

  it("gives spend against budget and cost per MQL, per market and per campaign", () => {
    expect(market.spend).toEqual({
      actual: 4_500.5,
      budget: 9_000,
      toBudget: { value: 4_500.5 / 9_000, reason: null },
      costPerMql: { value: 4_500.5 / 60, reason: null },
    });
    expect(dashboard.campaigns[0]).toEqual({
      campaignId: CAMPAIGN_A,
      name: "Webinars",
      targetMarketId: A,
      budget: 9_000,
      spend: 4_500.5,
      toBudget: { value: 4_500.5 / 9_000, reason: null },
      mqls: 60,
      expectedMqls: 100,
      costPerMql: { value: 4_500.5 / 60, reason: null },
      plannedCostPerMql: { value: 90, reason: null },
    });
  });

  it("draws cumulative revenue against a target line spread by days", () => {
    expect(market.chart).toEqual([
      { month: "2027-01", cumulativeActual: 30_000, cumulativeTarget: 31_000 },
      { month: "2027-02", cumulativeActual: 45_000, cumulativeTarget: 59_000 },
      { month: "2027-03", cumulativeActual: null, cumulativeTarget: 90_000 },
    ]);
  });

  it("adds the markets up for the plan", () => {
    expect(dashboard.plan.revenue).toEqual({
      actual: 50_000,
      target: 90_000,
      toTarget: { value: 50_000 / 90_000, reason: null },
    });
    expect(dashboard.plan.mqls.actual).toBe(100);
    expect(dashboard.plan.spend.actual).toBe(5_300.5);
    expect(dashboard.plan.spend.budget).toBe(9_000);
    expect(dashboard.plan.chart[0]).toEqual({
      month: "2027-01",
      cumulativeActual: 35_000,
      cumulativeTarget: 31_000,
    });
    expect(dashboard.months).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(dashboard.ignoredRows).toBe(0);
  });

  it("never gives Infinity or NaN", () => {
    expect(allFinite(dashboard)).toBe(true);
  });
});

describe("computeDashboard: edge cases", () => {
  it("a market without revenue goals has no target, no pacing and no plan figures", () => {
    const market = computeDashboard(buildPlan(), ACTUALS, "2027-02-14").markets[1]!;
    expect(market.revenue).toEqual({
      actual: 5_000,
      target: 0,
      toTarget: { value: null, reason: "no target" },
    });
    expect(market.pacing.status).toBeNull();
    expect(market.pacing.pace).toEqual({ value: null, reason: "no target" });
    expect(market.avgDealSize.plan).toEqual({ value: null, reason: "no plan figure" });
    expect(market.avgDealSize.vsPlan).toEqual({ value: null, reason: "no plan figure" });
    expect(market.mqls.needed).toBeNull();
    expect(market.mqls.toNeeded).toEqual({ value: null, reason: "no target" });
    expect(market.mqlToSql.plan).toEqual({ value: null, reason: "no plan figure" });
    expect(market.slaFollowUp).toEqual({ value: null, reason: "no leads handed off" });
    expect(market.chart.map((p) => p.cumulativeTarget)).toEqual([0, 0, 0]);
  });

  it("a zero target reads as no target", () => {
    const plan = buildPlan({ revenueGoals: [buildGoal({ revenueTarget: 0, pipelineTarget: 0 })] });
    const market = computeDashboard(plan, ACTUALS, "2027-02-14").markets[0]!;
    expect(market.revenue.toTarget).toEqual({ value: null, reason: "no target" });
    expect(market.pipeline.toTarget).toEqual({ value: null, reason: "no target" });
    expect(market.pacing.status).toBeNull();
  });

  it("no actuals: zeros against the targets, no ratios of nothing, and an empty state", () => {
    const dashboard = computeDashboard(buildPlan(), NONE, "2027-02-14");
    const market = dashboard.markets[0]!;
    expect(market.empty).toBe(true);
    expect(dashboard.plan.empty).toBe(true);
    expect(market.revenue.toTarget).toEqual({ value: 0, reason: null });
    expect(market.pacing.status).toBe("off_track");
    expect(market.avgDealSize.actual).toEqual({ value: null, reason: "no deals won" });
    expect(market.avgDealSize.vsPlan).toEqual({ value: null, reason: "no deals won" });
    expect(market.mqlToSql.actual).toEqual({ value: null, reason: "no MQLs" });
    expect(market.slaFollowUp).toEqual({ value: null, reason: "no leads handed off" });
    expect(market.spend.costPerMql).toEqual({ value: null, reason: "no MQLs" });
    expect(market.chart.map((p) => p.cumulativeActual)).toEqual([0, 0, null]);
    expect(dashboard.campaigns[1]!.toBudget).toEqual({ value: null, reason: "no budget" });
    expect(dashboard.campaigns[1]!.plannedCostPerMql).toEqual({ value: null, reason: "no plan figure" });
    expect(allFinite(dashboard)).toBe(true);
  });

  it("counts a partly passed month by its days", () => {
    const january = { rows: ACTUALS.rows.filter((r) => r.month === "2027-01"), spend: [] };
    const market = computeDashboard(buildPlan(), january, "2027-01-16").markets[0]!;
    expect(market.pacing.elapsedShare).toBeCloseTo(16 / 90, 12);
    // 30,000 of 90,000 won after 16 of 90 days: far ahead.
    expect(market.pacing.pace.value).toBeCloseTo(1 / 3 / (16 / 90), 12);
    expect(market.pacing.status).toBe("on_track");
    expect(market.chart.map((p) => p.cumulativeActual)).toEqual([30_000, null, null]);
  });

  it("before the period starts there is no pace to judge", () => {
    const market = computeDashboard(buildPlan(), NONE, "2026-12-31").markets[0]!;
    expect(market.pacing).toEqual({
      elapsedShare: 0,
      achievedShare: { value: 0, reason: null },
      pace: { value: null, reason: "not started" },
      status: null,
    });
    expect(market.chart.map((p) => p.cumulativeActual)).toEqual([null, null, null]);
  });

  it("after the period ends the pace is the share achieved", () => {
    const market = computeDashboard(buildPlan(), ACTUALS, "2027-06-30").markets[0]!;
    expect(market.pacing.elapsedShare).toBe(1);
    expect(market.pacing.pace).toEqual({ value: 0.5, reason: null });
    expect(market.pacing.status).toBe("off_track");
    expect(market.chart.map((p) => p.cumulativeActual)).toEqual([30_000, 45_000, 45_000]);
  });

  it("leaves out actuals of unknown markets, unknown campaigns and months outside the period", () => {
    const actuals: DashboardActuals = {
      rows: [
        ...ACTUALS.rows,
        buildRow({ targetMarketId: CAMPAIGN_A, revenueWon: 1 }),
        buildRow({ month: "2027-04", revenueWon: 1 }),
      ],
      spend: [
        ...ACTUALS.spend,
        { campaignId: A, month: "2027-01", spend: 1, mqls: 1 } satisfies CampaignSpendRow,
      ],
    };
    const dashboard = computeDashboard(buildPlan(), actuals, "2027-02-14");
    expect(dashboard.ignoredRows).toBe(3);
    expect(dashboard.plan.revenue.actual).toBe(50_000);
  });

  it("weighs several goals of one market by their revenue", () => {
    const plan = buildPlan({
      revenueGoals: [
        buildGoal({ revenueTarget: 60_000, avgDealSize: 10_000, mqlToSqlRate: 0.1 }),
        buildGoal({ revenueTarget: 30_000, avgDealSize: 30_000, mqlToSqlRate: 0.4 }),
      ],
    });
    const market = computeDashboard(plan, NONE, "2027-02-14").markets[0]!;
    // 90,000 over 6 + 1 deals.
    expect(market.avgDealSize.plan.value).toBeCloseTo(90_000 / 7, 9);
    expect(market.mqlToSql.plan.value).toBeCloseTo((0.1 * 60_000 + 0.4 * 30_000) / 90_000, 12);
  });

  it("a plan without a valid period has no months and no pace", () => {
    const plan = { ...buildPlan(), meta: { title: "Plan", period: "", currency: null } };
    const dashboard = computeDashboard(plan, ACTUALS, "2027-02-14");
    expect(dashboard.months).toEqual([]);
    expect(dashboard.ignoredRows).toBe(6);
    expect(dashboard.plan.pacing.pace).toEqual({ value: null, reason: "not started" });
    expect(allFinite(dashboard)).toBe(true);
  });
});

describe("pacing thresholds", () => {
  it("are on track from 95 % of pace, at risk from 80 %, off track below", () => {
    expect(ON_TRACK_PACE).toBe(0.95);
    expect(AT_RISK_PACE).toBe(0.8);
    expect(paceStatus(1.4)).toBe("on_track");
    expect(paceStatus(0.95)).toBe("on_track");
    expect(paceStatus(0.9499)).toBe("at_risk");
    expect(paceStatus(0.8)).toBe("at_risk");
    expect(paceStatus(0.7999)).toBe("off_track");
    expect(paceStatus(0)).toBe("off_track");
  });

  it("an at-risk market: 40 % won with half the period gone", () => {
    const actuals = { rows: [buildRow({ revenueWon: 40_500 })], spend: [] };
    const market = computeDashboard(buildPlan(), actuals, "2027-02-14").markets[0]!;
    expect(market.pacing.pace.value).toBeCloseTo(0.9, 12);
    expect(market.pacing.status).toBe("at_risk");
  });
});

describe("ratio", () => {
  it("gives null with the reason for a zero, negative or non-finite denominator", () => {
    expect(ratio(1, 0, "no target")).toEqual({ value: null, reason: "no target" });
    expect(ratio(1, -1, "no budget")).toEqual({ value: null, reason: "no budget" });
    expect(ratio(1, Number.NaN, "no MQLs")).toEqual({ value: null, reason: "no MQLs" });
    expect(ratio(0, 4, "no MQLs")).toEqual({ value: 0, reason: null });
  });
});
