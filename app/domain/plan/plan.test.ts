import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canonicalJson } from "./canonical-json";
import { CAMPAIGN_KEYS, SECTION } from "./layout";
import { projectPlan, type PlanContent } from "./project";
import { blankRow } from "./rows";
import { type PlanSections } from "./schemas";
import { copyPlanUpdate, newPlanUpdate, planTemplate } from "./template";
import { DUPLICATE_ID, MISSING_MARKET, validateProjection } from "./validate";
import { writePlanContent } from "./write";

const META = { title: "2027-Q1 joint plan", period: "2027-Q1", currency: "EUR" } as const;
const MARKET = "11111111-1111-4111-8111-111111111111";
const GOAL = "22222222-2222-4222-8222-222222222222";
const CAMPAIGN = "33333333-3333-4333-8333-333333333333";
const TERM = "44444444-4444-4444-8444-444444444444";

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** A filled-in plan: the template plus one row in every table. */
function buildPlan(overrides: Partial<PlanSections> = {}): PlanSections {
  return {
    ...planTemplate(META),
    targetMarkets: [
      { ...blankRow("targetMarkets", MARKET), segment: "Mid-market fintech", priority: "high" },
    ],
    revenueGoals: [
      {
        ...blankRow("revenueGoals", GOAL),
        targetMarketId: MARKET,
        period: "2027-Q1",
        revenueTarget: 1_000_000,
        pipelineTarget: 3_000_000,
        avgDealSize: 50_000,
        winRate: 0.25,
        mqlToSqlRate: 0.2,
      },
    ],
    campaigns: [
      {
        ...blankRow("campaigns", CAMPAIGN),
        name: "Webinar series",
        channel: "webinar",
        targetMarketId: MARKET,
        expectedMqls: 300,
      },
    ],
    glossary: [{ ...blankRow("glossary", TERM), term: "MQL", agreedDefinition: "Fits and engaged." }],
    ...overrides,
  };
}

function docWith(content: PlanSections): Y.Doc {
  const doc = new Y.Doc();
  writePlanContent(doc, content);
  return doc;
}

describe("newPlanUpdate", () => {
  const plan = projectPlan(docOf(newPlanUpdate(META)));

  it("creates a valid plan from the template", () => {
    expect(validateProjection(plan)).toEqual({ ok: true, issues: [] });
  });

  it("fills meta, empty tables and lead definitions", () => {
    expect(plan.meta).toEqual(META);
    expect([plan.targetMarkets, plan.revenueGoals, plan.campaigns, plan.glossary]).toEqual([[], [], [], []]);
    expect(plan.leadDefinitions.slaHours).toBe(24);
    expect(plan.leadDefinitions.handoffFields).toEqual([
      "Company",
      "Contact",
      "Role",
      "Need",
      "Timeline",
      "Source campaign",
    ]);
    expect(plan.derived.funnel.markets).toEqual([]);
  });

  it("writes headings with hints into every rich-text section", () => {
    const headings = (doc: PlanContent["strategy"]) =>
      doc.content.filter((node) => node.type === "heading").map((node) => node.content?.[0]?.text);
    expect(headings(plan.strategy)).toEqual(["Positioning", "Products", "Pricing", "Channels"]);
    expect(headings(plan.leadDefinitions.sqlCriteria)).toEqual(["Budget", "Authority", "Need", "Timing"]);
    expect(headings(plan.leadDefinitions.mqlCriteria)).toEqual(["Fit", "Engagement"]);
    expect(plan.journey.content.length).toBeGreaterThan(6);
  });

  it("creates the nested lead-definition types, so clients never race to create them", () => {
    const map = docOf(newPlanUpdate(META)).getMap(SECTION.leadDefinitions);
    expect(map.get("mqlCriteria")).toBeInstanceOf(Y.XmlFragment);
    expect(map.get("sqlCriteria")).toBeInstanceOf(Y.XmlFragment);
    expect(map.get("handoffFields")).toBeInstanceOf(Y.Array);
  });

  it("normalises the period and refuses invalid meta", () => {
    expect(projectPlan(docOf(newPlanUpdate({ ...META, period: "2027-q2" }))).meta.period).toBe("2027-Q2");
    expect(() => newPlanUpdate({ ...META, period: "soon" })).toThrow(/period/);
    expect(() => newPlanUpdate({ ...META, currency: "XXX" })).toThrow(/currency/);
  });
});

describe("projectPlan", () => {
  it("projects rows and the derived funnel", () => {
    const plan = projectPlan(docWith(buildPlan()));
    expect(plan.revenueGoals[0]).toMatchObject({ id: GOAL, revenueTarget: 1_000_000, winRate: 0.25 });
    expect(plan.derived.funnel.markets[0]).toMatchObject({
      targetMarketId: MARKET,
      dealsNeeded: 20,
      sqlsNeeded: 80,
      mqlsNeeded: 400,
      expectedMqls: 300,
      gap: -100,
    });
    expect(validateProjection(plan)).toEqual({ ok: true, issues: [] });
  });

  it("is plain JSON: the same after a JSON round trip", () => {
    const plan = projectPlan(docWith(buildPlan()));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("projects a fresh empty doc without throwing, as an incomplete plan", () => {
    const plan = projectPlan(new Y.Doc());
    expect(plan.meta).toEqual({ title: "", period: "", currency: null });
    expect(plan.leadDefinitions).toMatchObject({ handoffFields: [], slaHours: null });
    expect(validateProjection(plan).issues.map((issue) => [issue.section, issue.key])).toEqual([
      ["meta", "title"],
      ["meta", "period"],
      ["meta", "currency"],
    ]);
  });

  it("projects the same content to the same canonical JSON, however it was written", () => {
    const one = docWith(buildPlan());
    const two = new Y.Doc();
    // Keys written in another order, by another client, in several transactions.
    const content = buildPlan();
    two.getMap(SECTION.meta).set("currency", "EUR");
    two.getMap(SECTION.meta).set("period", "2027-Q1");
    writePlanContent(two, content);
    expect(canonicalJson(projectPlan(two))).toBe(canonicalJson(projectPlan(one)));
  });
});

describe("projectPlan on a hostile doc", () => {
  function hostileDoc(): Y.Doc {
    const doc = new Y.Doc();
    const meta = doc.getMap<unknown>(SECTION.meta);
    meta.set("title", 42);
    meta.set("currency", "DOGE");
    meta.set("evil", "<script>");
    const campaigns = doc.getArray<unknown>(SECTION.campaigns);
    campaigns.push([
      "not a row",
      42,
      null,
      new Y.Map<unknown>([["name", "no id"]]),
      new Y.Map<unknown>([["id", "not-a-uuid"]]),
      new Y.Map<unknown>([
        ["id", CAMPAIGN],
        ["name", { toString: "x" }],
        ["budget", "5000"],
        ["expectedMqls", Number.POSITIVE_INFINITY],
        ["status", "exploded"],
        ["start", "yesterday"],
        ["targetMarketId", 7],
        ["__proto__", "polluted"],
        ["extra", "dropped"],
      ]),
      new Y.Map<unknown>([
        ["id", CAMPAIGN],
        ["name", "a second row with the same id"],
      ]),
      new Y.Array(),
    ]);
    // Sections of the wrong kind: an array where a map belongs, a map inside a fragment.
    doc.getArray<unknown>(SECTION.leadDefinitions).push([1, 2, 3]);
    doc.getArray<unknown>(SECTION.strategy).push(["text", new Y.Map()]);
    // A number cell written as a string, in a valid revenue goal row.
    doc.getArray<unknown>(SECTION.revenueGoals).push([
      new Y.Map<unknown>([
        ["id", GOAL],
        ["winRate", "25%"],
      ]),
    ]);
    // Target markets as a map instead of an array.
    doc.getMap<unknown>(SECTION.targetMarkets).set("x", 1);
    return doc;
  }

  it("never throws and keeps only what it can read", () => {
    const plan = projectPlan(hostileDoc());
    expect(plan.meta).toEqual({ title: "", period: "", currency: null });
    expect(plan.campaigns).toEqual([
      {
        id: CAMPAIGN,
        name: "",
        channel: null,
        targetMarketId: null,
        start: null,
        end: null,
        budget: null,
        expectedMqls: null,
        ownerId: null,
        status: null,
      },
    ]);
    expect(Object.keys(plan.campaigns[0] ?? {})).toEqual([...CAMPAIGN_KEYS]);
    expect(plan.revenueGoals[0]?.winRate).toBeNull();
    expect(plan.targetMarkets).toEqual([]);
    expect(plan.strategy).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(plan.leadDefinitions.handoffFields).toEqual([]);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("reads sections a remote peer wrote as the wrong types", () => {
    const peer = new Y.Doc();
    peer.getArray<unknown>(SECTION.strategy).push(["text", 1, { type: "paragraph" }, new Y.Map()]);
    peer.getMap<unknown>(SECTION.campaigns).set("0", new Y.Map([["id", CAMPAIGN]]));
    peer.getText(SECTION.glossary).insert(0, "hello");
    peer.getArray<unknown>(SECTION.leadDefinitions).push([new Y.XmlFragment()]);
    peer.getXmlFragment(SECTION.meta).insert(0, [new Y.XmlText("title?")]);
    const goals = peer.getArray<unknown>(SECTION.revenueGoals);
    goals.push([
      new Y.Map<unknown>([
        ["id", GOAL],
        ["revenueTarget", "1000000"],
        ["avgDealSize", new Y.Text("5")],
      ]),
    ]);

    const doc = docOf(Y.encodeStateAsUpdate(peer));
    const plan = projectPlan(doc);
    expect(plan.strategy).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(plan.campaigns).toEqual([]);
    expect(plan.glossary).toEqual([]);
    expect(plan.meta).toEqual({ title: "", period: "", currency: null });
    expect(plan.leadDefinitions.slaHours).toBeNull();
    expect(plan.revenueGoals).toEqual([{ ...blankRow("revenueGoals", GOAL) }]);
    expect(validateProjection(plan).ok).toBe(false);
  });

  it("leaves sections whose name this doc defined as another type empty", () => {
    const doc = new Y.Doc();
    doc.getText(SECTION.strategy).insert(0, "I am text, not a fragment");
    doc.getMap(SECTION.glossary).set("a", 1);
    const plan = projectPlan(doc);
    expect(plan.strategy).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(plan.glossary).toEqual([]);
  });

  it("gives validation issues that point at the cells, instead of throwing", () => {
    const result = validateProjection(projectPlan(hostileDoc()));
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        section: "campaigns",
        rowId: CAMPAIGN,
        key: "name",
        message: "Name the campaign.",
      }),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        section: "meta",
        rowId: null,
        key: "currency",
        message: "Choose a currency.",
      }),
    );
  });
});

describe("validateProjection", () => {
  it("points at an end date before the start date", () => {
    const plan = buildPlan();
    plan.campaigns = [{ ...plan.campaigns[0]!, start: "2027-03-01", end: "2027-02-01" }];
    expect(validateProjection(plan).issues).toEqual([
      {
        section: "campaigns",
        rowId: CAMPAIGN,
        key: "end",
        path: ["campaigns", 0, "end"],
        message: "The end date is before the start date.",
      },
    ]);
  });

  it("finds references to a target market that is gone, and repeated ids", () => {
    const plan = buildPlan({ targetMarkets: [] });
    plan.glossary = [...plan.glossary, ...plan.glossary];
    const messages = validateProjection(plan).issues.map((issue) => [
      issue.section,
      issue.key,
      issue.message,
    ]);
    expect(messages).toEqual([
      ["revenueGoals", "targetMarketId", MISSING_MARKET],
      ["campaigns", "targetMarketId", MISSING_MARKET],
      ["glossary", "id", DUPLICATE_ID],
    ]);
  });

  it.each([null, 42, "plan", [], { meta: null }])("refuses %j without throwing", (value) => {
    const result = validateProjection(value);
    expect(result.ok).toBe(false);
    expect(result.issues.length).toBeGreaterThan(0);
  });
});

describe("copyPlanUpdate", () => {
  it("copies the content under new meta, rows keeping their ids", () => {
    const source = docWith(buildPlan());
    const nextMeta = { title: "2027-Q2 joint plan", period: "2027-Q2", currency: "EUR" };
    const copy = projectPlan(docOf(copyPlanUpdate(source, nextMeta)));
    const original = projectPlan(source);
    expect(copy.meta).toEqual(nextMeta);
    expect({ ...copy, meta: null }).toEqual({ ...original, meta: null });
  });

  it("carries no history and no client ids of the source", () => {
    const source = docWith(buildPlan());
    source.getArray(SECTION.glossary).delete(0, 1);
    const copy = docOf(copyPlanUpdate(source, META));
    const clients = [...Y.decodeStateVector(Y.encodeStateVector(copy)).keys()];
    expect(clients).not.toContain(source.clientID);
    expect(clients).toHaveLength(1);
    expect(Y.snapshot(copy).ds.clients.size).toBe(0);
  });

  it("leaves the source untouched", () => {
    const source = docWith(buildPlan());
    const before = Y.encodeStateAsUpdate(source);
    copyPlanUpdate(source, { ...META, title: "Other" });
    expect(Y.encodeStateAsUpdate(source)).toEqual(before);
  });
});
