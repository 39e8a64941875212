import { describe, expect, it } from "vitest";
import { ActualsRowSchema, CampaignSpendRowSchema, SLA_OVER_HANDED_OFF } from "./schemas";

const row = {
  targetMarketId: "5b2f7c1e-3c1a-4f51-9a43-1f2d3e4c5b6a",
  month: "2027-01",
  revenueWon: 1200.5,
  dealsWon: 2,
  pipelineCreated: 5000,
  mqls: 40,
  sqls: 12,
  leadsFollowedUpInSla: 10,
  leadsHandedOff: 12,
};

describe("ActualsRowSchema", () => {
  it("accepts a complete row", () => {
    expect(ActualsRowSchema.parse(row)).toEqual(row);
  });

  it("refuses negative money and counts, fractions of a count and bad months", () => {
    expect(ActualsRowSchema.safeParse({ ...row, revenueWon: -1 }).success).toBe(false);
    expect(ActualsRowSchema.safeParse({ ...row, mqls: -1 }).success).toBe(false);
    expect(ActualsRowSchema.safeParse({ ...row, dealsWon: 1.5 }).success).toBe(false);
    expect(ActualsRowSchema.safeParse({ ...row, month: "2027-13" }).success).toBe(false);
    expect(ActualsRowSchema.safeParse({ ...row, targetMarketId: "emea" }).success).toBe(false);
  });

  it("refuses more leads followed up in time than handed off", () => {
    const result = ActualsRowSchema.safeParse({ ...row, leadsFollowedUpInSla: 13 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      message: SLA_OVER_HANDED_OFF,
      path: ["leadsFollowedUpInSla"],
    });
  });
});

describe("CampaignSpendRowSchema", () => {
  it("accepts spend of 0 or more", () => {
    const spend = { campaignId: row.targetMarketId, month: "2027-02", spend: 0, mqls: 0 };
    expect(CampaignSpendRowSchema.parse(spend)).toEqual(spend);
    expect(CampaignSpendRowSchema.safeParse({ ...spend, spend: -5 }).success).toBe(false);
  });
});
