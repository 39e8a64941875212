import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { blankRow } from "../../app/domain/plan";
import { storePlanRows } from "../support/collab";
import { loginAs, TestClient } from "../support/client";
import { createWorkspaceWithOwner } from "../support/factories";
import { textOf } from "../support/html";
import { startTestServer, type TestServer } from "../support/server";
import { createPlan, expectJson, signoffWorld, type SignoffWorld } from "../support/signoff";

/**
 * The dashboard page (/plans/:planId/dashboard): every member reads it,
 * owners and editors are pointed to the actuals, only owners get the share
 * panel, a figure without a value says why, and a plan of another
 * workspace is a 404. The plan's other pages link to it.
 */

let accord: TestServer;
let world: SignoffWorld;

/** A plan with one market whose revenue goal is $120,000, and a second market with no goal. */
async function plan(): Promise<{ planId: string; marketId: string }> {
  const planId = await createPlan(world.editor.client);
  const market = { ...blankRow("targetMarkets"), segment: "Benelux retail" };
  const bare = { ...blankRow("targetMarkets"), segment: "Iberia pilot" };
  const goal = {
    ...blankRow("revenueGoals"),
    targetMarketId: market.id,
    period: "2027-Q1",
    revenueTarget: 120_000,
    pipelineTarget: 360_000,
    avgDealSize: 20_000,
    winRate: 0.25,
    mqlToSqlRate: 0.25,
  };
  await storePlanRows(accord.sql, planId, { targetMarkets: [market, bare], revenueGoals: [goal] });
  return { planId, marketId: market.id };
}

async function page(client: TestClient, path: string, status = 200): Promise<string> {
  const response = await client.get(path);
  const html = await response.text();
  expect(response.status, textOf(html).slice(0, 300)).toBe(status);
  return html;
}

beforeAll(async () => {
  accord = await startTestServer();
  world = await signoffWorld(accord);
});

afterAll(async () => {
  await accord?.close();
});

describe("before any actuals", () => {
  test("editors are sent to enter them, viewers are told who does; the targets show", async () => {
    const { planId } = await plan();
    const editor = textOf(await page(world.editor.client, `/plans/${planId}/dashboard`));
    expect(editor).toContain("No actuals yet");
    expect(editor).toContain("Enter actuals");
    expect(editor).toContain("$120,000");
    expect(await page(world.editor.client, `/plans/${planId}/dashboard`)).toContain(
      `href="/plans/${planId}/actuals"`,
    );

    const viewerHtml = await page(world.viewer.client, `/plans/${planId}/dashboard`);
    const viewer = textOf(viewerHtml);
    expect(viewer).toContain("No actuals yet");
    expect(viewer).not.toContain("Enter actuals");
    expect(viewer).toContain("Owners and editors of the plan's workspace enter them");
    expect(viewerHtml).not.toContain(`/plans/${planId}/actuals`);
  });
});

describe("with actuals", () => {
  test("shows the figures against the targets, and says why where there is no figure", async () => {
    const { planId, marketId } = await plan();
    await expectJson(
      await world.editor.client.postJson(`/api/plans/${planId}/actuals`, {
        rows: [
          {
            targetMarketId: marketId,
            month: "2027-01",
            revenueWon: 30_000,
            dealsWon: 2,
            pipelineCreated: 90_000,
            mqls: 100,
            sqls: 20,
            leadsFollowedUpInSla: 6,
            leadsHandedOff: 8,
          },
        ],
      }),
      200,
    );
    // A row of a market since removed from the plan: left out, and said so.
    await accord.sql`
      insert into plan_actuals (plan_id, target_market_id, month, revenue_won, deals_won, pipeline_created,
                                mqls, sqls, followed_up_in_sla, handed_off)
      values (${planId}, ${randomUUID()}, '2027-01', 5, 1, 0, 0, 0, 0, 0)`;

    const html = await page(world.viewer.client, `/plans/${planId}/dashboard`);
    const text = textOf(html);
    expect(text).toContain("$30,000 of $120,000 target · 25% to target");
    expect(text).toContain("$90,000 of $360,000 target · 25% to target");
    // Average deal size $15,000 against $20,000 planned; MQL→SQL 20 % against 25 %; SLA 6 of 8.
    expect(text).toContain("$15,000 plan $20,000 · 75% of plan");
    expect(text).toContain("20% plan 25%");
    expect(text).toContain("75% of the leads handed off");
    expect(text).toContain("1 row of actuals is not counted");
    // The market without a goal: reasons, never NaN, Infinity or a bare dash.
    expect(text).toContain("Iberia pilot $0 of $0 · No target");
    expect(text).not.toMatch(/NaN|Infinity/);
    // Both charts are there, with their titles and their table alternative (drawn in the browser).
    expect(text).toContain("Revenue by market");
    expect(text).toContain("Revenue against the target line");
    expect(text).toContain("The numbers as a table");
    // Viewers get no share panel.
    expect(text).not.toContain("Share read-only");
  });
});

describe("access", () => {
  test("only owners get the share panel", async () => {
    const { planId } = await plan();
    expect(textOf(await page(world.owner.client, `/plans/${planId}/dashboard`))).toContain("Share read-only");
    for (const client of [world.editor.client, world.sales.client, world.viewer.client]) {
      expect(textOf(await page(client, `/plans/${planId}/dashboard`))).not.toContain("Share read-only");
    }
  });

  test("a plan of another workspace, or a malformed id, is a 404; no session goes to the login", async () => {
    const { planId } = await plan();
    const other = await createWorkspaceWithOwner(accord.sql);
    const stranger = await loginAs(accord, other.owner);
    const body = textOf(await page(stranger, `/plans/${planId}/dashboard`, 404));
    expect(body).toContain("There is no such plan, or you do not have access to it.");
    expect(body).not.toContain("Benelux retail");
    await page(stranger, "/plans/not-a-uuid/dashboard", 404);
    const response = await new TestClient(accord.url).get(`/plans/${planId}/dashboard`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  test("the plan's versions and audit pages link to it", async () => {
    const { planId } = await plan();
    for (const sub of ["versions", "audit"]) {
      expect(await page(world.viewer.client, `/plans/${planId}/${sub}`)).toContain(
        `href="/plans/${planId}/dashboard"`,
      );
    }
  });
});

describe("field feedback on the dashboard", () => {
  test("counts the plan's items by tag, open and all, and links to them", async () => {
    const { planId, marketId } = await plan();
    const empty = textOf(await page(world.viewer.client, `/plans/${planId}/dashboard`));
    expect(empty).toContain("No field feedback on this plan yet");

    const file = async (tags: string[]) => {
      const response = await world.viewer.client.postJson("/api/feedback", {
        account: "Benelux Foods",
        insight: "They compare us with a spreadsheet add-in.",
        tags,
        planId,
        targetMarketId: marketId,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { item: { id: string } }).item.id;
    };
    const pricing = await file(["pricing", "competitor"]);
    await file(["pricing"]);
    // Another plan's item does not count here.
    const other = await plan();
    await world.viewer.client.postJson("/api/feedback", {
      account: "Elsewhere",
      insight: "Not about this plan.",
      tags: ["objection"],
      planId: other.planId,
    });
    const marketing = world.owner.client;
    const done = await marketing.patchJson(`/api/feedback/${pricing}`, {
      status: "done",
      reply: "Price sheet updated.",
    });
    expect(done.status).toBe(200);

    const html = await page(world.viewer.client, `/plans/${planId}/dashboard`);
    const card = html.slice(html.indexOf('id="dashboard-feedback"'));
    const rows = [
      ...card.matchAll(
        /<tr><th scope="row">(.*?)<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g,
      ),
    ].map((m) => [textOf(m[1]!), Number(m[2]), Number(m[3])]);
    expect(rows).toEqual([
      ["Objection", 0, 0],
      ["Competitor", 0, 1],
      ["Pricing", 1, 2],
      ["Product gap", 0, 0],
      ["Content request", 0, 0],
    ]);
    expect(html).toContain(`href="/feedback?plan=${planId}&amp;tag=pricing"`);
  });
});
