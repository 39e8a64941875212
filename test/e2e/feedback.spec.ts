import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { blankRow } from "../../app/domain/plan";
import { storePlanRows } from "../support/collab";
import { createPlanViaApi, e2eSql, expect, openAs, test } from "./fixtures";

/**
 * Field feedback in real browsers: Sam files what a customer said about a
 * market of a plan, Lena (marketing) triages it with a reply in her own
 * browser, Sam's inbox badge goes up, and the inbox leads him back to the
 * item with the reply. The plan is the test's own, with a period later than
 * any other spec's, so it is among the newest plans the form offers.
 */

test.describe.configure({ timeout: 120_000 });

/** A plan of Sam's with one market and one campaign, written into its stored document. */
async function planWithRows(page: Page, run: string) {
  const title = `Feedback ${run}`;
  const planId = await createPlanViaApi(page, { title, period: "2029-Q4" });
  const market = { ...blankRow("targetMarkets"), segment: `Retail ${run}` };
  const campaign = { ...blankRow("campaigns"), name: `Webinar ${run}`, targetMarketId: market.id };
  await storePlanRows(e2eSql(), planId, { targetMarkets: [market], campaigns: [campaign] });
  return { planId, title };
}

const inboxLink = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ });

async function unreadCount(page: Page): Promise<number> {
  const name = (await inboxLink(page).getAttribute("aria-label")) ?? "";
  return Number(/Inbox, (\d+) unread/.exec(name)?.[1] ?? 0);
}

test("Sam files feedback, Lena triages it with a reply, and Sam's inbox leads back to it", async ({
  browser,
}) => {
  const run = randomUUID().slice(0, 8);
  const account = `Acme ${run}`;
  const sam = await openAs(browser, "sam");
  const { planId, title } = await planWithRows(sam.page, run);

  // Sam files it from the navigation's Feedback page.
  await sam.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feedback" }).click();
  await expect(sam.page.getByRole("heading", { level: 1, name: "Field feedback" })).toBeVisible();
  const form = sam.page.getByRole("region", { name: "File feedback" });
  await form.getByLabel("Account").fill(account);
  await form.getByLabel("What the customer said").fill("Per-location pricing is too dear for 140 depots.");
  await form.getByRole("checkbox", { name: "Pricing" }).check();
  await form.getByRole("checkbox", { name: "Competitor" }).check();
  await form.getByLabel("Related plan").selectOption({ label: `${title} (2029-Q4)` });
  await form.getByLabel("Target market or campaign").selectOption({ label: `Retail ${run}` });
  await form.getByRole("button", { name: "File feedback" }).click();

  await expect(sam.page).toHaveURL(/\/feedback\?item=[0-9a-f-]{36}&filed=1$/);
  const itemId = /item=([0-9a-f-]{36})/.exec(sam.page.url())![1]!;
  await expect(sam.page.getByRole("status").filter({ hasText: "your feedback is filed" })).toBeVisible();
  const samItem = sam.page.locator(`#feedback-${itemId}`);
  await expect(samItem.getByRole("heading", { name: account })).toBeVisible();
  await expect(samItem.locator(".badge")).toHaveText("New");
  await expect(samItem.getByRole("link", { name: `Retail ${run}` })).toBeVisible();
  // The form is empty again for the next one.
  await expect(form.getByLabel("Account")).toHaveValue("");
  const unreadBefore = await unreadCount(sam.page);

  // Lena, in her own browser, finds it under the plan and triages it by keyboard-friendly controls.
  const lena = await openAs(browser, "lena");
  await lena.page.goto(`/feedback?plan=${planId}`);
  const lenaItem = lena.page.locator(`#feedback-${itemId}`);
  await expect(lenaItem.getByRole("heading", { name: account })).toBeVisible();
  await lenaItem.getByText("Triage", { exact: true }).click();
  await lenaItem.getByLabel("Status").selectOption("planned");
  await lenaItem
    .getByLabel("Reply to Sam Carter")
    .fill("A per-user price is on the pricing review for March.");
  await lenaItem.getByLabel("Plan section").selectOption({ label: "Strategy" });
  await lenaItem.getByRole("button", { name: "Save triage" }).click();
  await expect(lenaItem.getByRole("status")).toHaveText("Saved.");
  await expect(lenaItem.locator(".badge")).toHaveText("Planned");
  await expect(lenaItem.locator(".feedback-reply-text")).toHaveText(
    "A per-user price is on the pricing review for March.",
  );
  await expect(lenaItem.getByRole("link", { name: "Strategy" })).toHaveAttribute(
    "href",
    `/plans/${planId}#section-strategy`,
  );

  // Sam's badge goes up live; the inbox says what happened and opens the item.
  await expect.poll(() => unreadCount(sam.page), { timeout: 15_000 }).toBe(unreadBefore + 1);
  await inboxLink(sam.page).click();
  const notification = sam.page.getByRole("button", {
    name: new RegExp(`^Unread: Lena Fischer marked your feedback on ${account} as planned`),
  });
  await expect(notification).toBeVisible();
  await notification.click();
  await expect(sam.page).toHaveURL(new RegExp(`/feedback\\?item=${itemId}$`));
  const opened = sam.page.locator(`#feedback-${itemId}`);
  await expect(opened).toHaveClass(/is-highlighted/);
  await expect(opened).toBeFocused();
  await expect(opened.locator(".feedback-reply-text")).toHaveText(
    "A per-user price is on the pricing review for March.",
  );
  await expect(opened.locator(".badge")).toHaveText("Planned");
  // Marketing moved it: the author can no longer change what he filed.
  await expect(opened.getByText("Edit", { exact: true })).toHaveCount(0);
});
