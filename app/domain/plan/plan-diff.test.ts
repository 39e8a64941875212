import { describe, expect, it } from "vitest";
import { diffPlans, richPlainText } from "./plan-diff";
import type { RichDoc } from "./rich-text";
import type { PlanSections } from "./schemas";
import { blankRow } from "./rows";
import { planTemplate } from "./template";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]): RichDoc => ({ type: "doc", content: texts.map(paragraph) });

function base(): PlanSections {
  const plan = planTemplate({ title: "2027-Q1 joint plan", period: "2027-Q1", currency: "EUR" });
  return structuredClone({
    ...plan,
    strategy: doc("We lead with data.", "Pricing stays flat."),
    targetMarkets: [
      { ...blankRow("targetMarkets"), segment: "Retail" },
      { ...blankRow("targetMarkets"), segment: "Logistics" },
    ],
    glossary: [
      { ...blankRow("glossary"), term: "MQL" },
      { ...blankRow("glossary"), term: "SQL" },
    ],
  });
}

describe("diffPlans", () => {
  it("finds no difference between a plan and its copy", () => {
    const plan = base();
    expect(diffPlans(plan, structuredClone(plan))).toEqual([]);
  });

  it("reports rich text as words added and removed", () => {
    const before = base();
    const after = { ...base(), strategy: doc("We lead with analytics.", "Pricing stays flat.") };
    const [change] = diffPlans(before, after);
    expect(change).toMatchObject({ kind: "text", field: "strategy", added: 1, removed: 1 });
  });

  it("reports rows added, removed and cells changed, matched by id, ignoring order", () => {
    const before = base();
    const after = structuredClone(before);
    const [first, second] = after.targetMarkets as [
      PlanSections["targetMarkets"][number],
      PlanSections["targetMarkets"][number],
    ];
    after.targetMarkets = [second, { ...first, segment: "Retail chains" }];
    after.glossary = after.glossary.slice(1);
    const added = { ...after.glossary[0]!, id: crypto.randomUUID(), term: "Pipeline" };
    after.glossary.push(added);
    const diffs = diffPlans(before, after);
    const markets = diffs.find((d) => d.kind === "table" && d.section === "targetMarkets");
    expect(markets).toMatchObject({
      added: [],
      removed: [],
      changed: [{ id: first.id, cells: [{ key: "segment", label: "Segment", after: "Retail chains" }] }],
    });
    const glossary = diffs.find((d) => d.kind === "table" && d.section === "glossary");
    expect(glossary).toMatchObject({ added: [added], removed: [before.glossary[0]] });
  });

  it("reports the title and the SLA as changed fields", () => {
    const before = base();
    const after = structuredClone(before);
    after.meta.title = "2027-Q1 plan, final";
    after.leadDefinitions.slaHours = 12;
    expect(diffPlans(before, after).map((d) => d.kind === "fields" && d.cells.map((c) => c.key))).toEqual([
      ["title"],
      ["slaHours"],
    ]);
  });

  it("reads rich text as lines of plain text", () => {
    expect(
      richPlainText({
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Why" }] },
          {
            type: "bulletList",
            content: [{ type: "listItem", content: [paragraph("one"), paragraph("two")] }],
          },
        ],
      }),
    ).toBe("Why\none\ntwo");
  });
});
