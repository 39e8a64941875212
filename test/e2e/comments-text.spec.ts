import type { Browser, Page } from "@playwright/test";
import {
  commenterWorkspace,
  createPlanViaApi,
  expect,
  openAs as openPerson,
  test,
  type Who,
} from "./fixtures";

/**
 * Threads on words of the rich text, in two real browsers: the selection's
 * Comment button starts one, the other person sees the same words
 * highlighted, the highlight stays on those words while text is typed
 * before and inside them, clicking it opens the thread, the panel reveals
 * it, and deleting the words leaves the thread detached with its quote.
 */

test.describe.configure({ timeout: 120_000 });

/** `who`'s page in a browser context of their own. */
const openAs = async (browser: Browser, who: Who): Promise<Page> => (await openPerson(browser, who)).page;

const strategy = (page: Page) => page.getByRole("textbox", { name: "Strategy", exact: true });
const highlight = (page: Page) => strategy(page).locator(".comment-anchor");
/** The highlighted words; ProseMirror may draw one highlight as several spans. */
const highlighted = (page: Page) => async () => (await highlight(page).allTextContents()).join("");

/** Selects `words` inside the strategy text with the keyboard-free DOM range a mouse drag makes. */
async function selectWords(page: Page, words: string): Promise<void> {
  await strategy(page).evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the strategy text`);
  }, words);
}

test("a thread on selected words follows edits around it and detaches when they go", async ({ browser }) => {
  const maya = await openAs(browser, "maya");
  const sam = await openAs(browser, "sam");
  const title = `Text anchors ${Date.now()}`;
  const planId = await createPlanViaApi(maya, { title, period: "2027-Q4" });

  await maya.goto(`/plans/${planId}`);
  await strategy(maya).click();
  await maya.keyboard.press("ControlOrMeta+a");
  await maya.keyboard.type("We win retail with same-week onboarding and honest pricing.");
  await expect(maya.getByText("Saved", { exact: true })).toBeVisible({ timeout: 10_000 });

  await sam.goto(`/plans/${planId}`);
  await expect(strategy(sam)).toContainText("same-week onboarding", { timeout: 15_000 });

  // Maya selects two words and comments through the button beside the selection.
  await strategy(maya).focus();
  await selectWords(maya, "same-week onboarding");
  await maya
    .getByRole("button", { name: "Comment", exact: true })
    .and(maya.locator(".comment-on-selection"))
    .click();
  const composer = maya.getByRole("textbox", { name: "Comment", exact: true });
  await expect(composer).toBeFocused();
  await composer.fill("Can sales promise this for chains with 40 stores?");
  await maya.locator("#comments-panel").getByRole("button", { name: "Comment", exact: true }).click();

  // Sam sees the same words highlighted, without reloading.
  await expect.poll(highlighted(sam), { timeout: 10_000 }).toBe("same-week onboarding");

  // Maya types before the words and inside them; the highlight keeps to them everywhere.
  await strategy(maya).click();
  await maya.keyboard.press("ControlOrMeta+Home");
  await maya.keyboard.type("Q4: ");
  await selectWords(maya, "onboarding");
  await maya.keyboard.press("ArrowLeft");
  await maya.keyboard.type("guided ");
  await expect.poll(highlighted(sam), { timeout: 10_000 }).toBe("same-week guided onboarding");
  await expect.poll(highlighted(maya)).toBe("same-week guided onboarding");
  await expect(strategy(sam)).toContainText("Q4: We win retail");

  // Clicking the highlight opens its thread in Sam's panel.
  await highlight(sam).first().click();
  const panel = sam.locator("#comments-panel");
  await expect(panel.getByText("Can sales promise this for chains with 40 stores?")).toBeVisible();

  // Choosing the thread in the panel scrolls to its words and flashes them.
  await sam.mouse.wheel(0, 3000);
  await panel.locator(".thread-anchor").first().click();
  await expect(strategy(sam).locator(".comment-anchor.flash").first()).toBeInViewport({ timeout: 5_000 });

  // Deleting the words detaches the thread; it stays, with its quote.
  await selectWords(maya, "same-week guided onboarding");
  await maya.keyboard.press("Backspace");
  await expect(highlight(sam)).toHaveCount(0, { timeout: 10_000 });
  await expect(panel.getByText("Detached")).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByText("same-week onboarding")).toBeVisible();
});

test("Ctrl+Alt+M starts a thread on the selection", async ({ browser }) => {
  const maya = await openAs(browser, "maya");
  const created = await maya.request.post("/api/plans", {
    data: { title: `Shortcut ${Date.now()}`, period: "2027-Q4", currency: "EUR" },
  });
  const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
  await maya.goto(`/plans/${planId}`);
  await strategy(maya).click();
  await maya.keyboard.press("ControlOrMeta+a");
  await maya.keyboard.type("Partners open doors with carriers.");
  await selectWords(maya, "carriers");
  // The editor has taken the selection over once its margin button shows.
  await expect(maya.locator(".comment-on-selection")).toBeVisible();
  await maya.keyboard.press("Control+Alt+m");
  const form = maya.locator("#comments-panel .new-thread");
  await expect(form).toContainText("carriers");
  await expect(maya.getByRole("textbox", { name: "Comment", exact: true })).toBeFocused();
});

test("a commenter comments on words of text they cannot change", async ({ browser }) => {
  // A workspace of its own, so the demo workspace's members stay as other specs expect.
  const { owner, commenter } = await commenterWorkspace();
  const lead = await openAs(browser, owner);
  const planId = await createPlanViaApi(lead, { title: `Read-only text ${Date.now()}`, period: "2027-Q4" });
  await lead.goto(`/plans/${planId}`);
  await strategy(lead).click();
  await lead.keyboard.press("ControlOrMeta+a");
  await lead.keyboard.type("Discounts above 15 % need the sales leader.");
  await expect(lead.getByText("Saved", { exact: true })).toBeVisible({ timeout: 10_000 });

  const rep = await openAs(browser, commenter);
  await rep.goto(`/plans/${planId}`);
  await expect(strategy(rep)).toHaveAttribute("aria-readonly", "true", { timeout: 15_000 });
  await expect(strategy(rep)).toContainText("Discounts above 15 %");
  await selectWords(rep, "sales leader");
  await rep.locator(".comment-on-selection").click();
  await rep.getByRole("textbox", { name: "Comment", exact: true }).fill("Which one, for EMEA deals?");
  await rep.locator("#comments-panel").getByRole("button", { name: "Comment", exact: true }).click();
  await expect.poll(highlighted(lead), { timeout: 10_000 }).toBe("sales leader");
  await expect(strategy(rep)).toContainText("Discounts above 15 % need the sales leader.");
});
