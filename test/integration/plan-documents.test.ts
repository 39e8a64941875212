import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { loadDocument } from "../../db/queries/documents";
import { DEMO_PASSWORD } from "../../db/seed";
import {
  blankRow,
  projectPlan,
  projectSections,
  rowMap,
  SECTION,
  validateProjection,
} from "../../app/domain/plan";
import { eventually, openPeer } from "../support/collab";
import { TestClient } from "../support/client";
import { createWorkspaceWithOwner } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/** What a plan's document holds from the moment it is created: the template, a copy, or the demo. */

let accord: TestServer;
let maya: TestClient;

/** The stored document of a plan, as a server loading it would see it. */
async function storedDoc(planId: string): Promise<Y.Doc> {
  const stored = await loadDocument(accord.sql, planId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  return doc;
}

async function planIdByTitle(title: string): Promise<string> {
  const [row] = await accord.sql<{ id: string }[]>`select id from plans where title = ${title}`;
  if (!row) throw new Error(`no plan titled ${title}`);
  return row.id;
}

async function createThroughForm(fields: Record<string, string>): Promise<Response> {
  return maya.postForm("/plans/new", { currency: "EUR", ...fields });
}

beforeAll(async () => {
  accord = await startTestServer({ seedDemo: true });
  maya = new TestClient(accord.url);
  await maya.login("maya@northwind.test", DEMO_PASSWORD);
});

afterAll(async () => {
  await accord?.close();
});

describe("a new plan", () => {
  test("starts from the template, with its meta, hints and the nested lead-definition types", async () => {
    const response = await createThroughForm({ title: "Template plan", period: "2027-Q2" });
    expect(response.status).toBe(302);
    const planId = await planIdByTitle("Template plan");
    expect(response.headers.get("location")).toBe(`/plans/${planId}`);

    const doc = await storedDoc(planId);
    const content = projectPlan(doc);
    expect(content.meta).toEqual({ title: "Template plan", period: "2027-Q2", currency: "EUR" });
    expect(JSON.stringify(content.strategy)).toContain("Positioning");
    expect(JSON.stringify(content.leadDefinitions.sqlCriteria)).toContain("Authority");
    expect(content.targetMarkets).toEqual([]);
    const lead = doc.getMap(SECTION.leadDefinitions);
    expect(lead.get("mqlCriteria")).toBeInstanceOf(Y.XmlFragment);
    expect(lead.get("handoffFields")).toBeInstanceOf(Y.Array);
    expect(validateProjection(content).ok).toBe(true);
  });

  test("can start as a copy of another plan, which stays untouched", async () => {
    const sourceId = await planIdByTitle("FY27 Q1 joint plan");
    const before = await accord.sql`select seq from doc_updates where plan_id = ${sourceId} order by seq`;

    const response = await createThroughForm({
      title: "FY27 Q2 joint plan",
      period: "2027-Q2",
      copyFrom: sourceId,
    });
    expect(response.status).toBe(302);
    const copyId = await planIdByTitle("FY27 Q2 joint plan");

    const source = projectSections(await storedDoc(sourceId));
    const copy = projectSections(await storedDoc(copyId));
    expect(copy.meta).toEqual({ title: "FY27 Q2 joint plan", period: "2027-Q2", currency: "EUR" });
    expect({ ...copy, meta: null }).toEqual({ ...source, meta: null });
    expect(copy.campaigns.length).toBeGreaterThan(0);

    const after = await accord.sql`select seq from doc_updates where plan_id = ${sourceId} order by seq`;
    expect(after).toEqual(before);
    const [audit] = await accord.sql<{ detail: { copiedFrom?: string } }[]>`
      select detail from audit_log where plan_id = ${copyId} and action = 'plan.created'`;
    expect(audit?.detail.copiedFrom).toBe(sourceId);
  });

  test("cannot copy a plan of another workspace, and nothing is created", async () => {
    const { workspace, owner } = await createWorkspaceWithOwner(accord.sql);
    const [foreign] = await accord.sql<{ id: string }[]>`
      insert into plans (workspace_id, title, period, created_by)
      values (${workspace.id}, 'Secret plan', '2027-Q1', ${owner.user.id}) returning id`;
    const count = async () => (await accord.sql`select id from plans`).length;
    const plansBefore = await count();

    const response = await createThroughForm({
      title: "Stolen copy",
      period: "2027-Q2",
      copyFrom: foreign!.id,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose a plan of this workspace to copy.");
    expect(await count()).toBe(plansBefore);
  });

  test("refuses a malformed copy source with a field message", async () => {
    const response = await createThroughForm({ title: "Odd copy", period: "2027-Q2", copyFrom: "not-an-id" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose a plan of this workspace to copy.");
  });

  test("through the JSON API also gets the template", async () => {
    const response = await maya.postJson("/api/plans", { title: "API plan", period: "2027-Q3" });
    expect(response.status).toBe(201);
    const { plan } = (await response.json()) as { plan: { id: string } };
    expect(projectPlan(await storedDoc(plan.id)).meta.title).toBe("API plan");
  });
});

describe("GET /api/plans/:id", () => {
  test("returns the projection of the stored document, live edits included", async () => {
    const demoId = await planIdByTitle("FY27 Q1 joint plan");
    await createThroughForm({ title: "API view plan", period: "2027-Q3", copyFrom: demoId });
    const planId = await planIdByTitle("API view plan");
    const get = async () =>
      (await (await maya.get(`/api/plans/${planId}`)).json()) as { content: ReturnType<typeof projectPlan> };
    const { content } = await get();
    expect(content.targetMarkets).toHaveLength(3);
    expect(content.derived.funnel.markets).toHaveLength(3);
    expect(validateProjection(content).ok).toBe(true);

    const peer = openPeer(accord.url, planId, { client: maya });
    try {
      await peer.synced;
      peer.doc.getArray<Y.Map<unknown>>(SECTION.glossary).push([rowMap("glossary", blankRow("glossary"))]);
      await eventually(async () => expect((await get()).content.glossary).toHaveLength(5));
    } finally {
      peer.destroy();
    }
  });
});

describe("the demo plan", () => {
  test("is a valid, filled-in plan whose funnel shows the gaps to discuss", async () => {
    const content = projectPlan(await storedDoc(await planIdByTitle("FY27 Q1 joint plan")));
    expect(validateProjection(content)).toEqual({ ok: true, issues: [] });
    expect(content.targetMarkets.map((m) => m.segment)).toEqual([
      "Mid-market retail",
      "Enterprise logistics",
      "SMB e-commerce",
    ]);
    const gaps = Object.fromEntries(
      content.derived.funnel.markets.map((m) => [
        content.targetMarkets.find((t) => t.id === m.targetMarketId)!.segment,
        { needed: m.mqlsNeeded, expected: m.expectedMqls, gap: m.gap },
      ]),
    );
    expect(gaps).toEqual({
      "Mid-market retail": { needed: 500, expected: 490, gap: -10 },
      "Enterprise logistics": { needed: 200, expected: 150, gap: -50 },
      // 50 deals → 167 SQLs (rounded up: whole people) → 1,670 MQLs.
      "SMB e-commerce": { needed: 1670, expected: 1800, gap: 130 },
    });
  });
});
