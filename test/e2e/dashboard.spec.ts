import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { accordUrl, createPlanViaApi, expect, openAs, test } from "./fixtures";

/**
 * The dashboard in a real browser: charts drawn by recharts from actuals
 * posted through the API (one pair of bars per market, the actual and the
 * target line), the plan's figures and each market's pacing; the empty
 * state of a plan without actuals; and a read-only share link that a
 * browser without a session opens, until the owner revokes it.
 *
 * The plan is a copy of the demo plan (three markets, one revenue goal
 * each) in 2026-Q1, a quarter that is over whatever day the test runs, so
 * pacing compares against the whole period.
 */

test.describe.configure({ timeout: 120_000 });

interface PlanJson {
  content: {
    targetMarkets: Array<{ id: string; segment: string }>;
    revenueGoals: Array<{ targetMarketId: string | null; revenueTarget: number | null }>;
  };
}

/** The demo plan's id, as the owner sees it in the plans list. */
async function demoPlanId(page: Page): Promise<string> {
  const response = await page.request.get("/api/plans");
  const { plans } = (await response.json()) as { plans: Array<{ id: string; title: string }> };
  const demo = plans.find((p) => p.title === "FY27 Q1 joint plan");
  expect(demo, "the seeded demo plan").toBeDefined();
  return demo!.id;
}

/** A copy of the demo plan in a past quarter; its markets with their revenue targets. */
async function pastPlan(page: Page, title: string) {
  const created = await page.request.post("/api/plans", {
    data: { title, period: "2026-Q1", currency: "USD", copyFrom: await demoPlanId(page) },
  });
  expect(created.status()).toBe(201);
  const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
  const { content } = (await (await page.request.get(`/api/plans/${planId}`)).json()) as PlanJson;
  const markets = content.targetMarkets.map((m) => ({
    ...m,
    target: content.revenueGoals
      .filter((g) => g.targetMarketId === m.id)
      .reduce((sum, g) => sum + (g.revenueTarget ?? 0), 0),
  }));
  expect(markets.length).toBeGreaterThanOrEqual(3);
  for (const m of markets) expect(m.target, `${m.segment} has a revenue target`).toBeGreaterThan(0);
  return { planId, markets };
}

/** The share of its target each market wins: on track, at risk and off track, in that order. */
const SHARES = [1, 0.9, 0.5];

test("the dashboard draws its charts from the actuals and shows each market's pacing", async ({
  browser,
}) => {
  const owner = await openAs(browser, "owner");
  const { planId, markets } = await pastPlan(owner.page, `Dashboard ${randomUUID().slice(0, 8)}`);
  const rows = markets.map((m, i) => ({
    targetMarketId: m.id,
    month: "2026-02",
    revenueWon: Math.round(m.target * (SHARES[i] ?? 0.5)),
    dealsWon: 4,
    pipelineCreated: m.target,
    mqls: 200,
    sqls: 40,
    leadsFollowedUpInSla: 9,
    leadsHandedOff: 10,
  }));
  const posted = await owner.page.request.post(`/api/plans/${planId}/actuals`, { data: { rows } });
  expect(posted.status(), await posted.text()).toBe(200);
  const won = rows.reduce((sum, r) => sum + r.revenueWon, 0);
  const target = markets.reduce((sum, m) => sum + m.target, 0);
  const share = Math.round((won / target) * 1000) / 10;

  const page = owner.page;
  await page.goto(`/plans/${planId}`);
  await page
    .getByRole("navigation", { name: "Plan records" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard", exact: true })).toBeVisible();

  // The plan's figures.
  const revenue = page.locator(".kpi").filter({ hasText: "Revenue" }).first();
  await expect(revenue).toContainText(`of ${usd(target)} target`);
  await expect(revenue).toContainText(`${share}% to target`);
  await expect(page.locator(".kpi").filter({ hasText: "Pacing" })).toContainText(
    "100% of the period elapsed",
  );
  await expect(page.locator(".kpi").filter({ hasText: "Followed up within the SLA" })).toContainText("90%");

  // The bars: a target and an actual per market.
  const bars = page.getByRole("figure", { name: "Revenue by market" });
  await expect(bars.locator(".recharts-bar-rectangle")).toHaveCount(markets.length * 2);
  await expect(bars.locator(".recharts-legend-item")).toHaveText(["Target", "Revenue won"]);
  // The lines: the target line and the revenue won to date, a point per month of the period.
  const lines = page.getByRole("figure", { name: "Revenue against the target line" });
  await expect(lines.locator("path.recharts-line-curve")).toHaveCount(2);
  await expect(lines.locator(".recharts-line-dot, .recharts-dot")).toHaveCount(3);
  await lines.getByText("The numbers as a table").click();
  await expect(lines.getByRole("row", { name: /Mar 2026/ })).toContainText(usd(won));

  // Each market's pacing, in the markets table.
  const table = page.getByRole("region", { name: "Markets" });
  const expected = ["On track", "At risk", "Off track"];
  for (const [i, market] of markets.slice(0, 3).entries()) {
    await expect(table.getByRole("row", { name: new RegExp(market.segment) })).toContainText(expected[i]!);
  }
});

test("the demo's running quarter opens with charts drawn from its seeded actuals", async ({ browser }) => {
  const vic = await openAs(browser, "vic");
  const response = await vic.page.request.get("/api/plans");
  const { plans } = (await response.json()) as { plans: Array<{ id: string; title: string }> };
  const running = plans.find((p) => p.title === "FY26 Q4 joint plan");
  expect(running, "the seeded running quarter").toBeDefined();

  await vic.page.goto(`/plans/${running!.id}/dashboard`);
  await expect(vic.page.getByRole("heading", { level: 1, name: "Dashboard", exact: true })).toBeVisible();
  await expect(vic.page.getByText("No actuals yet")).toHaveCount(0);
  const bars = vic.page.getByRole("figure", { name: "Revenue by market" });
  await expect(bars.locator(".recharts-bar-rectangle")).toHaveCount(6);
  const lines = vic.page.getByRole("figure", { name: "Revenue against the target line" });
  await expect(lines.locator("path.recharts-line-curve")).toHaveCount(2);
  const table = vic.page.getByRole("region", { name: "Markets" });
  for (const market of ["Mid-market retail", "Enterprise logistics", "SMB e-commerce"]) {
    await expect(table.getByRole("row", { name: new RegExp(market) })).toContainText(
      /On track|At risk|Off track|Not started/,
    );
  }
  // A viewer reads the numbers; entering them is for owners and editors.
  await expect(vic.page.getByRole("link", { name: "Actuals" })).toHaveCount(0);
});

test("a plan without actuals shows the empty state and where to enter them", async ({ browser }) => {
  const owner = await openAs(browser, "owner");
  const planId = await createPlanViaApi(owner.page, {
    title: `Empty ${randomUUID().slice(0, 8)}`,
    period: "2027-Q2",
  });
  await owner.page.goto(`/plans/${planId}/dashboard`);
  await expect(owner.page.getByRole("heading", { name: "No actuals yet" })).toBeVisible();
  await expect(owner.page.getByRole("link", { name: "Enter actuals" })).toHaveAttribute(
    "href",
    `/plans/${planId}/actuals`,
  );
  await expect(owner.page.locator(".recharts-surface")).toHaveCount(0);

  // A viewer reads the same page, told who enters actuals.
  const vic = await openAs(browser, "vic");
  await vic.page.goto(`/plans/${planId}/dashboard`);
  await expect(vic.page.getByRole("heading", { name: "No actuals yet" })).toBeVisible();
  await expect(vic.page.getByRole("link", { name: "Enter actuals" })).toHaveCount(0);
  await expect(vic.page.getByText("Owners and editors of the plan's workspace enter them")).toBeVisible();
  await expect(vic.page.getByRole("region", { name: "Share read-only" })).toHaveCount(0);
});

test("actuals saved by someone else show on an open dashboard without a reload, also when saved as it opened", async ({
  browser,
}) => {
  const owner = await openAs(browser, "owner");
  const { planId, markets } = await pastPlan(owner.page, `Live ${randomUUID().slice(0, 8)}`);
  const market = markets[0]!;
  const save = async (month: string, revenueWon: number) => {
    const posted = await owner.page.request.post(`/api/plans/${planId}/actuals`, {
      data: {
        rows: [
          {
            targetMarketId: market.id,
            month,
            revenueWon,
            dealsWon: 2,
            pipelineCreated: 0,
            mqls: 10,
            sqls: 2,
            leadsFollowedUpInSla: 1,
            leadsHandedOff: 1,
          },
        ],
      },
    });
    expect(posted.status()).toBe(200);
  };

  const vic = await openAs(browser, "vic");
  // Vic's event stream is held back until the first save has landed: that
  // save falls between the page's load and its stream, so no event will
  // ever tell of it; the stream's `ready` has to.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await vic.page.route(
    (url) => url.pathname === "/api/events",
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await vic.page.goto(`/plans/${planId}/dashboard`);
  await expect(vic.page.getByText("No actuals yet")).toBeVisible();
  // Nothing below reloads Vic's page: the marker would be gone if it did.
  await vic.page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));

  await save("2026-01", market.target / 2);
  const streamOpen = vic.page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/events",
  );
  release();
  expect((await streamOpen).status()).toBe(200);
  const row = vic.page
    .getByRole("region", { name: "Markets" })
    .getByRole("row", { name: new RegExp(market.segment) });
  await expect(row).toContainText(usd(market.target / 2));
  await expect(vic.page.getByText("No actuals yet")).toHaveCount(0);

  // With the stream open, the next save arrives as an `actuals` event.
  await save("2026-02", market.target / 4);
  await expect(row).toContainText(usd((market.target * 3) / 4));
  expect(await vic.page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(
    true,
  );
});

test("a share link opens the dashboard without logging in, until the owner revokes it", async ({
  browser,
}) => {
  const owner = await openAs(browser, "owner");
  const title = `Shared ${randomUUID().slice(0, 8)}`;
  const { planId, markets } = await pastPlan(owner.page, title);
  const rows = markets.map((m) => ({
    targetMarketId: m.id,
    month: "2026-01",
    revenueWon: m.target / 4,
    dealsWon: 1,
    pipelineCreated: 0,
    mqls: 10,
    sqls: 2,
    leadsFollowedUpInSla: 1,
    leadsHandedOff: 1,
  }));
  expect((await owner.page.request.post(`/api/plans/${planId}/actuals`, { data: { rows } })).status()).toBe(
    200,
  );

  await owner.page.goto(`/plans/${planId}/dashboard`);
  const panel = owner.page.getByRole("region", { name: "Share read-only" });
  await panel.getByRole("button", { name: "Create a link" }).click();
  const field = panel.getByLabel("New read-only link");
  await expect(field).toHaveValue(new RegExp(`^${accordUrl()}/share/[A-Za-z0-9_-]{43}$`));
  const url = await field.inputValue();
  await expect(panel.getByRole("list", { name: "Working share links" }).getByRole("listitem")).toHaveCount(1);

  // Someone outside the workspace, with no session.
  const outsider = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await outsider.newPage();
    const first = await page.goto(url);
    expect(first?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.locator(".kpi").filter({ hasText: "Revenue" }).first()).toContainText("25% to target");
    await expect(
      page.getByRole("figure", { name: "Revenue by market" }).locator(".recharts-bar-rectangle"),
    ).toHaveCount(markets.length * 2);
    await expect(page.getByText("This plan has no approved version yet.")).toBeVisible();
    await expect(page.locator("input, textarea, [contenteditable]")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /plans|log in/i })).toHaveCount(0);

    // The owner revokes it; the outsider's next load is a 404.
    await panel.getByRole("button", { name: /^Revoke the link/ }).click();
    await owner.page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
    await expect(panel.getByText("The link was revoked")).toBeVisible();
    await expect(panel.getByText("No working links.")).toBeVisible();

    const again = await page.reload();
    expect(again?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
  } finally {
    await outsider.close();
  }
});

function usd(amount: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
