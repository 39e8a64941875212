import { describe, expect, it } from "vitest";
import { ceilCount, goalFunnel, planFunnel, type FunnelCampaign, type FunnelGoal } from "./funnel";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

function buildGoal(overrides: Partial<FunnelGoal> = {}): FunnelGoal {
  return {
    targetMarketId: A,
    revenueTarget: 1_000_000,
    pipelineTarget: 3_000_000,
    avgDealSize: 50_000,
    winRate: 0.25,
    mqlToSqlRate: 0.2,
    ...overrides,
  };
}

function buildCampaign(overrides: Partial<FunnelCampaign> = {}): FunnelCampaign {
  return { targetMarketId: A, expectedMqls: 100, budget: 10_000, status: "planned", ...overrides };
}

describe("goalFunnel", () => {
  it("works back from revenue to deals, SQLs and MQLs", () => {
    // 1,000,000 / 50,000 = 20 deals; / 0.25 = 80 SQLs; / 0.2 = 400 MQLs.
    expect(goalFunnel(buildGoal())).toEqual({
      dealsNeeded: 20,
      sqlsNeeded: 80,
      mqlsNeeded: 400,
      missing: [],
    });
  });

  it("rounds every stage up: you need whole deals", () => {
    // 100,000 / 30,000 = 3.33 -> 4 deals; / 0.3 = 13.3 -> 14 SQLs; / 0.15 = 93.3 -> 94 MQLs.
    const f = goalFunnel(
      buildGoal({ revenueTarget: 100_000, avgDealSize: 30_000, winRate: 0.3, mqlToSqlRate: 0.15 }),
    );
    expect(f).toMatchObject({ dealsNeeded: 4, sqlsNeeded: 14, mqlsNeeded: 94 });
  });

  it("does not let float noise add a deal (21 / 0.7 is 30, not 31)", () => {
    const f = goalFunnel(buildGoal({ revenueTarget: 21, avgDealSize: 1, winRate: 0.7, mqlToSqlRate: 0.1 }));
    expect(f).toMatchObject({ dealsNeeded: 21, sqlsNeeded: 30, mqlsNeeded: 300 });
  });

  it("needs nothing for a zero revenue target", () => {
    expect(goalFunnel(buildGoal({ revenueTarget: 0 }))).toMatchObject({
      dealsNeeded: 0,
      sqlsNeeded: 0,
      mqlsNeeded: 0,
    });
  });

  it.each([
    ["no deal size", { avgDealSize: null }, ["avgDealSize"]],
    ["a zero deal size", { avgDealSize: 0 }, ["avgDealSize"]],
    ["a negative deal size", { avgDealSize: -5 }, ["avgDealSize"]],
    ["no revenue target", { revenueTarget: null }, ["revenueTarget"]],
    ["a negative revenue target", { revenueTarget: -1 }, ["revenueTarget"]],
  ] as const)("has no figure at all with %s", (_name, overrides, missing) => {
    const f = goalFunnel(buildGoal(overrides));
    expect(f).toEqual({ dealsNeeded: null, sqlsNeeded: null, mqlsNeeded: null, missing });
  });

  it.each([
    ["no win rate", { winRate: null }],
    ["a zero win rate", { winRate: 0 }],
    ["a win rate over 100 %", { winRate: 1.5 }],
    ["a NaN win rate", { winRate: Number.NaN }],
  ] as const)("stops after deals with %s", (_name, overrides) => {
    const f = goalFunnel(buildGoal(overrides));
    expect(f).toEqual({ dealsNeeded: 20, sqlsNeeded: null, mqlsNeeded: null, missing: ["winRate"] });
  });

  it("stops after SQLs without an MQL→SQL rate, never yielding Infinity", () => {
    const f = goalFunnel(buildGoal({ mqlToSqlRate: 0 }));
    expect(f).toEqual({ dealsNeeded: 20, sqlsNeeded: 80, mqlsNeeded: null, missing: ["mqlToSqlRate"] });
  });

  it("accepts a 100 % rate", () => {
    expect(goalFunnel(buildGoal({ winRate: 1, mqlToSqlRate: 1 }))).toMatchObject({
      sqlsNeeded: 20,
      mqlsNeeded: 20,
    });
  });

  it("lists every missing input in funnel order", () => {
    const f = goalFunnel({
      targetMarketId: A,
      revenueTarget: null,
      pipelineTarget: null,
      avgDealSize: null,
      winRate: null,
      mqlToSqlRate: null,
    });
    expect(f.missing).toEqual(["revenueTarget", "avgDealSize", "winRate", "mqlToSqlRate"]);
  });
});

describe("planFunnel", () => {
  it("sets the market's expected MQLs against its needs", () => {
    const { markets } = planFunnel(
      [{ id: A }],
      [buildGoal()],
      [buildCampaign({ expectedMqls: 150 }), buildCampaign({ expectedMqls: 100 })],
    );
    expect(markets[0]).toMatchObject({
      targetMarketId: A,
      goalCount: 1,
      revenueTarget: 1_000_000,
      pipelineTarget: 3_000_000,
      mqlsNeeded: 400,
      expectedMqls: 250,
      gap: -150,
      budget: 20_000,
      campaignCount: 2,
    });
  });

  it("adds up several goals of a market, each with its own deal size and rates", () => {
    const goals = [
      buildGoal(),
      buildGoal({ revenueTarget: 90_000, avgDealSize: 30_000, winRate: 0.5, mqlToSqlRate: 0.5 }),
    ];
    const [market] = planFunnel([{ id: A }], goals, []).markets;
    // 20 + 3 deals; 80 + 6 SQLs; 400 + 12 MQLs.
    expect(market).toMatchObject({
      revenueTarget: 1_090_000,
      dealsNeeded: 23,
      sqlsNeeded: 86,
      mqlsNeeded: 412,
      gap: -412,
    });
  });

  it("makes a market's figure null when one of its goals is incomplete", () => {
    const [market] = planFunnel([{ id: A }], [buildGoal(), buildGoal({ winRate: null })], []).markets;
    expect(market).toMatchObject({
      dealsNeeded: 40,
      sqlsNeeded: null,
      mqlsNeeded: null,
      gap: null,
      missing: ["winRate"],
    });
    expect(market?.revenueTarget).toBe(2_000_000);
  });

  it("leaves cancelled campaigns out", () => {
    const campaigns = [
      buildCampaign({ expectedMqls: 500 }),
      buildCampaign({ expectedMqls: 1000, budget: 99, status: "cancelled" }),
    ];
    const [market] = planFunnel([{ id: A }], [buildGoal()], campaigns).markets;
    expect(market).toMatchObject({ expectedMqls: 500, gap: 100, budget: 10_000, campaignCount: 1 });
  });

  it("counts a campaign without an estimate as 0 MQLs", () => {
    const [market] = planFunnel(
      [{ id: A }],
      [buildGoal()],
      [buildCampaign({ expectedMqls: null, budget: null })],
    ).markets;
    expect(market).toMatchObject({ expectedMqls: 0, budget: 0, campaignCount: 1, gap: -400 });
  });

  it("keeps goals and campaigns of other or no markets out", () => {
    const goals = [buildGoal({ targetMarketId: B }), buildGoal({ targetMarketId: null })];
    const campaigns = [buildCampaign({ targetMarketId: B }), buildCampaign({ targetMarketId: null })];
    const [market] = planFunnel([{ id: A }], goals, campaigns).markets;
    expect(market).toMatchObject({
      goalCount: 0,
      revenueTarget: 0,
      mqlsNeeded: null,
      expectedMqls: 0,
      gap: null,
      missing: ["revenueTarget"],
    });
  });

  it("gives one entry per market in plan order and a total", () => {
    const goals = [buildGoal(), buildGoal({ targetMarketId: B, revenueTarget: 500_000 })];
    const campaigns = [
      buildCampaign({ expectedMqls: 300 }),
      buildCampaign({ targetMarketId: B, expectedMqls: 250 }),
    ];
    const funnel = planFunnel([{ id: B }, { id: A }], goals, campaigns);
    expect(funnel.markets.map((m) => m.targetMarketId)).toEqual([B, A]);
    expect(funnel.total).toMatchObject({
      goalCount: 2,
      revenueTarget: 1_500_000,
      dealsNeeded: 30,
      sqlsNeeded: 120,
      mqlsNeeded: 600,
      expectedMqls: 550,
      gap: -50,
      campaignCount: 2,
    });
  });

  it("adds money to the cent without float noise", () => {
    const campaigns = [buildCampaign({ budget: 0.1 }), buildCampaign({ budget: 0.2 })];
    expect(planFunnel([{ id: A }], [], campaigns).markets[0]?.budget).toBe(0.3);
  });

  it("has an empty total for a plan without markets", () => {
    const funnel = planFunnel([], [buildGoal()], [buildCampaign()]);
    expect(funnel.markets).toEqual([]);
    expect(funnel.total).toMatchObject({ revenueTarget: 0, mqlsNeeded: null, gap: null, expectedMqls: 0 });
  });
});

describe("ceilCount", () => {
  it.each([
    [2, 2],
    [2.0000000000000004, 2],
    [2.1, 3],
    [0, 0],
    [29.999999999999996, 30],
  ])("%d -> %d", (value, expected) => {
    expect(ceilCount(value)).toBe(expected);
  });
});
