import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ImportLineSchema,
  type ActualsRow,
  type CampaignSpendRow,
  type ImportLine,
  type PlanActuals,
} from "../../app/domain/actuals";
import type { Dashboard } from "../../app/domain/metrics";
import { blankRow } from "../../app/domain/plan";
import { quarterGoal, storePlanRows } from "../support/collab";
import { loginAs, type TestClient } from "../support/client";
import { openEventStream, type SseEvent } from "../support/event-stream";
import { createMember, createWorkspaceWithOwner } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";
import { createPlan, expectJson, signoffWorld, type ErrorJson, type SignoffWorld } from "../support/signoff";

/**
 * Actuals (DESIGN.md section 6) stored and served: JSON posts and reads, the
 * CSV import (every bad-row kind refused with nothing written, a 50,000-row
 * file written whole, its progress streamed while other requests are
 * served), the templates, the metrics computed from stored actuals, and
 * who may read and write them.
 */

let accord: TestServer;
let world: SignoffWorld;
let commenter: TestClient;

interface Seeded {
  planId: string;
  markets: Array<{ id: string; segment: string }>;
  campaigns: Array<{ id: string; name: string }>;
}

/**
 * A plan (2027-Q1) made through the API, its markets, a revenue goal for the
 * first and campaigns written into its stored document as one Yjs update,
 * the way the persistence layer stores an editor's change.
 */
async function seededPlan(marketCount = 2, campaignCount = 2): Promise<Seeded> {
  const planId = await createPlan(world.editor.client);
  const markets = Array.from({ length: marketCount }, (_, i) => ({
    ...blankRow("targetMarkets"),
    segment: `Market ${i}`,
  }));
  const campaigns = Array.from({ length: campaignCount }, (_, i) => ({
    ...blankRow("campaigns"),
    name: `Campaign ${i}`,
    targetMarketId: markets[0]?.id ?? null,
    budget: 9_000,
    expectedMqls: 100,
  }));
  const goal = quarterGoal(markets[0]?.id ?? null);
  await storePlanRows(accord.sql, planId, { targetMarkets: markets, campaigns, revenueGoals: [goal] });
  return { planId, markets, campaigns };
}

function row(targetMarketId: string, month: string, overrides: Partial<ActualsRow> = {}): ActualsRow {
  return {
    targetMarketId,
    month,
    revenueWon: 30_000.5,
    dealsWon: 2,
    pipelineCreated: 90_000,
    mqls: 50,
    sqls: 10,
    leadsFollowedUpInSla: 8,
    leadsHandedOff: 10,
    ...overrides,
  };
}

async function counts(planId: string): Promise<{ rows: number; spend: number }> {
  const [found] = await accord.sql<{ rows: number; spend: number }[]>`
    select (select count(*)::int from plan_actuals where plan_id = ${planId}) as rows,
           (select count(*)::int from campaign_spend where plan_id = ${planId}) as spend`;
  return found!;
}

function postCsv(client: TestClient, planId: string, text: string, type = "text/csv"): Promise<Response> {
  return client.request(`/api/plans/${planId}/actuals.csv`, {
    method: "POST",
    headers: { "Content-Type": type },
    body: text,
  });
}

/** The same import asking for its progress as NDJSON. */
function postCsvWithProgress(client: TestClient, planId: string, text: string): Promise<Response> {
  return client.request(`/api/plans/${planId}/actuals.csv`, {
    method: "POST",
    headers: { "Content-Type": "text/csv", Accept: "application/x-ndjson" },
    body: text,
  });
}

/** The NDJSON lines of a response as they arrive, each checked against the documented schema. */
async function* importLines(response: Response): AsyncGenerator<ImportLine> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) yield ImportLineSchema.parse(JSON.parse(line));
    if (done) break;
  }
  expect(buffered).toBe("");
}

/** 50,000 good market months over 16,667 markets named `Market n`. */
function largeFile(): string {
  const months = ["2027-01", "2027-02", "2027-03"];
  const lines = [HEADER];
  for (let i = 0; i < 50_000; i += 1) {
    lines.push(
      `${months[i % 3]},Market ${Math.floor(i / 3)},${i}.5,${i % 7},${i * 2},${i % 50},${i % 20},${i % 5},${(i % 5) + 1}`,
    );
  }
  return lines.join("\r\n");
}

/** The progress lines of one phase, in order. */
const progressOf = (lines: ImportLine[], phase: "checking" | "saving") =>
  lines.flatMap((line) => (line.type === "progress" && line.phase === phase ? [line] : []));

const readActuals = async (client: TestClient, planId: string) =>
  expectJson<PlanActuals>(await client.get(`/api/plans/${planId}/actuals`), 200);

const HEADER = "month,market,revenue_won,deals_won,pipeline_created,mqls,sqls,followed_up_in_sla,handed_off";

beforeAll(async () => {
  accord = await startTestServer();
  world = await signoffWorld(accord);
  commenter = await loginAs(
    accord,
    await createMember(accord.sql, { workspaceId: world.workspace.id, role: "commenter" }),
  );
});

afterAll(async () => {
  await accord?.close();
});

describe("the JSON API", () => {
  test("an editor posts market months and campaign spend, reads them back, and a second post overwrites", async () => {
    const { planId, markets, campaigns } = await seededPlan();
    const [a, b] = markets as [Seeded["markets"][0], Seeded["markets"][0]];
    const spend: CampaignSpendRow[] = [
      { campaignId: campaigns[0]!.id, month: "2027-02", spend: 1500.25, mqls: 30 },
    ];
    const posted = await world.editor.client.postJson(`/api/plans/${planId}/actuals`, {
      rows: [row(a.id, "2027-01"), row(b.id, "2027-01", { revenueWon: 0 })],
      spend,
    });
    expect(await expectJson(posted, 200)).toEqual({ saved: { rows: 2, spend: 1 } });

    const read = await readActuals(world.viewer.client, planId);
    expect(read.rows).toHaveLength(2);
    expect(read.rows).toContainEqual(row(a.id, "2027-01"));
    expect(read.rows).toContainEqual(row(b.id, "2027-01", { revenueWon: 0 }));
    expect(read.spend).toEqual(spend);

    await expectJson(
      await world.owner.client.postJson(`/api/plans/${planId}/actuals`, {
        rows: [row(a.id, "2027-01", { revenueWon: 12.75, dealsWon: 1 })],
      }),
      200,
    );
    const again = await readActuals(world.editor.client, planId);
    expect(again.rows).toContainEqual(row(a.id, "2027-01", { revenueWon: 12.75, dealsWon: 1 }));
    expect(again.rows).toHaveLength(2);
    const [stored] = await accord.sql<{ updatedBy: string }[]>`
      select updated_by as "updatedBy" from plan_actuals
      where plan_id = ${planId} and target_market_id = ${a.id}`;
    expect(stored!.updatedBy).toBe(world.owner.id);
  });

  test("bad rows answer 400 with the row and field, and nothing of the post is written", async () => {
    const { planId, markets, campaigns } = await seededPlan();
    const a = markets[0]!.id;
    const good = row(a, "2027-01");
    const cases: Array<[unknown, string]> = [
      [{ rows: [good, row(crypto.randomUUID(), "2027-02")] }, "rows.1.targetMarketId"],
      [{ rows: [good, row(a, "2027-04")] }, "rows.1.month"],
      [{ rows: [good, row(a, "2027-01")] }, "rows.1.month"],
      [{ rows: [good, { ...row(a, "2027-02"), revenueWon: "lots" }] }, "rows.1.revenueWon"],
      [{ rows: [good, row(a, "2027-02", { dealsWon: -1 })] }, "rows.1.dealsWon"],
      [{ rows: [good, row(a, "2027-02", { leadsFollowedUpInSla: 11 })] }, "rows.1.leadsFollowedUpInSla"],
      [
        { rows: [good], spend: [{ campaignId: crypto.randomUUID(), month: "2027-01", spend: 1, mqls: 1 }] },
        "spend.0.campaignId",
      ],
      [
        { rows: [good], spend: [{ campaignId: campaigns[0]!.id, month: "2027-1", spend: 1, mqls: 1 }] },
        "spend.0.month",
      ],
    ];
    for (const [body, field] of cases) {
      const refused = await expectJson<ErrorJson>(
        await world.editor.client.postJson(`/api/plans/${planId}/actuals`, body),
        400,
      );
      expect(refused.error).toBe("invalid_input");
      expect(Object.keys(refused.fieldErrors ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });
  });
});

describe("the CSV import", () => {
  test("imports a file of either kind and offers each template", async () => {
    const { planId, markets, campaigns } = await seededPlan();
    const imported = await postCsv(
      world.editor.client,
      planId,
      `${HEADER}\r\n2027-01,market 0,1000.50,2,5000,40,12,10,12\r\n2027-02,"${markets[1]!.id}",0,0,0,0,0,0,0\r\n`,
    );
    expect(await expectJson(imported, 200)).toEqual({ imported: 2, kind: "actuals" });
    const spend = await postCsv(
      world.editor.client,
      planId,
      "month,campaign,spend,mqls\n2027-03,CAMPAIGN 1,250.5,5\n",
      "text/csv; charset=utf-8",
    );
    expect(await expectJson(spend, 200)).toEqual({ imported: 1, kind: "spend" });
    const read = await readActuals(world.editor.client, planId);
    expect(read.rows).toContainEqual(
      row(markets[0]!.id, "2027-01", {
        revenueWon: 1000.5,
        dealsWon: 2,
        pipelineCreated: 5000,
        mqls: 40,
        sqls: 12,
        leadsFollowedUpInSla: 10,
        leadsHandedOff: 12,
      }),
    );
    expect(read.spend).toEqual([{ campaignId: campaigns[1]!.id, month: "2027-03", spend: 250.5, mqls: 5 }]);

    const template = await world.viewer.client.get(`/api/plans/${planId}/actuals.csv?kind=actuals`);
    expect(template.status).toBe(200);
    expect(template.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(template.headers.get("content-disposition")).toMatch(
      /^attachment; filename="actuals-template.csv"/,
    );
    expect(await template.text()).toBe(
      `${HEADER}\r\n2027-01,Market 0,0,0,0,0,0,0,0\r\n2027-02,Market 0,0,0,0,0,0,0,0\r\n2027-03,Market 0,0,0,0,0,0,0,0\r\n`,
    );
    const spendTemplate = await world.viewer.client.get(`/api/plans/${planId}/actuals.csv?kind=spend`);
    expect(await spendTemplate.text()).toMatch(/^month,campaign,spend,mqls\r\n2027-01,Campaign 0,0,0\r\n/);
    // The template imports as it is.
    expect(
      await expectJson(
        await postCsv(
          world.editor.client,
          planId,
          await (await world.editor.client.get(`/api/plans/${planId}/actuals.csv`)).text(),
        ),
        200,
      ),
    ).toEqual({ imported: 3, kind: "actuals" });
    expect((await world.editor.client.get(`/api/plans/${planId}/actuals.csv?kind=other`)).status).toBe(400);
  });

  test("reports each kind of bad row with its line and column, and writes none of the file", async () => {
    const { planId } = await seededPlan();
    const file = [
      HEADER,
      "2027-01,Market 0,100,1,100,1,1,1,1",
      "2027-01,Nowhere,100,1,100,1,1,1,1",
      "2027-02,Market 0,lots,1,100,1,1,1,1",
      "2027-02,Market 1,100,-1,100,1,1,1,1",
      "2027-06,Market 1,100,1,100,1,1,1,1",
      "2027-01,market 0,100,1,100,1,1,1,1",
      "2027-03,Market 1,100,1,100,1,1,2,1",
      "2027-03,Market 0,100,1",
    ].join("\n");
    const refused = await expectJson<{
      error: string;
      message: string;
      rowErrors: Array<{ line: number; column?: string; message: string }>;
    }>(await postCsv(world.editor.client, planId, file), 400);
    expect(refused.error).toBe("invalid_csv");
    expect(refused.message).toMatch(/nothing was imported/);
    const at = refused.rowErrors.map((e) => [e.line, e.column ?? null]);
    expect(at).toEqual([
      [3, "market"],
      [4, "revenue_won"],
      [5, "deals_won"],
      [6, "month"],
      [7, "market"],
      [8, "followed_up_in_sla"],
      [9, null],
    ]);
    expect(refused.rowErrors[0]!.message).toMatch(/Nowhere/);

    const wrongHeader = await expectJson<{ rowErrors: Array<{ line: number }> }>(
      await postCsv(world.editor.client, planId, "month,region,revenue\n2027-01,x,1\n"),
      400,
    );
    expect(wrongHeader.rowErrors[0]!.line).toBe(1);
    const badSpend = await expectJson<{ rowErrors: Array<{ line: number; column?: string }> }>(
      await postCsv(
        world.editor.client,
        planId,
        "month,campaign,spend,mqls\n2027-01,Campaign 0,1,1\n2027-01,Unknown,1,1\n",
      ),
      400,
    );
    expect(badSpend.rowErrors).toMatchObject([{ line: 3, column: "campaign" }]);
    expect((await postCsv(world.editor.client, planId, "", "text/csv")).status).toBe(400);
    expect((await postCsv(world.editor.client, planId, `${HEADER}\n`, "text/plain")).status).toBe(400);
    const huge = `${HEADER}\n${"2027-01,Market 0,1,1,1,1,1,1,1\n".repeat(300_000)}`;
    expect((await postCsv(world.editor.client, planId, huge)).status).toBe(413);
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });
  });

  test("a 50,000-row file imports whole, in one transaction", async () => {
    const { planId, markets } = await seededPlan(16_667, 0);
    const text = largeFile();
    // One bad row at the very end: nothing of the 50,000 is written.
    const refused = await postCsv(world.editor.client, planId, `${text}\r\n2027-01,Market 0,1,1,1,1,1,1,1`);
    expect((await expectJson<{ rowErrors: unknown[] }>(refused, 400)).rowErrors).toHaveLength(1);
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });

    expect(await expectJson(await postCsv(world.editor.client, planId, text), 200)).toEqual({
      imported: 50_000,
      kind: "actuals",
    });
    expect(await counts(planId)).toEqual({ rows: 50_000, spend: 0 });
    const [last] = await accord.sql<{ revenue: number; deals: number }[]>`
      select revenue_won::float8 as revenue, deals_won as deals from plan_actuals
      where plan_id = ${planId} and target_market_id = ${markets[16_666]!.id} and month = '2027-02'`;
    expect(last).toEqual({ revenue: 49_999.5, deals: 49_999 % 7 });
    const [sum] = await accord.sql<{ total: number }[]>`
      select sum(revenue_won)::float8 as total from plan_actuals where plan_id = ${planId}`;
    expect(sum!.total).toBe(Array.from({ length: 50_000 }, (_, i) => i + 0.5).reduce((s, v) => s + v, 0));
  }, 60_000);
});

describe("the CSV import with progress (Accept: application/x-ndjson)", () => {
  test("a 50,000-row file streams checking and saving progress, then done, while other requests are served", async () => {
    const { planId } = await seededPlan(16_667, 0);
    const response = await postCsvWithProgress(world.editor.client, planId, largeFile());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);

    // What happened, in the order it happened: lines read, and another request of the same person.
    const events: string[] = [];
    const lines: ImportLine[] = [];
    let other: Promise<void> | null = null;
    for await (const line of importLines(response)) {
      lines.push(line);
      events.push(line.type);
      if (other === null && line.type === "progress") {
        other = world.editor.client.get("/api/me").then(async (me) => {
          expect(me.status).toBe(200);
          await me.json();
          events.push("me");
        });
      }
    }
    await other;
    // The request sent after the first progress line was answered before the import finished.
    expect(events.indexOf("me")).toBeGreaterThan(0);
    expect(events.indexOf("me")).toBeLessThan(events.indexOf("done"));

    expect(lines.at(-1)).toEqual({ type: "done", imported: 50_000, kind: "actuals" });
    expect(lines.filter((l) => l.type === "done" || l.type === "error")).toHaveLength(1);
    const checking = progressOf(lines, "checking");
    const saving = progressOf(lines, "saving");
    // Checked in more than one slice, then written batch by batch, each count going up.
    expect(checking.length).toBeGreaterThan(1);
    expect(saving.length).toBeGreaterThan(2);
    for (const phase of [checking, saving]) {
      for (let i = 1; i < phase.length; i += 1) expect(phase[i]!.done).toBeGreaterThan(phase[i - 1]!.done);
      expect(phase.at(-1)!.done).toBe(phase.at(-1)!.total);
    }
    expect(lines.indexOf(checking.at(-1)!)).toBeLessThan(lines.indexOf(saving[0]!));
    expect(saving.at(-1)).toMatchObject({ done: 50_000, total: 50_000 });
    expect(await counts(planId)).toEqual({ rows: 50_000, spend: 0 });
  }, 90_000);

  test("a bad file streams the 400's body as its error line and writes nothing", async () => {
    const { planId } = await seededPlan();
    const file = [
      HEADER,
      "2027-01,Market 0,100,1,100,1,1,1,1",
      "2027-01,Nowhere,100,1,100,1,1,1,1",
      "2027-02,Market 1,100,-1,100,1,1,1,1",
    ].join("\n");
    const plain = await expectJson<Record<string, unknown>>(
      await postCsv(world.editor.client, planId, file),
      400,
    );

    const response = await postCsvWithProgress(world.editor.client, planId, file);
    expect(response.status).toBe(200);
    const lines: ImportLine[] = [];
    for await (const line of importLines(response)) lines.push(line);
    expect(lines.at(-1)).toEqual({ type: "error", ...plain });
    expect(lines.at(-1)).toMatchObject({
      error: "invalid_csv",
      rowErrors: [
        { line: 3, column: "market" },
        { line: 4, column: "deals_won" },
      ],
    });
    expect(lines.some((l) => l.type === "done")).toBe(false);
    expect(progressOf(lines, "saving")).toEqual([]);
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });
  });

  test("refusals before the file is read keep their status: a viewer 403, a body that is not CSV 400", async () => {
    const { planId } = await seededPlan();
    const csv = `${HEADER}\n2027-01,Market 0,1,1,1,1,1,1,1\n`;
    const refused = await postCsvWithProgress(world.viewer.client, planId, csv);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden" });
    const notCsv = await world.editor.client.request(`/api/plans/${planId}/actuals.csv`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", Accept: "application/x-ndjson" },
      body: csv,
    });
    expect(notCsv.status).toBe(400);
    expect(await notCsv.json()).toMatchObject({ error: "invalid_csv" });
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });
  });
});

describe("the metrics", () => {
  test("answer with figures from the stored actuals", async () => {
    const { planId, markets, campaigns } = await seededPlan();
    const empty = await expectJson<{ metrics: Dashboard }>(
      await world.viewer.client.get(`/api/plans/${planId}/metrics?today=2027-02-14`),
      200,
    );
    expect(empty.metrics.plan.empty).toBe(true);
    expect(empty.metrics.plan.revenue).toMatchObject({ actual: 0, target: 90_000 });

    await expectJson(
      await world.editor.client.postJson(`/api/plans/${planId}/actuals`, {
        rows: [row(markets[0]!.id, "2027-01"), row(markets[0]!.id, "2027-02", { revenueWon: 15_000 })],
        spend: [{ campaignId: campaigns[0]!.id, month: "2027-01", spend: 3000, mqls: 20 }],
      }),
      200,
    );
    const { metrics } = await expectJson<{ metrics: Dashboard }>(
      await commenter.get(`/api/plans/${planId}/metrics?today=2027-02-14`),
      200,
    );
    expect(metrics.today).toBe("2027-02-14");
    expect(metrics.months).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(metrics.plan.empty).toBe(false);
    expect(metrics.plan.revenue.actual).toBe(45_000.5);
    expect(metrics.plan.revenue.toTarget.value).toBeCloseTo(45_000.5 / 90_000);
    expect(metrics.plan.dealsWon).toBe(4);
    const market = metrics.markets.find((m) => m.targetMarketId === markets[0]!.id)!;
    expect(market.name).toBe("Market 0");
    expect(market.revenue.actual).toBe(45_000.5);
    const campaign = metrics.campaigns.find((c) => c.campaignId === campaigns[0]!.id)!;
    expect(campaign).toMatchObject({ spend: 3000, mqls: 20, budget: 9000 });
    expect(campaign.costPerMql.value).toBe(150);

    const now = await expectJson<{ metrics: Dashboard }>(
      await commenter.get(`/api/plans/${planId}/metrics`),
      200,
    );
    expect(now.metrics.today).toBe(new Date().toISOString().slice(0, 10));
    const bad = await expectJson<ErrorJson>(
      await commenter.get(`/api/plans/${planId}/metrics?today=2027-02-30`),
      400,
    );
    expect(bad.fieldErrors?.today).toBeDefined();
  });
});

describe("who may read and write", () => {
  test("viewers and commenters read but may not write (403, nothing written); without a session 401", async () => {
    const { planId, markets } = await seededPlan();
    const csv = `${HEADER}\n2027-01,Market 0,1,1,1,1,1,1,1\n`;
    for (const client of [world.viewer.client, commenter]) {
      expect(
        (await client.postJson(`/api/plans/${planId}/actuals`, { rows: [row(markets[0]!.id, "2027-01")] }))
          .status,
      ).toBe(403);
      expect((await postCsv(client, planId, csv)).status).toBe(403);
      expect((await client.get(`/api/plans/${planId}/actuals`)).status).toBe(200);
      expect((await client.get(`/api/plans/${planId}/actuals.csv`)).status).toBe(200);
      expect((await client.get(`/api/plans/${planId}/metrics`)).status).toBe(200);
    }
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });

    const anonymous = await fetch(`${accord.url}/api/plans/${planId}/actuals`);
    expect(anonymous.status).toBe(401);
    for (const path of ["actuals", "actuals.csv", "metrics"]) {
      expect((await fetch(`${accord.url}/api/plans/${planId}/${path}`)).status).toBe(401);
    }
  });

  test("another workspace's owner gets 404 on every endpoint, as with a malformed id", async () => {
    const { planId, markets } = await seededPlan();
    const other = await createWorkspaceWithOwner(accord.sql);
    const stranger = await loginAs(accord, other.owner);
    const csv = `${HEADER}\n2027-01,Market 0,1,1,1,1,1,1,1\n`;
    for (const id of [planId, "not-a-plan"]) {
      const answers = [
        await stranger.get(`/api/plans/${id}/actuals`),
        await stranger.postJson(`/api/plans/${id}/actuals`, { rows: [row(markets[0]!.id, "2027-01")] }),
        await stranger.get(`/api/plans/${id}/actuals.csv`),
        await postCsv(stranger, id, csv),
        await stranger.get(`/api/plans/${id}/metrics`),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(await answer.json()).toMatchObject({ error: "not_found" });
      }
    }
    expect(await counts(planId)).toEqual({ rows: 0, spend: 0 });
  });
});

describe("live", () => {
  test("saved and imported actuals reach the plan's event streams; refused ones do not", async () => {
    const { planId, markets } = await seededPlan();
    const stream = await openEventStream(world.viewer.client, `/api/events?plan=${planId}`);
    try {
      expect((await stream.next((e) => e.event === "ready")).event).toBe("ready");
      const isActuals = (e: SseEvent) => e.event === "actuals";

      // Refused (a month outside the period), then saved: exactly one event, for the saved one.
      const refused = await world.editor.client.postJson(`/api/plans/${planId}/actuals`, {
        rows: [row(markets[0]!.id, "2026-12")],
      });
      expect(refused.status).toBe(400);
      const saved = await world.editor.client.postJson(`/api/plans/${planId}/actuals`, {
        rows: [row(markets[0]!.id, "2027-01")],
      });
      expect(saved.status).toBe(200);
      const first = await stream.next(isActuals);
      expect(JSON.parse(first.data)).toEqual({ planId });

      const imported = await postCsv(
        world.editor.client,
        planId,
        `${HEADER}\r\n2027-02,Market 0,1,1,1,1,1,1,1`,
      );
      expect(imported.status).toBe(200);
      await stream.next(isActuals);
      expect(stream.events.filter(isActuals)).toHaveLength(2);

      // Each counts once as a change of the plan, for pages that open after it.
      const planSeq = (e: SseEvent) => (JSON.parse(e.data) as { planSeq: number }).planSeq;
      const before = planSeq(stream.events.find((e) => e.event === "ready")!);
      const later = await openEventStream(world.viewer.client, `/api/events?plan=${planId}`);
      try {
        expect(planSeq(await later.next((e) => e.event === "ready"))).toBe(before + 2);
      } finally {
        later.close();
      }
    } finally {
      stream.close();
    }
  });
});
