import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, openAs, test } from "./fixtures";

/**
 * The actuals page in a real browser: an editor types a month into the
 * grid and saves it, a row saved by someone else shows in an open grid
 * (what was typed there stays typed), a viewer reads the same grid without inputs (also on a
 * phone, the grid scrolling in its own box), a CSV with a bad row is
 * refused in the preview before anything is sent, and a good one imports
 * with the server's progress to the end and shows up in the grid. Every
 * test works on its own copy of the demo plan (three target markets, six
 * campaigns, 2027-Q1), so the demo plan's actuals stay as other specs expect.
 */

test.describe.configure({ timeout: 90_000 });

const HEADER = "month,market,revenue_won,deals_won,pipeline_created,mqls,sqls,followed_up_in_sla,handed_off";

/** A copy of the demo plan made through the API as `page`'s user; its id. */
async function copyOfDemoPlan(page: Page): Promise<string> {
  const list = await page.request.get("/api/plans");
  const { plans } = (await list.json()) as { plans: Array<{ id: string; title: string }> };
  const demo = plans.find((p) => p.title === "FY27 Q1 joint plan");
  expect(demo, "the seeded demo plan").toBeDefined();
  const created = await page.request.post("/api/plans", {
    data: {
      title: `Actuals ${randomUUID().slice(0, 8)}`,
      period: "2027-Q1",
      currency: "USD",
      copyFrom: demo!.id,
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { plan: { id: string } }).plan.id;
}

async function openActuals(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${planId}/actuals`);
  await expect(page.getByRole("heading", { level: 1, name: "Actuals", exact: true })).toBeVisible();
}

const cell = (page: Page, column: string, market: string, month: string) =>
  page.getByRole("textbox", { name: `${column}, ${market}, ${month}`, exact: true });

/** Mid-market retail's January, as the first test types it and the second posts it. */
const RETAIL_JANUARY = {
  month: "2027-01",
  revenueWon: 125_000,
  dealsWon: 3,
  pipelineCreated: 400_000,
  mqls: 180,
  sqls: 40,
  leadsHandedOff: 38,
  leadsFollowedUpInSla: 35,
};

const status = (page: Page) => page.locator(".actuals-savebar").getByRole("status");

test("an editor enters a month in the grid, is told what is missing or wrong, saves, and a reload shows it", async ({
  browser,
}) => {
  const { page } = await openAs(browser, "maya");
  const planId = await copyOfDemoPlan(page);
  // The plan page links to its actuals beside its other records.
  await page.goto(`/plans/${planId}`);
  await page.getByRole("navigation", { name: "Plan records" }).getByRole("link", { name: "Actuals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Actuals", exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/actuals$`));

  const retail = (column: string, month = "2027-01") => cell(page, column, "Mid-market retail", month);
  // A month never entered is empty, not 0.
  await expect(retail("Revenue won")).toHaveValue("");
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  await retail("Revenue won").fill("125,000");
  // Enter moves down the column.
  await retail("Revenue won").press("Enter");
  await expect(retail("Revenue won", "2027-02")).toBeFocused();
  await retail("Deals won").fill("-3");
  await expect(retail("Deals won")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter 0 or more.")).toBeVisible();
  await expect(page.getByText("1 unsaved row")).toBeVisible();
  // Following a link with an unsaved row asks first; staying keeps what was typed.
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  const leave = page.getByRole("dialog", { name: "Leave with unsaved rows?" });
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Stay and save" }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/actuals$`));
  await expect(retail("Revenue won")).toHaveValue("125,000");

  await retail("Deals won").fill("3");
  await expect(retail("Deals won")).not.toHaveAttribute("aria-invalid", "true");
  for (const [column, value] of [
    ["Pipeline created", "400000"],
    ["MQLs", "180"],
    ["SQLs", "40"],
    ["Leads handed off", "38"],
  ] as const)
    await retail(column).fill(value);
  // Six of seven cells: the row is incomplete and Save says why nothing was saved.
  await expect(page.getByRole("rowheader", { name: /Mid-market retail 2027-01 Incomplete/ })).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(status(page)).toContainText("all of its cells are filled");

  await retail("Followed up within SLA").fill("41");
  await expect(page.getByText("More leads followed up within the SLA than were handed off.")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(status(page)).toContainText("Fix the marked cells first");
  await retail("Followed up within SLA").fill("35");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(status(page)).toHaveText("Saved 1 row.");
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  const stored = (await (await page.request.get(`/api/plans/${planId}/actuals`)).json()) as {
    rows: Array<Record<string, unknown>>;
  };
  expect(stored.rows).toEqual([expect.objectContaining(RETAIL_JANUARY)]);

  await page.reload();
  await expect(retail("Revenue won")).toHaveValue("125000");
  await expect(retail("Followed up within SLA")).toHaveValue("35");
  await expect(retail("Revenue won", "2027-02")).toHaveValue("");
});

test("a row saved by someone else shows in an open grid, and a change made on top of it keeps their numbers", async ({
  browser,
}) => {
  const maya = await openAs(browser, "maya");
  const planId = await copyOfDemoPlan(maya.page);
  const sam = await openAs(browser, "sam");
  await openActuals(sam.page, planId);
  // Nothing below reloads Sam's page: the marker would be gone if it did.
  await sam.page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
  const samCell = (column: string) => cell(sam.page, column, "Mid-market retail", "2027-01");
  await expect(samCell("Revenue won")).toHaveValue("");
  // Sam has started on February when Maya's January arrives.
  const february = cell(sam.page, "Revenue won", "Mid-market retail", "2027-02");
  await february.fill("5000");
  await expect(sam.page.getByText("1 unsaved row")).toBeVisible();

  const list = await maya.page.request.get(`/api/plans/${planId}`);
  const { content } = (await list.json()) as {
    content: { targetMarkets: Array<{ id: string; segment: string }> };
  };
  const retail = content.targetMarkets.find((m) => m.segment === "Mid-market retail")!;
  const mayas = { targetMarketId: retail.id, ...RETAIL_JANUARY };
  const posted = await maya.page.request.post(`/api/plans/${planId}/actuals`, { data: { rows: [mayas] } });
  expect(posted.status()).toBe(200);
  await expect(samCell("Revenue won")).toHaveValue("125000");
  await expect(samCell("Followed up within SLA")).toHaveValue("35");
  // What Sam typed stays typed; Escape takes it back.
  await expect(february).toHaveValue("5000");
  await expect(sam.page.getByText("1 unsaved row")).toBeVisible();
  await february.press("Escape");
  await expect(february).toHaveValue("");
  await expect(sam.page.getByText("No unsaved changes")).toBeVisible();

  // Sam corrects one cell of Maya's row: the row sent carries her numbers in every other cell.
  await samCell("Deals won").fill("4");
  await sam.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(status(sam.page)).toHaveText("Saved 1 row.");
  const stored = (await (await maya.page.request.get(`/api/plans/${planId}/actuals`)).json()) as {
    rows: Array<Record<string, unknown>>;
  };
  expect(stored.rows).toEqual([expect.objectContaining({ ...mayas, dealsWon: 4 })]);
  expect(await sam.page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(
    true,
  );
});

test("a viewer reads the grids without inputs, and on a phone the grid scrolls in its own box", async ({
  browser,
}) => {
  const maya = await openAs(browser, "maya");
  const planId = await copyOfDemoPlan(maya.page);
  const plan = (await (await maya.page.request.get(`/api/plans/${planId}`)).json()) as {
    content: { targetMarkets: Array<{ id: string; segment: string }> };
  };
  const retail = plan.content.targetMarkets.find((m) => m.segment === "Mid-market retail")!;
  const saved = await maya.page.request.post(`/api/plans/${planId}/actuals`, {
    data: {
      rows: [
        {
          targetMarketId: retail.id,
          month: "2027-02",
          revenueWon: 98_500,
          dealsWon: 2,
          pipelineCreated: 300_000,
          mqls: 150,
          sqls: 30,
          leadsFollowedUpInSla: 20,
          leadsHandedOff: 25,
        },
      ],
    },
  });
  expect(saved.status()).toBe(200);

  const { page } = await openAs(browser, "vic", { viewport: { width: 375, height: 740 } });
  await openActuals(page, planId);
  await expect(page.getByText("You can read the actuals here; owners and editors enter them.")).toBeVisible();
  const grid = page.getByRole("region", { name: /Actuals per target market and month/ });
  await expect(grid.getByRole("row", { name: /Mid-market retail 2027-02/ })).toContainText("$98,500");
  await expect(grid.getByRole("row", { name: /Mid-market retail 2027-02/ })).toContainText("300,000");
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Import from CSV" })).toHaveCount(0);

  // The page itself does not scroll sideways; the grid does, its first column staying in view.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const box = page.locator(".actuals-grid-wrap").first();
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const rowHeader = grid.getByRole("rowheader", { name: /Mid-market retail 2027-01/ });
  const [boxLeft, headerLeft] = [(await box.boundingBox())!.x, (await rowHeader.boundingBox())!.x];
  expect(Math.abs(headerLeft - boxLeft)).toBeLessThan(2);
});

test("a CSV with a bad row is refused in the preview with its line and column, and cannot be imported", async ({
  browser,
}) => {
  const { page } = await openAs(browser, "maya");
  const planId = await copyOfDemoPlan(page);
  await openActuals(page, planId);
  const file = [
    HEADER,
    "2027-01,Mid-market retail,1000,1,5000,10,5,3,4",
    "2027-01,Nowhere,1000,1,5000,10,5,3,4",
    "2027-02,SMB e-commerce,lots,1,5000,10,5,3,4",
  ].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(file) });

  const problems = page.getByRole("region", { name: "Problems in the file" });
  await expect(
    problems.getByRole("row", { name: /3 market No target market of this plan is called "Nowhere"\./ }),
  ).toBeVisible();
  await expect(problems.getByRole("row", { name: /4 revenue_won "lots" is not a number\./ })).toBeVisible();
  await expect(page.getByText("2 problems in this file.")).toBeVisible();
  await expect(page.locator(".csv-summary")).toHaveText("bad.csv · Market actuals · 3 rows · 2 problems");
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
  // The preview shows the file's rows as written, the bad ones marked.
  await expect(page.getByRole("rowheader", { name: "3 (has a problem)" })).toBeVisible();
  expect((await (await page.request.get(`/api/plans/${planId}/actuals`)).json()).rows).toEqual([]);
});

test("a good CSV imports with the server's progress to the end, and the grid shows its numbers", async ({
  browser,
}) => {
  const { page } = await openAs(browser, "maya");
  const planId = await copyOfDemoPlan(page);
  await openActuals(page, planId);
  const markets = ["Mid-market retail", "Enterprise logistics", "SMB e-commerce"];
  const months = ["2027-01", "2027-02", "2027-03"];
  const lines = [HEADER];
  markets.forEach((market, m) =>
    months.forEach((month, i) =>
      lines.push(`${month},${market},${(m + 1) * 10_000 + i},${i + 1},50000,90,20,9,10`),
    ),
  );
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "actuals.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });

  await expect(page.getByText("Every row is valid and ready to import.")).toBeVisible();
  await page.getByRole("button", { name: "Import 9 rows" }).click();
  const bar = page.locator("progress#csv-upload");
  await expect(page.getByText("Done: imported 9 rows.")).toBeVisible();
  await expect(bar).toHaveAttribute("value", "100");
  await expect(page.getByRole("status").filter({ hasText: "Imported 9 rows." })).toBeVisible();

  // The grid reloaded with the imported months.
  await expect(cell(page, "Revenue won", "Enterprise logistics", "2027-02")).toHaveValue("20001");
  await expect(cell(page, "Deals won", "SMB e-commerce", "2027-03")).toHaveValue("3");
  await page.reload();
  await expect(cell(page, "Revenue won", "Mid-market retail", "2027-01")).toHaveValue("10000");
});
