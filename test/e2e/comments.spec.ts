import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { commenterWorkspace, createPlanViaApi, expect, openAs, test } from "./fixtures";

/**
 * Comment threads in real browsers against the real server: a thread on a
 * row and on a section reaches the other person live, a reply with an
 * @mention picked by keyboard reaches the author's inbox, the inbox leads
 * back to the thread, bodies that look like HTML stay text, a viewer reads
 * but cannot write, and resolving moves a thread between the filters.
 * Every test makes its own plan and unique texts.
 */

test.describe.configure({ timeout: 120_000 });

/** A new plan from the template, made through the API as `page`'s user. */
const createPlan = (page: Page, title: string) => createPlanViaApi(page, { title, period: "2027-Q3" });

/** A thread on a whole section, started through the API. */
async function startSectionThread(
  page: Page,
  planId: string,
  section: string,
  body: string,
): Promise<string> {
  const response = await page.request.post(`/api/plans/${planId}/threads`, {
    data: { anchor: { kind: "section", section }, body, mentions: [] },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { thread: { id: string } }).thread.id;
}

async function openPlan(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${planId}`);
  await expect(page.getByRole("heading", { level: 2, name: "Glossary" })).toBeVisible({ timeout: 30_000 });
}

const panel = (page: Page) => page.locator("#comments-panel");
const toggle = (page: Page) => page.getByRole("button", { name: /^Comments/ });

async function openPanel(page: Page): Promise<Locator> {
  if ((await toggle(page).getAttribute("aria-expanded")) !== "true") await toggle(page).click();
  await expect(panel(page)).toBeVisible();
  return panel(page);
}

/** The unread count the navigation's Inbox link announces. */
async function unreadCount(page: Page): Promise<number> {
  const name =
    (await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /^Inbox/ })
      .getAttribute("aria-label")) ?? "";
  return Number(/Inbox, (\d+) unread/.exec(name)?.[1] ?? 0);
}

const inboxLink = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ });

/** Adds a target market through the table and names it. */
async function addMarket(page: Page, segment: string): Promise<void> {
  const markets = page.locator("#section-targetMarkets");
  await markets.getByRole("button", { name: "Add target market" }).click();
  const name = markets.getByLabel("Segment of target market 1");
  await expect(name).toBeFocused();
  await name.fill(segment);
  await name.press("Enter");
  await expect(markets.getByLabel(`Segment of ${segment}`)).toHaveValue(segment);
}

test.describe("comment threads", () => {
  test("threads on a row and a section arrive live; a reply with a keyboard-picked mention reaches the inbox, which leads back", async ({
    browser,
  }) => {
    const run = randomUUID().slice(0, 8);
    const maya = await openAs(browser, "maya");
    const sam = await openAs(browser, "sam");
    const title = `Comments ${run}`;
    const planId = await createPlan(maya.page, title);
    await openPlan(maya.page, planId);
    await openPlan(sam.page, planId);
    const samPanel = await openPanel(sam.page);

    // Maya comments on a row of the target markets.
    const segment = `Fintech ${run}`;
    await addMarket(maya.page, segment);
    await maya.page.getByRole("button", { name: `Comment on ${segment}` }).click();
    const mayaPanel = panel(maya.page);
    await expect(mayaPanel.getByRole("region", { name: "New comment" })).toContainText(`Row: ${segment}`);
    await mayaPanel
      .getByRole("textbox", { name: "Comment", exact: true })
      .fill(`Is this segment big enough? ${run}`);
    await mayaPanel.getByRole("button", { name: "Comment", exact: true }).click();
    // The event stream may bring the thread a moment before the form clears: look in the comments only.
    await expect(
      mayaPanel.locator(".comment-body", { hasText: `Is this segment big enough? ${run}` }),
    ).toBeVisible();

    // Sam sees it without reloading, and the row's button counts it.
    await expect(samPanel.getByText(`Is this segment big enough? ${run}`)).toBeVisible({ timeout: 10_000 });
    await expect(
      sam.page.getByRole("button", { name: `Comment on ${segment}, 1 open thread` }),
    ).toBeVisible();
    await expect(toggle(sam.page)).toHaveAccessibleName(/1 open thread/);

    // And a thread on the whole campaigns section, sent with Ctrl+Enter.
    await maya.page.getByRole("button", { name: "Comment on the Campaigns section" }).click();
    await mayaPanel.getByRole("textbox", { name: "Comment", exact: true }).fill(`Budget first ${run}`);
    await mayaPanel.getByRole("textbox", { name: "Comment", exact: true }).press("Control+Enter");
    await expect(samPanel.getByText(`Budget first ${run}`)).toBeVisible({ timeout: 10_000 });
    await expect(samPanel.getByText("Whole section")).toBeVisible();

    const before = await unreadCount(maya.page);

    // Sam opens the row thread and replies, mentioning Maya with the keyboard only.
    await samPanel.getByRole("button", { name: new RegExp(`Row: ${segment}`) }).click();
    const reply = samPanel.getByRole("textbox", { name: "Reply" });
    await reply.click();
    await reply.pressSequentially("Agreed @may");
    const option = samPanel.getByRole("option", { name: "Maya Patel" });
    await expect(option).toBeVisible();
    await reply.press("ArrowDown");
    await reply.press("ArrowUp");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await reply.press("Enter");
    await expect(reply).toHaveValue("Agreed @Maya Patel ");
    await reply.pressSequentially(`let us size it ${run}`);
    await reply.press("Control+Enter");
    await expect(reply).toHaveValue("");
    await expect(samPanel.locator(".mention-chip", { hasText: "@Maya Patel" })).toBeVisible();

    // Maya sees the reply live, and her inbox count goes up.
    await expect(mayaPanel.getByText(`let us size it ${run}`)).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => unreadCount(maya.page), { timeout: 10_000 }).toBeGreaterThan(before);
    const raised = await unreadCount(maya.page);

    // The inbox lists the mention; opening it lands on the plan with the thread open.
    await inboxLink(maya.page).click();
    await expect(maya.page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    const item = maya.page.getByRole("button", {
      name: new RegExp(`^Unread: Sam Carter mentioned you on ${title}`),
    });
    await expect(item).toBeVisible();
    await expect(item).toContainText(`let us size it ${run}`);
    await item.click();
    await maya.page.waitForURL(new RegExp(`/plans/${planId}\\?thread=`));
    const landed = panel(maya.page);
    await expect(landed).toBeVisible({ timeout: 30_000 });
    await expect(landed.locator(".thread-card.is-active")).toContainText(`let us size it ${run}`);
    await expect.poll(() => unreadCount(maya.page), { timeout: 10_000 }).toBeLessThan(raised);
  });

  test("bodies that look like HTML are shown as text, for the writer and the reader", async ({ browser }) => {
    const run = randomUUID().slice(0, 8);
    const maya = await openAs(browser, "maya");
    const sam = await openAs(browser, "sam");
    const planId = await createPlan(maya.page, `Safe bodies ${run}`);
    let dialogs = 0;
    for (const page of [maya.page, sam.page]) {
      page.on("dialog", (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
    }
    await openPlan(maya.page, planId);
    await openPlan(sam.page, planId);
    const samPanel = await openPanel(sam.page);

    const body = `<img src=x onerror=alert(1)> <script>window.__xss=1</script> ${run}`;
    await maya.page.getByRole("button", { name: "Comment on the Strategy section" }).click();
    const composer = panel(maya.page).getByRole("textbox", { name: "Comment", exact: true });
    await composer.fill(body);
    await composer.press("Control+Enter");

    for (const page of [maya.page, sam.page]) {
      const comment = panel(page).locator(".comment-body", { hasText: run });
      await expect(comment).toBeVisible({ timeout: 10_000 });
      await expect(comment).toHaveText(body);
      await expect(comment.locator("img, script")).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    await expect(samPanel.getByText(body)).toBeVisible();
    expect(dialogs).toBe(0);

    // Maya edits her comment, then deletes it: Sam sees "(edited)", then "Comment deleted".
    const mine = panel(maya.page).locator(".thread-card.is-active");
    await mine.getByRole("button", { name: "Edit your comment" }).click();
    const editor = mine.getByRole("textbox", { name: "Edit comment" });
    await expect(editor).toHaveValue(body);
    await editor.fill(`Plain words ${run}`);
    await editor.press("Control+Enter");
    await expect(samPanel.getByText(`Plain words ${run}`)).toBeVisible({ timeout: 10_000 });
    await expect(samPanel.getByText("(edited)")).toBeVisible();
    await mine.getByRole("button", { name: "Delete your comment" }).click();
    await mine
      .getByRole("group", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(mine.getByText("Comment deleted")).toBeVisible();
    await expect(samPanel.getByText("Comment deleted")).toBeVisible({ timeout: 10_000 });
    await expect(samPanel.getByText(`Plain words ${run}`)).toHaveCount(0);
  });

  test("a viewer reads threads but has no reply box; resolving moves a thread from Open to Resolved and back", async ({
    browser,
  }) => {
    const run = randomUUID().slice(0, 8);
    const maya = await openAs(browser, "maya");
    const vic = await openAs(browser, "vic");
    const planId = await createPlan(maya.page, `Resolve ${run}`);
    await startSectionThread(maya.page, planId, "journey", `Who owns the demo stage? ${run}`);

    // Vic, a viewer, sees the thread and a note, but nowhere to write.
    await openPlan(vic.page, planId);
    await vic.page
      .getByRole("button", { name: "Comment on the Customer journey section, 1 open thread" })
      .click();
    const vicPanel = panel(vic.page);
    await expect(vicPanel.getByText("your role does not let you comment")).toBeVisible();
    await expect(vicPanel.getByText(`Who owns the demo stage? ${run}`)).toBeVisible();
    await expect(vicPanel.locator(".thread-card.is-active")).toBeVisible();
    await expect(vicPanel.getByRole("textbox")).toHaveCount(0);
    await expect(vicPanel.getByRole("button", { name: "Resolve", exact: true })).toHaveCount(0);
    await expect(vic.page.getByRole("button", { name: "Comment on the Strategy section" })).toHaveCount(0);

    // Maya resolves it: gone from Open, listed under Resolved, for Vic too.
    await openPlan(maya.page, planId);
    const mayaPanel = await openPanel(maya.page);
    await mayaPanel.getByRole("button", { name: /Whole section/ }).click();
    await mayaPanel.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(mayaPanel.getByText(`Who owns the demo stage? ${run}`)).toHaveCount(0);
    await expect(mayaPanel.getByText("No comments yet.")).toBeVisible();
    await mayaPanel.getByRole("button", { name: /^Resolved/ }).click();
    await expect(mayaPanel.getByText(`Who owns the demo stage? ${run}`)).toBeVisible();
    await expect(mayaPanel.locator(".badge.resolved")).toBeVisible();

    await expect(vicPanel.getByRole("button", { name: /^Resolved 1/ })).toBeVisible({ timeout: 10_000 });
    await expect(toggle(vic.page)).toHaveAccessibleName(/0 open threads/);

    // Reopened, it is back under Open.
    await mayaPanel.getByRole("button", { name: /Whole section/ }).click();
    await mayaPanel.getByRole("button", { name: "Reopen" }).click();
    await mayaPanel.getByRole("button", { name: /^Open/ }).click();
    await expect(mayaPanel.getByText(`Who owns the demo stage? ${run}`)).toBeVisible();
  });

  test("a commenter cannot change the plan but comments on a row, and may resolve their own thread", async ({
    browser,
  }) => {
    const run = randomUUID().slice(0, 8);
    // A workspace of its own, so the demo workspace's members stay as other specs expect.
    const { owner, commenter } = await commenterWorkspace();
    const lead = await openAs(browser, owner);
    const planId = await createPlan(lead.page, `Commenters ${run}`);
    await openPlan(lead.page, planId);
    const segment = `Retail ${run}`;
    await addMarket(lead.page, segment);
    const leadPanel = await openPanel(lead.page);

    const rep = await openAs(browser, commenter);
    await openPlan(rep.page, planId);
    await expect(rep.page.getByText("you can read the plan and comment, but not change it")).toBeVisible();
    await expect(rep.page.locator("#section-targetMarkets").getByRole("textbox")).toHaveCount(0);

    await rep.page.getByRole("button", { name: `Comment on ${segment}` }).click();
    const composer = panel(rep.page).getByRole("textbox", { name: "Comment", exact: true });
    await composer.fill(`Our reps hear this segment wants POS integrations ${run}`);
    await panel(rep.page).getByLabel("Mark as blocking").check();
    await composer.press("Control+Enter");
    const mine = panel(rep.page).locator(".thread-card.is-active");
    await expect(mine).toContainText(`wants POS integrations ${run}`);
    await expect(mine.locator(".badge.blocking")).toBeVisible();
    await expect(mine.getByRole("button", { name: "Resolve", exact: true })).toBeVisible();

    await expect(leadPanel.getByText(`wants POS integrations ${run}`)).toBeVisible({ timeout: 10_000 });
    await expect(leadPanel.locator(".badge.blocking")).toBeVisible();
    await expect(
      lead.page.getByRole("button", { name: `Comment on ${segment}, 1 open thread` }),
    ).toBeVisible();

    await mine.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(lead.page.getByRole("button", { name: `Comment on ${segment}`, exact: true })).toBeVisible({
      timeout: 10_000,
    });
  });
});
