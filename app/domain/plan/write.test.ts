import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SECTION } from "./layout";
import { projectSections } from "./project";
import { blankRow, rowMap } from "./rows";
import { type PlanSections } from "./schemas";
import { planTemplate } from "./template";
import { writePlanContent } from "./write";

const GOAL = "22222222-2222-4222-8222-222222222222";
const CAMPAIGN = "33333333-3333-4333-8333-333333333333";
const TERM = "44444444-4444-4444-8444-444444444444";

function buildPlan(overrides: Partial<PlanSections> = {}): PlanSections {
  return {
    ...planTemplate({ title: "Plan", period: "2027-Q1", currency: "USD" }),
    revenueGoals: [{ ...blankRow("revenueGoals", GOAL), revenueTarget: 1_000_000, winRate: 0.25 }],
    campaigns: [{ ...blankRow("campaigns", CAMPAIGN), name: "Webinar series", channel: "webinar" }],
    glossary: [{ ...blankRow("glossary", TERM), term: "MQL" }],
    ...overrides,
  };
}

function docWith(content: PlanSections): Y.Doc {
  const doc = new Y.Doc();
  writePlanContent(doc, content);
  return doc;
}

describe("writePlanContent", () => {
  it("round-trips content through a doc", () => {
    const content = buildPlan();
    expect(projectSections(docWith(content))).toEqual(content);
  });

  it("restores content onto a live doc, keeping the Y.Map of rows that stay", () => {
    const doc = docWith(buildPlan());
    const campaigns = doc.getArray<Y.Map<unknown>>(SECTION.campaigns);
    const kept = campaigns.get(0);
    const added = blankRow("campaigns", "55555555-5555-4555-8555-555555555555");
    doc.transact(() => {
      kept.set("budget", 999);
      campaigns.push([rowMap("campaigns", added)]);
      doc.getArray(SECTION.glossary).delete(0, 1);
    });

    const before = buildPlan();
    writePlanContent(doc, before);
    expect(projectSections(doc)).toEqual(before);
    expect(campaigns.get(0)).toBe(kept);
    expect(campaigns.length).toBe(1);
  });

  it("inserts new rows between kept ones and follows a new order", () => {
    const ids = ["a", "b", "c", "d"].map(
      (x) => `${x.repeat(8)}-${x.repeat(4)}-4${x.repeat(3)}-8${x.repeat(3)}-${x.repeat(12)}`,
    );
    const rows = ids.map((id) => ({ ...blankRow("glossary", id), term: id.slice(0, 1) }));
    const doc = docWith(buildPlan({ glossary: [rows[0]!, rows[2]!] }));
    writePlanContent(doc, buildPlan({ glossary: [rows[0]!, rows[1]!, rows[2]!, rows[3]!] }));
    expect(projectSections(doc).glossary.map((row) => row.term)).toEqual(["a", "b", "c", "d"]);
    writePlanContent(doc, buildPlan({ glossary: [rows[3]!, rows[0]!] }));
    expect(projectSections(doc).glossary.map((row) => row.term)).toEqual(["d", "a"]);
  });

  it("writes nothing when the content is already there", () => {
    const doc = docWith(buildPlan());
    let updates = 0;
    doc.on("update", () => updates++);
    writePlanContent(doc, buildPlan());
    expect(updates).toBe(0);
  });

  it("stores numbers as numbers and empty cells as null", () => {
    const doc = docWith(buildPlan());
    const goal = doc.getArray<Y.Map<unknown>>(SECTION.revenueGoals).get(0);
    expect(goal.get("revenueTarget")).toBe(1_000_000);
    expect(goal.get("marketingSourcedShare")).toBeNull();
    expect(goal.has("marketingSourcedShare")).toBe(true);
  });
});
