import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { blankRow, projectPlan, rowMap, SECTION } from "../../domain/plan";
import { funnelView, gapText } from "./funnel-view";
import { readTableRows } from "./table-rows";

describe("gapText", () => {
  it("says the gap in words, with a real minus sign", () => {
    expect(gapText(-120)).toEqual({ text: "\u2212120 short", tone: "short" });
    expect(gapText(1500)).toEqual({ text: "+1,500 to spare", tone: "spare" });
    expect(gapText(0)).toEqual({ text: "on target", tone: "even" });
    expect(gapText(null).tone).toBe("missing");
  });
});

describe("funnelView", () => {
  const fintech = { ...blankRow("targetMarkets"), segment: "Mid-market fintech" };
  const retail = { ...blankRow("targetMarkets"), segment: "" };

  it("shows each stage of a complete goal and the gap against the market's live campaigns", () => {
    const view = funnelView(
      {
        targetMarkets: [fintech],
        revenueGoals: [
          {
            ...blankRow("revenueGoals"),
            targetMarketId: fintech.id,
            revenueTarget: 1_200_000,
            avgDealSize: 40_000,
            winRate: 0.25,
            mqlToSqlRate: 0.2,
          },
        ],
        campaigns: [
          { ...blankRow("campaigns"), targetMarketId: fintech.id, expectedMqls: 400 },
          { ...blankRow("campaigns"), targetMarketId: fintech.id, expectedMqls: 900, status: "cancelled" },
        ],
      },
      "EUR",
    );
    expect(view.total).toBeNull();
    expect(view.lines).toEqual([
      {
        targetMarketId: fintech.id,
        market: "Mid-market fintech",
        revenueTarget: { text: "€1,200,000", tone: "value" },
        dealsNeeded: { text: "30", tone: "value" },
        sqlsNeeded: { text: "120", tone: "value" },
        mqlsNeeded: { text: "600", tone: "value" },
        expectedMqls: { text: "400", tone: "value" },
        gap: { text: "\u2212200 short", tone: "short" },
      },
    ]);
  });

  it("says which input each missing figure needs, and which markets have no goal", () => {
    const view = funnelView(
      {
        targetMarkets: [fintech, retail],
        revenueGoals: [
          { ...blankRow("revenueGoals"), targetMarketId: fintech.id, revenueTarget: 100_000, avgDealSize: 10_000 },
          { ...blankRow("revenueGoals"), targetMarketId: null, revenueTarget: 5 },
        ],
        campaigns: [],
      },
      "USD",
    );
    const [first, second] = view.lines;
    expect(first?.dealsNeeded.text).toBe("10");
    expect(first?.sqlsNeeded.text).toBe("needs win rate");
    expect(first?.mqlsNeeded.text).toBe("needs MQL → SQL rate");
    expect(first?.gap.text).toBe("—");
    expect(second?.market).toBe("Unnamed market");
    expect(second?.revenueTarget.text).toBe("no revenue goal yet");
    expect(view.total?.market).toBe("All markets");
    expect(view.unassignedGoals).toBe(1);
  });

  it("agrees with the projection's derived funnel for the same document", () => {
    const doc = new Y.Doc();
    const marketId = crypto.randomUUID();
    doc.transact(() => {
      doc.getArray(SECTION.targetMarkets).push([rowMap("targetMarkets", { ...blankRow("targetMarkets", marketId), segment: "EU" })]);
      doc.getArray(SECTION.revenueGoals).push([
        rowMap("revenueGoals", {
          ...blankRow("revenueGoals"),
          targetMarketId: marketId,
          revenueTarget: 210_000,
          avgDealSize: 10_000,
          winRate: 0.7,
          mqlToSqlRate: 0.3,
        }),
      ]);
      doc.getArray(SECTION.campaigns).push([
        rowMap("campaigns", { ...blankRow("campaigns"), targetMarketId: marketId, expectedMqls: 150 }),
      ]);
    });
    const view = funnelView(
      {
        targetMarkets: readTableRows(doc.getArray(SECTION.targetMarkets), "targetMarkets"),
        revenueGoals: readTableRows(doc.getArray(SECTION.revenueGoals), "revenueGoals"),
        campaigns: readTableRows(doc.getArray(SECTION.campaigns), "campaigns"),
      },
      "USD",
    );
    const market = projectPlan(doc).derived.funnel.markets[0]!;
    expect(view.lines[0]?.mqlsNeeded.text).toBe(String(market.mqlsNeeded));
    expect(view.lines[0]?.gap.text).toBe(`+${market.gap} to spare`);
  });
});
