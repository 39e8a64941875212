/**
 * The reverse funnel (DESIGN.md section 2): per target market, how many
 * deals, SQLs and MQLs the revenue goals need, against the MQLs the
 * market's campaigns expect. It is the one set of numbers both teams argue
 * about, so it is computed here, once, and never typed or stored.
 *
 * Rules: needed counts are rounded UP at every stage (you cannot win 2.3
 * deals); a missing, zero or out-of-range input makes the figures that
 * depend on it null, never Infinity or NaN; cancelled campaigns count for
 * nothing.
 */

/** The inputs the funnel reads from a revenue goal row (a subset of RevenueGoalRow). */
export interface FunnelGoal {
  targetMarketId: string | null;
  revenueTarget: number | null;
  pipelineTarget: number | null;
  avgDealSize: number | null;
  winRate: number | null;
  mqlToSqlRate: number | null;
}

/** The inputs the funnel reads from a campaign row (a subset of CampaignRow). */
export interface FunnelCampaign {
  targetMarketId: string | null;
  expectedMqls: number | null;
  budget: number | null;
  status: string | null;
}

/** An input a figure is waiting for, so the UI can say "Enter a win rate to see SQLs needed." */
export type FunnelInput = "revenueTarget" | "avgDealSize" | "winRate" | "mqlToSqlRate";

/** What one revenue goal needs, stage by stage. */
export interface GoalFunnel {
  dealsNeeded: number | null;
  sqlsNeeded: number | null;
  mqlsNeeded: number | null;
  /** Inputs that are missing or out of range, in funnel order. */
  missing: FunnelInput[];
}

/** The funnel of one target market: its goals summed, against its campaigns. */
export interface MarketFunnel extends GoalFunnel {
  targetMarketId: string;
  /** Revenue goal rows of this market. With none, every needed figure is null. */
  goalCount: number;
  /** Sum of the goals' valid revenue targets (0 with no goals). */
  revenueTarget: number;
  pipelineTarget: number;
  /** Sum of expectedMqls of the market's campaigns that are not cancelled; an empty estimate counts 0. */
  expectedMqls: number;
  /** Sum of the budgets of those campaigns. */
  budget: number;
  campaignCount: number;
  /** expectedMqls − mqlsNeeded: negative means the campaigns fall short. Null while mqlsNeeded is. */
  gap: number | null;
}

export interface PlanFunnel {
  /** One entry per target market, in the plan's order. */
  markets: MarketFunnel[];
  /** The markets added up; a needed figure is null if any market's is. */
  total: Omit<MarketFunnel, "targetMarketId">;
}

/**
 * What one goal needs: revenue ÷ deal size = deals; ÷ win rate = SQLs;
 * ÷ MQL→SQL rate = MQLs, each rounded up. Each stage needs the one before.
 */
export function goalFunnel(goal: FunnelGoal): GoalFunnel {
  const revenue = amount(goal.revenueTarget);
  const dealSize = divisor(goal.avgDealSize, Infinity);
  const winRate = divisor(goal.winRate, 1);
  const mqlToSql = divisor(goal.mqlToSqlRate, 1);
  const missing: FunnelInput[] = [];
  if (revenue === null) missing.push("revenueTarget");
  if (dealSize === null) missing.push("avgDealSize");
  if (winRate === null) missing.push("winRate");
  if (mqlToSql === null) missing.push("mqlToSqlRate");
  const dealsNeeded = revenue === null || dealSize === null ? null : ceilCount(revenue / dealSize);
  const sqlsNeeded = dealsNeeded === null || winRate === null ? null : ceilCount(dealsNeeded / winRate);
  const mqlsNeeded = sqlsNeeded === null || mqlToSql === null ? null : ceilCount(sqlsNeeded / mqlToSql);
  return { dealsNeeded, sqlsNeeded, mqlsNeeded, missing };
}

/**
 * The funnel of every target market. Several goals of one market are
 * computed one by one (each has its own deal size and rates) and their
 * needs added up; one incomplete goal makes the market's figure null, so a
 * half-filled row never passes for a smaller need.
 */
export function planFunnel(
  targetMarkets: ReadonlyArray<{ id: string }>,
  revenueGoals: readonly FunnelGoal[],
  campaigns: readonly FunnelCampaign[],
): PlanFunnel {
  const markets = targetMarkets.map((market) =>
    marketFunnel(
      market.id,
      revenueGoals.filter((goal) => goal.targetMarketId === market.id),
      campaigns.filter((campaign) => campaign.targetMarketId === market.id),
    ),
  );
  return { markets, total: totalOf(markets) };
}

function marketFunnel(
  id: string,
  goals: readonly FunnelGoal[],
  campaigns: readonly FunnelCampaign[],
): MarketFunnel {
  const perGoal = goals.map(goalFunnel);
  const live = campaigns.filter((campaign) => campaign.status !== "cancelled");
  const dealsNeeded = sumOrNull(perGoal.map((g) => g.dealsNeeded));
  const sqlsNeeded = sumOrNull(perGoal.map((g) => g.sqlsNeeded));
  const mqlsNeeded = sumOrNull(perGoal.map((g) => g.mqlsNeeded));
  const expectedMqls = sum(live.map((campaign) => count(campaign.expectedMqls)));
  return {
    targetMarketId: id,
    goalCount: goals.length,
    revenueTarget: sumMoney(goals.map((goal) => amount(goal.revenueTarget) ?? 0)),
    pipelineTarget: sumMoney(goals.map((goal) => amount(goal.pipelineTarget) ?? 0)),
    dealsNeeded,
    sqlsNeeded,
    mqlsNeeded,
    missing: goals.length === 0 ? ["revenueTarget"] : unique(perGoal.flatMap((g) => g.missing)),
    expectedMqls,
    budget: sumMoney(live.map((campaign) => amount(campaign.budget) ?? 0)),
    campaignCount: live.length,
    gap: mqlsNeeded === null ? null : expectedMqls - mqlsNeeded,
  };
}

function totalOf(markets: readonly MarketFunnel[]): PlanFunnel["total"] {
  const mqlsNeeded = sumOrNull(markets.map((m) => m.mqlsNeeded));
  const expectedMqls = sum(markets.map((m) => m.expectedMqls));
  return {
    goalCount: sum(markets.map((m) => m.goalCount)),
    revenueTarget: sumMoney(markets.map((m) => m.revenueTarget)),
    pipelineTarget: sumMoney(markets.map((m) => m.pipelineTarget)),
    dealsNeeded: sumOrNull(markets.map((m) => m.dealsNeeded)),
    sqlsNeeded: sumOrNull(markets.map((m) => m.sqlsNeeded)),
    mqlsNeeded,
    missing: unique(markets.flatMap((m) => m.missing)),
    expectedMqls,
    budget: sumMoney(markets.map((m) => m.budget)),
    campaignCount: sum(markets.map((m) => m.campaignCount)),
    gap: mqlsNeeded === null ? null : expectedMqls - mqlsNeeded,
  };
}

/**
 * Math.ceil that forgives float noise: 21 / 0.7 is 30.000000000000004 in
 * floating point and must need 30 SQLs, not 31.
 */
export function ceilCount(value: number): number {
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value))) return nearest;
  return Math.ceil(value);
}

/** A valid amount (finite, >= 0) or null. */
function amount(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** A usable divisor in (0, max], or null: zero, negative or out-of-range inputs cannot divide. */
function divisor(value: unknown, max: number): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 && value <= max ? value : null;
}

function count(value: unknown): number {
  return amount(value) ?? 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Null when there is nothing to add or any part is unknown. */
function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  if (values.length === 0 || values.some((value) => value === null)) return null;
  return sum(values as number[]);
}

const FUNNEL_ORDER: readonly FunnelInput[] = ["revenueTarget", "avgDealSize", "winRate", "mqlToSqlRate"];

function unique(values: readonly FunnelInput[]): FunnelInput[] {
  return FUNNEL_ORDER.filter((input) => values.includes(input));
}

/** Money adds up to the cent, without float noise (0.1 + 0.2 is 0.3). */
function sumMoney(values: readonly number[]): number {
  return Math.round(sum(values) * 100) / 100;
}
