import { describe, expect, test } from "vitest";
import { ActualsRowSchema, CampaignSpendRowSchema } from "../app/domain/actuals";
import { computeDashboard } from "../app/domain/metrics";
import { demoActuals } from "./demo-actuals";
import { demoPlanContent } from "./demo-plan";
import { RUNNING_DEMO_QUARTER } from "./demo-running-quarter";

const people = {
  maya: crypto.randomUUID(),
  sam: crypto.randomUUID(),
  lena: crypto.randomUUID(),
  raj: crypto.randomUUID(),
};
const content = demoPlanContent(people, RUNNING_DEMO_QUARTER);

describe("the demo's running-quarter actuals", () => {
  test("are valid rows of the plan's markets, campaigns and months, up to today", () => {
    const { rows, spend } = demoActuals(content, "2026-11-22");
    expect(rows.map((r) => r.month).sort()).toEqual([
      "2026-10",
      "2026-10",
      "2026-10",
      "2026-11",
      "2026-11",
      "2026-11",
    ]);
    for (const row of rows) expect(ActualsRowSchema.safeParse(row).success).toBe(true);
    for (const row of spend) expect(CampaignSpendRowSchema.safeParse(row).success).toBe(true);
    const campaigns = new Set(content.campaigns.map((c) => c.id));
    expect(spend.length).toBeGreaterThan(0);
    expect(spend.every((s) => campaigns.has(s.campaignId) && s.month <= "2026-11")).toBe(true);
  });

  test("pace the three markets differently, as the demo's story says", () => {
    const dashboard = computeDashboard(content, demoActuals(content, "2026-11-22"), "2026-11-22");
    expect(dashboard.plan.empty).toBe(false);
    expect(dashboard.ignoredRows).toBe(0);
    expect(dashboard.markets.map((m) => [m.name, m.pacing.status])).toEqual([
      ["Mid-market retail", "on_track"],
      ["Enterprise logistics", "at_risk"],
      ["SMB e-commerce", "off_track"],
    ]);
    // Spend stays within budget so far, and every campaign that ran has a cost per MQL.
    expect(dashboard.plan.spend.actual).toBeLessThan(dashboard.plan.spend.budget);
    expect(dashboard.campaigns.filter((c) => c.spend > 0).every((c) => c.costPerMql.value !== null)).toBe(
      true,
    );
  });

  test("are none before the quarter and the whole quarter after it", () => {
    expect(demoActuals(content, "2026-09-30")).toEqual({ rows: [], spend: [] });
    const after = demoActuals(content, "2027-02-01");
    expect(after.rows).toHaveLength(9);
    const full = computeDashboard(content, after, "2027-02-01");
    expect(full.plan.pacing.elapsedShare).toBe(1);
  });
});
