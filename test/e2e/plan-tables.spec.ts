import type { Browser, Locator, Page } from "@playwright/test";
import { DEMO, expect, login, openAs as openPerson, test, type Who } from "./fixtures";

/**
 * The plan's tables in two browsers at once: edits converge, refused values
 * stay in the browser that typed them, the reverse funnel follows the
 * numbers, and reorder and delete reach the other person. Every test makes
 * its own plan, so the shared e2e database only gains plans.
 */

/** Creates a plan through the form as whoever is logged in on `page`, and waits for the live editor. */
async function createPlan(page: Page, title: string): Promise<string> {
  await page.goto("/plans/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Period").fill("2027-Q1");
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await waitForTables(page);
  return page.url();
}

async function waitForTables(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 2, name: "Glossary" })).toBeVisible({ timeout: 15_000 });
}

/** A second person, in their own browser context (the project's viewport), on the same plan. */
async function openAs(browser: Browser, who: Who, url: string): Promise<Page> {
  const { page } = await openPerson(browser, who, {});
  await page.goto(url);
  await waitForTables(page);
  return page;
}

function section(page: Page, name: "targetMarkets" | "revenueGoals" | "campaigns" | "glossary"): Locator {
  return page.locator(`#section-${name}`);
}

/** Types into a cell and commits it with Enter, as a person would. */
async function typeInto(cell: Locator, text: string): Promise<void> {
  await cell.click();
  await cell.fill(text);
  await cell.press("Enter");
}

/** Adds a target market through the UI and names it. */
async function addMarket(page: Page, segment: string): Promise<void> {
  const markets = section(page, "targetMarkets");
  const count = await markets.locator("tbody tr").count();
  await markets.getByRole("button", { name: "Add target market" }).click();
  const name = markets.getByLabel(`Segment of target market ${count + 1}`);
  await expect(name).toBeFocused();
  await typeInto(name, segment);
  await expect(markets.getByLabel(`Segment of ${segment}`)).toHaveValue(segment);
}

test.describe("plan tables", () => {
  test("two people edit one table at once and converge; each sees where the other is", async ({
    page,
    browser,
  }) => {
    await login(page, DEMO.maya.email, DEMO.maya.password);
    const url = await createPlan(page, `Tables converge ${Date.now()}`);
    const sam = await openAs(browser, "sam", url);

    // Empty: the hint and the add button.
    await expect(section(page, "targetMarkets")).toContainText("No target markets yet.");
    await addMarket(page, "Mid-market fintech");
    await expect(section(sam, "targetMarkets").getByLabel("Segment of Mid-market fintech")).toHaveValue(
      "Mid-market fintech",
    );

    // Both edit different cells of the same row at the same time.
    const mayaRegion = section(page, "targetMarkets").getByLabel("Region of Mid-market fintech");
    const samSize = section(sam, "targetMarkets").getByLabel("Company size of Mid-market fintech");
    await mayaRegion.click();
    await mayaRegion.fill("DACH");
    await samSize.click();
    await samSize.fill("200–1,000 employees");
    await Promise.all([mayaRegion.press("Enter"), samSize.press("Enter")]);
    await section(page, "targetMarkets").getByLabel("Priority of Mid-market fintech").selectOption("high");
    await section(sam, "targetMarkets")
      .getByLabel("Owner of Mid-market fintech")
      .selectOption({ label: "Sam Carter" });

    for (const view of [page, sam]) {
      const markets = section(view, "targetMarkets");
      await expect(markets.getByLabel("Region of Mid-market fintech")).toHaveValue("DACH");
      await expect(markets.getByLabel("Company size of Mid-market fintech")).toHaveValue(
        "200–1,000 employees",
      );
      await expect(markets.getByLabel("Priority of Mid-market fintech")).toHaveValue("high");
      await expect(markets.getByLabel("Owner of Mid-market fintech").locator("option:checked")).toHaveText(
        "Sam Carter",
      );
    }

    // Sam is in a cell: Maya sees it outlined, with his name.
    await section(sam, "targetMarkets").getByLabel("Region of Mid-market fintech").focus();
    const regionCell = section(page, "targetMarkets")
      .locator("td")
      .filter({ has: page.getByLabel("Region of Mid-market fintech") });
    await expect(regionCell).toHaveClass(/has-peer/);
    await expect(regionCell).toContainText("Sam Carter");
    await section(sam, "targetMarkets").getByLabel("Region of Mid-market fintech").blur();
    await expect(regionCell).not.toHaveClass(/has-peer/);
  });

  test("a bad number and an end date before the start are refused at the cell and never synced", async ({
    page,
    browser,
  }) => {
    await login(page, DEMO.maya.email, DEMO.maya.password);
    const url = await createPlan(page, `Tables refuse ${Date.now()}`);
    await addMarket(page, "Retail banks");
    const sam = await openAs(browser, "sam", url);

    // A revenue goal: the new row takes the market without a goal.
    const goals = section(page, "revenueGoals");
    await goals.getByRole("button", { name: "Add revenue goal" }).click();
    const target = goals.getByLabel("Revenue target of Retail banks");
    await typeInto(target, "lots of money");
    await expect(target).toHaveAttribute("aria-invalid", "true");
    await expect(target).toHaveAccessibleDescription("Enter a number.");
    await expect(goals.getByRole("alert")).toHaveText("Enter a number.");

    // Numbers as numbers, shown in the plan's currency; the refused text never arrived.
    await typeInto(goals.getByLabel("Average deal size of Retail banks"), "25k");
    const samGoals = section(sam, "revenueGoals");
    await expect(samGoals.getByLabel("Average deal size of Retail banks")).toHaveValue("$25,000");
    await expect(samGoals.getByLabel("Revenue target of Retail banks")).toHaveValue("");

    // Escape cancels the refused draft; a good value then goes through.
    await target.click();
    await target.press("Escape");
    await expect(target).not.toHaveAttribute("aria-invalid", "true");
    await typeInto(target, "$1.2M");
    await expect(target).toHaveValue("1200000"); // still focused: the text to edit
    await target.blur();
    await expect(target).toHaveValue("$1,200,000");
    await expect(samGoals.getByLabel("Revenue target of Retail banks")).toHaveValue("$1,200,000");

    // A campaign whose end is before its start.
    const campaigns = section(page, "campaigns");
    await campaigns.getByRole("button", { name: "Add campaign" }).click();
    await typeInto(campaigns.getByLabel("Campaign of campaign 1"), "Spring webinars");
    await typeInto(campaigns.getByLabel("Start of Spring webinars"), "2027-03-10");
    const end = campaigns.getByLabel("End of Spring webinars");
    await typeInto(end, "2027-03-01");
    await expect(end).toHaveAttribute("aria-invalid", "true");
    await expect(end).toHaveAccessibleDescription("The end date is before the start date.");
    await expect(campaigns.getByRole("alert")).toHaveText("The end date is before the start date.");

    // A later edit arrives at Sam's; the refused end date did not.
    await typeInto(campaigns.getByLabel("Budget of Spring webinars"), "5000");
    const samCampaigns = section(sam, "campaigns");
    await expect(samCampaigns.getByLabel("Budget of Spring webinars")).toHaveValue("$5,000");
    await expect(samCampaigns.getByLabel("Start of Spring webinars")).toHaveValue("2027-03-10");
    await expect(samCampaigns.getByLabel("End of Spring webinars")).toHaveValue("");

    await typeInto(end, "2027-03-31");
    await expect(end).not.toHaveAttribute("aria-invalid", "true");
    await expect(samCampaigns.getByLabel("End of Spring webinars")).toHaveValue("2027-03-31");
  });

  test("the reverse funnel shows what a market needs and the gap against its campaigns", async ({
    page,
    browser,
  }) => {
    await login(page, DEMO.maya.email, DEMO.maya.password);
    const url = await createPlan(page, `Tables funnel ${Date.now()}`);
    await addMarket(page, "Mid-market fintech");

    const goals = section(page, "revenueGoals");
    await goals.getByRole("button", { name: "Add revenue goal" }).click();
    await typeInto(goals.getByLabel("Revenue target of Mid-market fintech"), "1,200,000");
    await typeInto(goals.getByLabel("Average deal size of Mid-market fintech"), "40000");

    const funnel = page.getByRole("table", { name: "Reverse funnel" });
    const line = funnel.getByRole("row", { name: /Mid-market fintech/ });
    await expect(line).toContainText("30"); // deals
    await expect(line).toContainText("needs win rate");

    await typeInto(goals.getByLabel("Win rate of Mid-market fintech"), "25");
    await typeInto(goals.getByLabel("MQL → SQL rate of Mid-market fintech"), "20%");
    await expect(goals.getByLabel("Win rate of Mid-market fintech")).toHaveValue("25%");

    const campaigns = section(page, "campaigns");
    await campaigns.getByRole("button", { name: "Add campaign" }).click();
    await typeInto(campaigns.getByLabel("Campaign of campaign 1"), "Fintech webinar");
    await campaigns
      .getByLabel("Target market of Fintech webinar")
      .selectOption({ label: "Mid-market fintech" });
    await typeInto(campaigns.getByLabel("Expected MQLs of Fintech webinar"), "480");

    // 1.2M / 40k = 30 deals; / 25 % = 120 SQLs; / 20 % = 600 MQLs; 480 expected: 120 short.
    const cells = line.getByRole("cell");
    await expect(cells).toHaveText(["$1,200,000", "30", "120", "600", "480", "−120 short"]);
    await expect(line.getByRole("cell").last()).toHaveClass(/short/);

    // The other person sees the same figures, computed in their browser.
    const sam = await openAs(browser, "sam", url);
    await expect(
      sam.getByRole("table", { name: "Reverse funnel" }).getByRole("row", { name: /Mid-market fintech/ }),
    ).toContainText("−120 short");

    // Sam raises the campaign's estimate: both see the gap close.
    await typeInto(section(sam, "campaigns").getByLabel("Expected MQLs of Fintech webinar"), "650");
    await expect(line).toContainText("+50 to spare");
  });

  test("reorder (buttons and Alt+Arrow) and delete (confirmed, undoable) reach the other person", async ({
    page,
    browser,
  }) => {
    await login(page, DEMO.maya.email, DEMO.maya.password);
    const url = await createPlan(page, `Tables reorder ${Date.now()}`);
    const glossary = section(page, "glossary");
    for (const [i, term] of ["MQL", "SQL", "Pipeline"].entries()) {
      await glossary.getByRole("button", { name: "Add term" }).click();
      await typeInto(glossary.getByLabel(`Term of term ${i + 1}`), term);
    }
    const sam = await openAs(browser, "sam", url);
    const termsOf = (view: Page) =>
      section(view, "glossary")
        .locator("tbody th input")
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await expect.poll(() => termsOf(sam)).toEqual(["MQL", "SQL", "Pipeline"]);

    // A button, then the keyboard; focus stays on the moved row.
    await glossary.getByRole("button", { name: "Move Pipeline up" }).click();
    await expect.poll(() => termsOf(page)).toEqual(["MQL", "Pipeline", "SQL"]);
    await expect(glossary.getByRole("button", { name: "Move Pipeline up" })).toBeFocused();
    const mql = glossary.getByLabel("Term of MQL");
    await mql.focus();
    await mql.press("Alt+ArrowDown");
    await expect.poll(() => termsOf(page)).toEqual(["Pipeline", "MQL", "SQL"]);
    await expect(glossary.getByLabel("Term of MQL")).toBeFocused();
    await expect.poll(() => termsOf(sam)).toEqual(["Pipeline", "MQL", "SQL"]);

    // Sam is typing in a row when Maya moves another one past it: he keeps his cell and his text.
    const samSales = section(sam, "glossary").getByLabel("What sales means of MQL");
    await samSales.click();
    await samSales.pressSequentially("Sales accepted");
    await glossary.getByRole("button", { name: "Move SQL up" }).click();
    await expect.poll(() => termsOf(sam)).toEqual(["Pipeline", "SQL", "MQL"]);
    await expect(samSales).toBeFocused();
    await samSales.pressSequentially(" it");
    await samSales.press("Enter");
    await expect(glossary.getByLabel("What sales means of MQL")).toHaveValue("Sales accepted it");
    await glossary.getByRole("button", { name: "Move SQL down" }).click();
    await expect.poll(() => termsOf(page)).toEqual(["Pipeline", "MQL", "SQL"]);

    // A cell edit after a move lands on the moved row.
    await typeInto(
      glossary.getByLabel("Agreed definition of MQL"),
      "A lead that fits the ICP and engaged twice.",
    );
    await expect(section(sam, "glossary").getByLabel("Agreed definition of MQL")).toHaveValue(
      "A lead that fits the ICP and engaged twice.",
    );

    // Delete asks first, inline; Cancel keeps the row.
    await glossary.getByRole("button", { name: "Delete SQL" }).click();
    await glossary.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => termsOf(page)).toEqual(["Pipeline", "MQL", "SQL"]);
    await glossary.getByRole("button", { name: "Delete SQL" }).click();
    await glossary
      .getByRole("group", { name: "Delete SQL?" })
      .getByRole("button", { name: "Delete SQL" })
      .click();
    await expect.poll(() => termsOf(page)).toEqual(["Pipeline", "MQL"]);
    await expect.poll(() => termsOf(sam)).toEqual(["Pipeline", "MQL"]);
    await expect(glossary.getByRole("status").filter({ hasText: "Deleted SQL." })).toBeVisible();

    // Undo brings it back, with its id and place, for both.
    await glossary.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => termsOf(page)).toEqual(["Pipeline", "MQL", "SQL"]);
    await expect.poll(() => termsOf(sam)).toEqual(["Pipeline", "MQL", "SQL"]);
  });

  test("a viewer reads the tables as text, without add, move or delete", async ({ page, browser }) => {
    await login(page, DEMO.maya.email, DEMO.maya.password);
    const url = await createPlan(page, `Tables read-only ${Date.now()}`);
    await addMarket(page, "Public sector");
    await section(page, "targetMarkets").getByLabel("Priority of Public sector").selectOption("low");

    const vic = await openAs(browser, "vic", url);
    const markets = section(vic, "targetMarkets");
    await expect(markets.getByRole("rowheader", { name: "Public sector" })).toBeVisible();
    await expect(markets.getByRole("row", { name: /Public sector/ })).toContainText("Low");
    await expect(markets.getByRole("textbox")).toHaveCount(0);
    await expect(markets.getByRole("combobox")).toHaveCount(0);
    await expect(vic.getByRole("button", { name: /^Add / })).toHaveCount(0);
    await expect(markets.getByRole("button")).toHaveCount(0);
    await expect(section(vic, "glossary")).toContainText("No terms yet.");
  });
});
