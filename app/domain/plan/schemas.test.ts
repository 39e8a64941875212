import { describe, expect, it } from "vitest";
import { blankRow } from "./rows";
import {
  CampaignRowSchema,
  END_BEFORE_START,
  RevenueGoalRowSchema,
  RichDocSchema,
  TargetMarketRowSchema,
  cellSchema,
  isIsoDate,
} from "./schemas";

const ID = "8f14e45f-ceea-4e67-a9d3-d5bfcf8c0e5a";

function buildCampaign(overrides: Record<string, unknown> = {}) {
  return { ...blankRow("campaigns", ID), name: "Spring webinar", channel: "webinar", ...overrides };
}

describe("CampaignRowSchema", () => {
  it("accepts a complete row", () => {
    const row = buildCampaign({ start: "2027-01-10", end: "2027-01-31", budget: 5000, expectedMqls: 120 });
    expect(CampaignRowSchema.safeParse(row).success).toBe(true);
  });

  it("accepts a campaign of one day", () => {
    expect(
      CampaignRowSchema.safeParse(buildCampaign({ start: "2027-01-10", end: "2027-01-10" })).success,
    ).toBe(true);
  });

  it("refuses an end before the start, on the end cell", () => {
    const result = CampaignRowSchema.safeParse(buildCampaign({ start: "2027-02-01", end: "2027-01-31" }));
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["end"], message: END_BEFORE_START }),
    ]);
  });

  it("reports a broken date once, without comparing it", () => {
    const result = CampaignRowSchema.safeParse(buildCampaign({ start: "2027-13-01", end: "2027-01-31" }));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["That date does not exist."]);
  });

  it("still compares dates when another cell is wrong", () => {
    const result = CampaignRowSchema.safeParse(
      buildCampaign({ name: "", start: "2027-02-01", end: "2027-01-01" }),
    );
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Name the campaign.",
      END_BEFORE_START,
    ]);
  });

  it("refuses numbers written as strings", () => {
    const result = CampaignRowSchema.safeParse(buildCampaign({ budget: "5000" }));
    expect(result.error?.issues[0]).toMatchObject({ path: ["budget"], message: "Enter a number." });
  });

  it("refuses an unknown channel and a fractional MQL count", () => {
    const result = CampaignRowSchema.safeParse(buildCampaign({ channel: "fax", expectedMqls: 1.5 }));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Choose a channel.",
      "Enter a whole number.",
    ]);
  });
});

describe("RevenueGoalRowSchema", () => {
  const goal = { ...blankRow("revenueGoals", ID), revenueTarget: 1_000_000, pipelineTarget: 3_000_000 };

  it("accepts rates as fractions", () => {
    expect(
      RevenueGoalRowSchema.safeParse({ ...goal, winRate: 0.25, mqlToSqlRate: 1, marketingSourcedShare: 0 })
        .success,
    ).toBe(true);
  });

  it("refuses a rate written as a percentage", () => {
    const result = RevenueGoalRowSchema.safeParse({ ...goal, winRate: 25 });
    expect(result.error?.issues[0]?.message).toBe("Use a percentage between 0 and 100.");
  });

  it("lists what a blank row still needs", () => {
    const result = RevenueGoalRowSchema.safeParse(blankRow("revenueGoals", ID));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Enter a revenue target.",
      "Enter a pipeline target.",
    ]);
  });

  it("refuses NaN and Infinity", () => {
    expect(RevenueGoalRowSchema.safeParse({ ...goal, revenueTarget: Number.NaN }).success).toBe(false);
    expect(RevenueGoalRowSchema.safeParse({ ...goal, pipelineTarget: Infinity }).success).toBe(false);
  });
});

describe("TargetMarketRowSchema", () => {
  it("refuses a row without a valid id", () => {
    const result = TargetMarketRowSchema.safeParse({ ...blankRow("targetMarkets", "row-1"), segment: "SMB" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["id"], message: "Every row needs a valid id." });
  });
});

describe("cellSchema", () => {
  it("validates one cell with the row's rules", () => {
    expect(cellSchema("revenueGoals", "winRate").safeParse(0.3).success).toBe(true);
    expect(cellSchema("revenueGoals", "winRate").safeParse(1.3).error?.issues[0]?.message).toBe(
      "Use a percentage between 0 and 100.",
    );
    expect(cellSchema("meta", "currency").safeParse("EUR").success).toBe(true);
    expect(cellSchema("leadDefinitions", "slaHours").safeParse(null).success).toBe(true);
  });
});

describe("RichDocSchema", () => {
  it("accepts a doc the editor can show", () => {
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }] };
    expect(RichDocSchema.safeParse(doc).success).toBe(true);
  });

  it("refuses unknown nodes and unsafe links", () => {
    const unknown = { type: "doc", content: [{ type: "iframe" }] };
    const js = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          ],
        },
      ],
    };
    expect(RichDocSchema.safeParse(unknown).success).toBe(false);
    expect(RichDocSchema.safeParse(js).success).toBe(false);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-1-5", false],
    ["2027-00-10", false],
  ])("%s -> %s", (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});
