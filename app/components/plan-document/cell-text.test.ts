import { describe, expect, it } from "vitest";
import { cellText } from "./cell-text";

const content = {
  meta: { title: "Plan", period: "2027-Q1", currency: "EUR" as const },
  targetMarkets: [
    {
      id: "11111111-1111-4111-8111-111111111111",
      segment: "Fintech",
      icp: "",
      region: "",
      companySize: "",
      priority: "high" as const,
      ownerId: null,
    },
  ],
};
const people = { "22222222-2222-4222-8222-222222222222": "Maya Lopez" };

describe("cellText", () => {
  it("formats money in the plan's currency and rates as percentages", () => {
    expect(cellText(content, people, "revenueGoals", "revenueTarget", 1200000)).toBe("€1,200,000");
    expect(cellText(content, people, "revenueGoals", "winRate", 0.25)).toBe("25%");
  });

  it("names markets and people, and says when they are gone", () => {
    expect(cellText(content, people, "campaigns", "targetMarketId", content.targetMarkets[0]!.id)).toBe(
      "Fintech",
    );
    expect(
      cellText(content, people, "campaigns", "targetMarketId", "33333333-3333-4333-8333-333333333333"),
    ).toBe("(removed market)");
    expect(cellText(content, people, "campaigns", "ownerId", "22222222-2222-4222-8222-222222222222")).toBe(
      "Maya Lopez",
    );
    expect(cellText(content, people, "campaigns", "ownerId", "44444444-4444-4444-8444-444444444444")).toBe(
      "(former member)",
    );
  });

  it("shows empty cells as a dash and enums by their label", () => {
    expect(cellText(content, people, "campaigns", "budget", null)).toBe("—");
    expect(cellText(content, people, "leadDefinitions", "handoffFields", [])).toBe("—");
    expect(cellText(content, people, "campaigns", "channel", "paid-search")).toBe("Paid search");
  });
});
