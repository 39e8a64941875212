import {
  formatMoney,
  formatNumber,
  planFunnel,
  type CampaignRow,
  type FunnelInput,
  type MarketFunnel,
  type RevenueGoalRow,
  type TargetMarketRow,
} from "../../domain/plan";
import type { FigureText, FunnelLine } from "../../components/plan-table/types";

/**
 * The reverse funnel as the revenue goals card shows it: one line per target
 * market, every figure already worded. The figures come from
 * `deriveFigures` on the same rows the tables show (the projection's
 * reading), so the table and the signed plan can never disagree; nothing here
 * is stored in the document.
 */

export type { FigureText, FunnelLine };

export interface FunnelView {
  lines: FunnelLine[];
  /** The plan's total, when there is more than one market. */
  total: FunnelLine | null;
  /** Revenue goals without a target market: left out of the funnel, and the card says so. */
  unassignedGoals: number;
}

export const FUNNEL_INPUT_LABELS: Record<FunnelInput, string> = {
  revenueTarget: "revenue target",
  avgDealSize: "average deal size",
  winRate: "win rate",
  mqlToSqlRate: "MQL → SQL rate",
};

/** U+2212, the minus sign, not a hyphen: "−120 short". */
const MINUS = "\u2212";
const NOT_YET: FigureText = { text: "—", tone: "missing" };

/** The rows the funnel reads, as the tables hold them (the projection's reading of each). */
export interface FunnelRows {
  targetMarkets: readonly TargetMarketRow[];
  revenueGoals: readonly RevenueGoalRow[];
  campaigns: readonly CampaignRow[];
}

/** The funnel of these rows, worded; planFunnel is what deriveFigures runs on the projection. */
export function funnelView(sections: FunnelRows, currency: string | null): FunnelView {
  const funnel = planFunnel(sections.targetMarkets, sections.revenueGoals, sections.campaigns);
  const names = new Map(sections.targetMarkets.map((m) => [m.id, marketName(m.segment)]));
  const lines = funnel.markets.map((market) =>
    funnelLine(market, names.get(market.targetMarketId) ?? marketName(""), currency),
  );
  const total =
    funnel.markets.length > 1 ? funnelLine({ ...funnel.total, targetMarketId: "" }, "All markets", currency) : null;
  const marketIds = new Set(sections.targetMarkets.map((m) => m.id));
  const unassignedGoals = sections.revenueGoals.filter(
    (goal) => goal.targetMarketId === null || !marketIds.has(goal.targetMarketId),
  ).length;
  return { lines, total, unassignedGoals };
}

export function marketName(segment: string): string {
  return segment.trim() || "Unnamed market";
}

function funnelLine(market: MarketFunnel, name: string, currency: string | null): FunnelLine {
  const noGoal = market.goalCount === 0;
  const stage = (value: number | null, inputs: readonly FunnelInput[]): FigureText => {
    if (value !== null) return { text: formatNumber(value), tone: "value" };
    if (noGoal) return NOT_YET;
    const input = inputs.find((i) => market.missing.includes(i));
    return input ? { text: `needs ${FUNNEL_INPUT_LABELS[input]}`, tone: "missing" } : NOT_YET;
  };
  return {
    targetMarketId: market.targetMarketId,
    market: name,
    revenueTarget: noGoal
      ? { text: "no revenue goal yet", tone: "missing" }
      : { text: formatMoney(market.revenueTarget, currency), tone: "value" },
    dealsNeeded: stage(market.dealsNeeded, ["revenueTarget", "avgDealSize"]),
    sqlsNeeded: stage(market.sqlsNeeded, ["winRate"]),
    mqlsNeeded: stage(market.mqlsNeeded, ["mqlToSqlRate"]),
    expectedMqls: { text: formatNumber(market.expectedMqls), tone: "value" },
    gap: gapText(market.gap),
  };
}

/** The gap in words as well as colour: "−120 short", "+30 to spare", "on target". */
export function gapText(gap: number | null): FigureText {
  if (gap === null) return NOT_YET;
  if (gap < 0) return { text: `${MINUS}${formatNumber(-gap)} short`, tone: "short" };
  if (gap > 0) return { text: `+${formatNumber(gap)} to spare`, tone: "spare" };
  return { text: "on target", tone: "even" };
}
