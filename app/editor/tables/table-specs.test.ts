import { describe, expect, it } from "vitest";
import { blankRow, COLUMNS } from "../../domain/plan";
import { cellControl, cellDisplay, cellEditText, rowNames, TABLE_SPECS } from "./table-specs";

const choices = {
  markets: [{ value: "3f1c9a2e-8b4d-4c6e-9a1f-2b3c4d5e6f70", label: "Mid-market fintech" }],
  members: [{ value: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", label: "Sam Carter" }],
};

describe("rowNames", () => {
  it("names rows for labels, numbering unnamed ones and telling same-named ones apart", () => {
    const market = choices.markets[0]!.value;
    const goals = [
      { ...blankRow("revenueGoals"), targetMarketId: market, period: "2027-Q1" },
      { ...blankRow("revenueGoals"), targetMarketId: market, period: "2027-Q2" },
      { ...blankRow("revenueGoals") },
    ];
    const names = rowNames(TABLE_SPECS.revenueGoals, goals, new Map([[market, "Mid-market fintech"]]));
    expect(goals.map((goal) => names.get(goal.id))).toEqual([
      "Mid-market fintech, 2027-Q1",
      "Mid-market fintech, 2027-Q2",
      "revenue goal 3",
    ]);
    const terms = [
      { ...blankRow("glossary"), term: "MQL" },
      { ...blankRow("glossary"), term: "MQL" },
    ];
    const termNames = rowNames(TABLE_SPECS.glossary, terms, new Map());
    expect(terms.map((term) => termNames.get(term.id))).toEqual(["MQL (1)", "MQL (2)"]);
  });
});

describe("cellControl and cellDisplay", () => {
  it("edits numbers as free text, shows them formatted, and names the choices of references", () => {
    const money = COLUMNS.revenueGoals.revenueTarget;
    expect(cellControl(money, 1_200_000, choices)).toEqual({ type: "text", numeric: true });
    expect(cellDisplay("revenueGoals", "revenueTarget", 1_200_000, "EUR", { type: "text" })).toBe("€1,200,000");
    expect(cellEditText("revenueGoals", "winRate", 0.25)).toBe("25");

    const owner = cellControl(COLUMNS.campaigns.ownerId, choices.members[0]!.value, choices);
    expect(owner).toEqual({ type: "select", options: choices.members, emptyLabel: "No owner" });
    expect(cellDisplay("campaigns", "ownerId", choices.members[0]!.value, "USD", owner)).toBe("Sam Carter");

    const gone = cellControl(COLUMNS.campaigns.targetMarketId, "0f0e0d0c-0b0a-4908-8706-050403020100", choices);
    expect(gone.type === "select" && gone.options.at(-1)).toEqual({
      value: "0f0e0d0c-0b0a-4908-8706-050403020100",
      label: "Removed market",
    });
  });

  it("offers an empty choice for a required enum only until one is chosen", () => {
    const channel = COLUMNS.campaigns.channel;
    expect(cellControl(channel, null, choices)).toMatchObject({ type: "select", emptyLabel: "Choose channel…" });
    expect(cellControl(channel, "webinar", choices)).toMatchObject({ type: "select", emptyLabel: null });
    expect(cellControl(COLUMNS.glossary.agreedDefinition, "", choices)).toMatchObject({
      type: "text",
      multiline: true,
      maxLength: 4000,
    });
  });
});
