import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { createPlanViaApi, expect, openAs, test } from "./fixtures";

/**
 * The sign-off workflow in real browsers against the real server: an
 * editor submits, the sales and the marketing leader see it live, an edit
 * makes the version stale under their eyes, a request for changes becomes
 * an objection that must be resolved, the final approval locks every open
 * editor without a reload, and a reopening unlocks them. Then versions
 * (save, compare, restore seen live by someone else), the audit log, the
 * Markdown export and the print view. Every test makes its own plan.
 */

test.describe.configure({ timeout: 180_000 });

/** A new plan from the template, made through the API as `page`'s user (Raj and Lena sign it by default). */
const createPlan = (page: Page, title: string) => createPlanViaApi(page, { title, period: "2027-Q4" });

async function openPlan(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${planId}`);
  await expect(strategy(page)).toBeVisible({ timeout: 30_000 });
}

const strategy = (page: Page) => page.getByRole("textbox", { name: "Strategy", exact: true });
const card = (page: Page) => page.getByRole("region", { name: "Sign-off" });
const signer = (page: Page, name: string) =>
  card(page).getByRole("list", { name: "Required signers" }).getByRole("listitem").filter({ hasText: name });
const dialog = (page: Page) => page.getByRole("dialog");

/** The editor's text without other people's caret labels. */
async function strategyText(page: Page): Promise<string> {
  return strategy(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
}

async function typeInStrategy(page: Page, text: string): Promise<void> {
  await strategy(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text, { delay: 10 });
}

/** Presses a button of the card, then the dialog's button that confirms it. */
async function step(page: Page, button: string, confirm = button, fill?: { label: string; text: string }) {
  await card(page).getByRole("button", { name: button, exact: true }).first().click();
  await expect(dialog(page)).toBeVisible();
  if (fill) await dialog(page).getByLabel(fill.label).fill(fill.text);
  await dialog(page).getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog(page)).toBeHidden({ timeout: 15_000 });
}

/** The status badge beside the card's heading. */
async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(card(page).locator(".signoff-title .badge")).toHaveText(status, { timeout: 15_000 });
}

/** The plan's strategy as the server sees it now (GET /api/plans/:planId). */
async function serverStrategy(page: Page, planId: string): Promise<string> {
  const response = await page.request.get(`/api/plans/${planId}`);
  return JSON.stringify(((await response.json()) as { content: { strategy: unknown } }).content.strategy);
}

test.describe("sign-off", () => {
  test("submit, a stale approval, a request for changes, two approvals that lock open editors live, and a reopening", async ({
    browser,
  }) => {
    const run = randomUUID().slice(0, 8);
    const maya = await openAs(browser, "maya");
    const raj = await openAs(browser, "raj");
    const lena = await openAs(browser, "lena");
    const planId = await createPlan(maya.page, `Sign-off ${run}`);
    for (const person of [maya, raj, lena]) await openPlan(person.page, planId);
    await expectStatus(raj.page, "Draft");

    // Maya submits; both leaders see it in review without reloading.
    await step(maya.page, "Submit for sign-off");
    for (const leader of [raj, lena]) {
      await expectStatus(leader.page, "In review");
      await expect(card(leader.page).getByRole("button", { name: "Approve", exact: true })).toBeVisible();
    }

    // Raj approves; Lena sees it.
    await step(raj.page, "Approve");
    await expect(signer(lena.page, "Raj Mehta")).toContainText("Approved", { timeout: 15_000 });
    await expect(signer(lena.page, "Lena Fischer")).toContainText("Waiting for review");

    // Maya changes a word: the version under review is stale for both leaders, Raj's approval no longer counts.
    await typeInStrategy(maya.page, ` Stale ${run}.`);
    for (const leader of [raj, lena]) {
      await expect(card(leader.page).getByText("Changed since submitted.")).toBeVisible({ timeout: 15_000 });
      await expect(signer(leader.page, "Raj Mehta")).toContainText("Approval no longer counts");
      await expect(card(leader.page).getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
    }
    // The diff of the version against the plan now shows the new words.
    await card(lena.page).getByRole("link", { name: "See what changed" }).click();
    await expect(
      lena.page.getByRole("heading", { name: "Changes from version 1 to the current plan" }),
    ).toBeVisible();
    await expect(lena.page.locator("ins.diff-added").filter({ hasText: `Stale ${run}.` })).toBeVisible();
    await openPlan(lena.page, planId);

    // Maya resubmits; Lena asks for changes with a note, which becomes a blocking thread.
    await step(maya.page, "Resubmit");
    await expect(card(lena.page).getByText("version 2", { exact: true })).toBeVisible({ timeout: 15_000 });
    const note = `Halve the SMB goal ${run}`;
    await step(lena.page, "Request changes", "Request changes", { label: "What should change?", text: note });
    await expect(signer(maya.page, "Lena Fischer")).toContainText("Changes requested", { timeout: 15_000 });
    const objection = card(maya.page).getByRole("button", { name: new RegExp(note) });
    await expect(objection).toBeVisible();

    // Maya opens the objection from the card and resolves it; the card no longer lists it.
    await objection.click();
    const panel = maya.page.locator("#comments-panel");
    await expect(panel).toContainText(note);
    await panel.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(card(maya.page).getByRole("button", { name: new RegExp(note) })).toHaveCount(0, {
      timeout: 15_000,
    });
    await expect(card(raj.page).getByRole("button", { name: new RegExp(note) })).toHaveCount(0, {
      timeout: 15_000,
    });

    // Resubmitted, both approve: approved, with signers, times and hash, and Maya's open editor is read-only.
    await step(maya.page, "Resubmit");
    await expect(card(raj.page).getByText("version 3", { exact: true })).toBeVisible({ timeout: 15_000 });
    await step(raj.page, "Approve");
    await expect(card(lena.page).getByRole("button", { name: "Approve", exact: true })).toBeVisible();
    await step(lena.page, "Approve");
    for (const person of [maya, raj, lena]) {
      await expectStatus(person.page, "Approved");
      await expect(signer(person.page, "Raj Mehta")).toContainText("Approved");
      await expect(signer(person.page, "Lena Fischer")).toContainText("Approved");
    }
    await expect(card(maya.page)).toContainText("The plan is locked");
    const hash = await card(maya.page).locator(".signoff-summary code").getAttribute("title");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(strategy(maya.page)).toHaveAttribute("aria-readonly", "true", { timeout: 15_000 });
    await expect(maya.page.getByText("This plan is approved and locked.")).toBeVisible();
    const locked = await strategyText(maya.page);
    await strategy(maya.page).click();
    await maya.page.keyboard.type("nope");
    expect(await strategyText(maya.page)).toBe(locked);

    // The Markdown export is the signed content, with its hash.
    const [download] = await Promise.all([
      maya.page.waitForEvent("download"),
      card(maya.page).getByRole("link", { name: "Export Markdown" }).click(),
    ]);
    const markdown = await readFile((await download.path())!, "utf8");
    expect(markdown).toContain(`Sign-off ${run}`);
    expect(markdown).toContain(hash!);

    // Raj reopens with a reason: editable again for Maya, without a reload.
    await step(raj.page, "Reopen", "Reopen", { label: "Why reopen it?", text: `Budget moved ${run}` });
    await expectStatus(maya.page, "Reopened");
    await expect(strategy(maya.page)).toHaveAttribute("aria-readonly", "false", { timeout: 15_000 });
    await typeInStrategy(maya.page, " Editable again.");
    await expect(strategy(maya.page)).toContainText("Editable again.");

    // The plan's audit log tells every step, newest first.
    await card(maya.page).getByRole("link", { name: "Audit log" }).click();
    const log = maya.page.getByRole("list", { name: "Audit log entries, newest first" });
    await expect(log.getByRole("listitem").first()).toContainText("Raj Mehta reopened the approved plan");
    await expect(log.getByRole("listitem").first()).toContainText(`Budget moved ${run}`);
    for (const line of [
      "completed the sign-off: the plan is approved and locked",
      "Lena Fischer approved version 3",
      "Raj Mehta approved version 3",
      "Lena Fischer requested changes to version 2",
      "Maya Patel submitted version 1 for sign-off",
      "Raj Mehta approved version 1",
    ]) {
      await expect(log).toContainText(line);
    }
    await expect(log).toContainText(note);
    // Filtered by one action.
    await maya.page.getByLabel("Show").selectOption({ label: "Approvals" });
    await expect(log.getByRole("listitem")).toHaveCount(3);
  });

  test("versions: save a named one, compare, and restore it while someone else watches the plan change", async ({
    browser,
  }) => {
    const run = randomUUID().slice(0, 8);
    const maya = await openAs(browser, "maya");
    const sam = await openAs(browser, "sam");
    const planId = await createPlan(maya.page, `Versions ${run}`);
    await openPlan(sam.page, planId);

    // A named version of the template.
    await maya.page.goto(`/plans/${planId}/versions`);
    await maya.page.getByLabel("Name").fill(`Baseline ${run}`);
    await maya.page.getByRole("button", { name: "Save version" }).click();
    await expect(maya.page.getByRole("status").filter({ hasText: "Saved as version 1" })).toBeVisible();
    await expect(maya.page.getByRole("link", { name: `v1 Baseline ${run}` })).toBeVisible();

    // Sam adds words; the plan now differs from the version.
    await typeInStrategy(sam.page, ` Added by Sam ${run}.`);
    await expect
      .poll(() => serverStrategy(maya.page, planId), { timeout: 15_000 })
      .toContain(`Added by Sam ${run}.`);

    // A second version, and the two compared.
    await maya.page.getByLabel("Name").fill(`With Sam ${run}`);
    await maya.page.getByRole("button", { name: "Save version" }).click();
    await expect(maya.page.getByRole("link", { name: `v2 With Sam ${run}` })).toBeVisible({
      timeout: 15_000,
    });
    await maya.page.getByLabel("Select version 1 to compare").check();
    await maya.page.getByLabel("Select version 2 to compare").check();
    await maya.page.getByRole("link", { name: "Compare v1 with v2" }).click();
    await expect(
      maya.page.getByRole("heading", { name: "Changes from version 1 to version 2" }),
    ).toBeVisible();
    const changes = maya.page.getByRole("region", { name: "Changes in Strategy" });
    await expect(changes.locator("ins.diff-added")).toContainText(`Added by Sam ${run}.`);
    await expect(changes).toContainText("[added:");

    // Restoring version 1 takes Sam's words out of the plan, live in Sam's browser.
    await maya.page.goto(`/plans/${planId}/versions`);
    await maya.page.getByRole("link", { name: `v1 Baseline ${run}` }).click();
    await expect(maya.page.getByRole("heading", { name: `Version 1: Baseline ${run}` })).toBeVisible();
    await maya.page.getByRole("button", { name: "Restore this version" }).click();
    await maya.page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
    await maya.page.waitForURL(`**/plans/${planId}`);
    await expect(strategy(sam.page)).not.toContainText(`Added by Sam ${run}.`, { timeout: 15_000 });
    await expect(strategy(maya.page)).not.toContainText(`Added by Sam ${run}.`, { timeout: 30_000 });

    // The restore kept what it replaced as a version of its own.
    await maya.page.goto(`/plans/${planId}/versions`);
    await expect(maya.page.getByRole("link", { name: "v3 Before restoring v1" })).toBeVisible();
  });

  test("the print view prints the plan cleanly: a PDF with the hash, no navigation or buttons on paper", async ({
    browser,
  }) => {
    const run = randomUUID().slice(0, 8);
    const maya = await openAs(browser, "maya");
    const planId = await createPlan(maya.page, `Print ${run}`);
    await openPlan(maya.page, planId);
    await card(maya.page).getByRole("link", { name: "Print" }).click();
    await expect(maya.page.getByRole("heading", { level: 1, name: `Print ${run}` })).toBeVisible();
    await expect(maya.page.getByRole("button", { name: "Print" })).toBeVisible();
    const hash = await maya.page.locator(".print-facts code").textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(maya.page.getByRole("heading", { name: "Sign-off" })).toBeVisible();
    await expect(maya.page.getByText("Raj Mehta (Sales)")).toBeVisible();

    await maya.page.emulateMedia({ media: "print" });
    await expect(maya.page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(maya.page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(maya.page.getByRole("heading", { level: 1, name: `Print ${run}` })).toBeVisible();
    const background = await maya.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(255, 255, 255)");

    const pdf = await maya.page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);

    // The demo plan's wide tables fit the width of an A4 page (210 mm less the margins, about 690 px).
    await maya.page.setViewportSize({ width: 690, height: 900 });
    await maya.page.goto("/plans");
    await maya.page.getByRole("link", { name: /FY27 Q1 joint plan/ }).click();
    await card(maya.page).getByRole("link", { name: "Print" }).click();
    await expect(maya.page.getByRole("table").first()).toBeVisible();
    await maya.page.emulateMedia({ media: "print" });
    const overflow = await maya.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
