import { randomUUID } from "node:crypto";
import type { Browser, Locator, Page } from "@playwright/test";
import * as Y from "yjs";
import { openPeer, type Peer } from "../support/collab";
import { accordUrl, createPlanViaApi, expect, openAs as openPerson, test, type Person } from "./fixtures";

/**
 * The plan editor in real browsers against the real server: two people
 * editing at once, offline work that waits and arrives, a reader who cannot
 * write, edits that survive a reload, undo of one's own changes only, and
 * rich text that a raw Yjs peer cannot turn into script. Every test makes
 * its own plan, so tests never meet in a room.
 */

test.describe.configure({ timeout: 120_000 });

type Who = "maya" | "sam" | "vic";

const peers: Peer[] = [];

test.afterEach(() => {
  peers.splice(0).forEach((peer) => peer.destroy());
});

const openAs = (browser: Browser, who: Who) =>
  openPerson(browser, who, { viewport: { width: 1280, height: 800 } });

/** A new plan (from the template) in the demo workspace, made through the API as `page`'s user. */
const createPlan = (page: Page) =>
  createPlanViaApi(page, { title: `Co-editing ${randomUUID().slice(0, 8)}`, period: "2027-Q2" });

/** Maya and `other` logged in, both on a new plan Maya made. */
async function mayaAnd(
  browser: Browser,
  other: Who,
): Promise<{ maya: Person; other: Person; planId: string }> {
  const maya = await openAs(browser, "maya");
  const them = await openAs(browser, other);
  const planId = await createPlan(maya.page);
  await openPlan(maya.page, planId);
  await openPlan(them.page, planId);
  return { maya, other: them, planId };
}

async function openPlan(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${planId}`);
  await expect(strategy(page)).toBeVisible({ timeout: 30_000 });
}

const strategy = (page: Page) => page.getByRole("textbox", { name: "Strategy", exact: true });
const badge = (page: Page) => page.getByRole("status").and(page.locator(".connection-badge"));

/** The editor's text without other people's caret labels (they are widgets inside it). */
async function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
}

async function typeAt(page: Page, where: "start" | "end", text: string): Promise<void> {
  await strategy(page).click();
  await page.keyboard.press(where === "end" ? "Control+End" : "Control+Home");
  await page.keyboard.type(text, { delay: 15 });
}

test.describe("the plan editor", () => {
  test("two people type into the strategy at once, see each other's caret, avatar and section, and end with the same text", async ({
    browser,
  }) => {
    const { maya, other: sam } = await mayaAnd(browser, "sam");

    // Presence: each sees the other, and themselves as "You".
    await expect(maya.page.getByRole("button", { name: /Follow Sam Carter/ })).toBeVisible({
      timeout: 15_000,
    });
    await expect(sam.page.getByRole("button", { name: /Follow Maya Patel/ })).toBeVisible({
      timeout: 15_000,
    });
    await expect(maya.page.locator(".presence-item.is-me")).toContainText("You");

    // Both type at once, at either end of the same section.
    await Promise.all([
      typeAt(maya.page, "end", " Maya writes here."),
      typeAt(sam.page, "start", "Sam adds this. "),
    ]);

    // Each sees the other's caret, labelled with their name.
    await expect(maya.page.locator(".collab-caret-label", { hasText: "Sam Carter" })).toBeVisible();
    await expect(sam.page.locator(".collab-caret-label", { hasText: "Maya Patel" })).toBeVisible();

    // And both end with the same text, holding both edits.
    await expect
      .poll(
        async () => {
          const [mine, theirs] = await Promise.all([
            editorText(strategy(maya.page)),
            editorText(strategy(sam.page)),
          ]);
          return mine === theirs && mine.includes("Maya writes here.") && mine.includes("Sam adds this.");
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    // Nothing is "Saved" before the server committed it; then both say so.
    await expect(badge(maya.page)).toHaveText("Saved", { timeout: 15_000 });
    await expect(badge(sam.page)).toHaveText("Saved", { timeout: 15_000 });

    // Following: Sam moves to the customer journey, Maya follows him there and back.
    await sam.page.getByRole("textbox", { name: "Customer journey" }).click();
    await maya.page.getByRole("button", { name: /Follow Sam Carter/ }).click();
    await expect(maya.page.getByText("Following Sam")).toBeVisible();
    await expect(maya.page.locator("#section-journey")).toBeInViewport({ timeout: 10_000 });
    await strategy(sam.page).click();
    await expect(maya.page.locator("#section-strategy")).toBeInViewport({ timeout: 10_000 });
    await maya.page.getByRole("button", { name: "Stop" }).click();
    await expect(maya.page.getByText("Following Sam")).toHaveCount(0);
  });

  test("offline edits wait in the browser, are counted, keep the page from closing, and arrive after reconnecting", async ({
    browser,
  }) => {
    const { maya, other: sam, planId } = await mayaAnd(browser, "sam");
    await expect(badge(sam.page)).toHaveText("Saved", { timeout: 15_000 });

    await sam.context.setOffline(true);
    await expect(badge(sam.page)).toHaveText("Offline");
    await typeAt(sam.page, "end", " Written on the train.");
    await expect(badge(sam.page)).toHaveText(/^Offline · \d+ unsynced changes?$/);

    // Leaving inside the app asks first; staying keeps the page.
    await sam.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
    const dialog = sam.page.getByRole("dialog", { name: "Leave with unsaved changes?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("unsynced change");
    await dialog.getByRole("button", { name: "Stay on the plan" }).click();
    await expect(dialog).toBeHidden();
    await expect(sam.page).toHaveURL(new RegExp(`/plans/${planId}$`));

    // Maya does not have the edit while Sam is offline.
    await maya.page.waitForTimeout(1_000);
    expect(await editorText(strategy(maya.page))).not.toContain("Written on the train.");

    await sam.context.setOffline(false);
    await expect
      .poll(() => editorText(strategy(maya.page)), { timeout: 15_000 })
      .toContain("Written on the train.");
    await expect(badge(sam.page)).toHaveText("Saved", { timeout: 15_000 });
  });

  test("a viewer reads the plan and sees who is here, but cannot change anything", async ({ browser }) => {
    const { maya, other: vic } = await mayaAnd(browser, "vic");

    await expect(vic.page.getByRole("note")).toHaveText(
      "You are a viewer in this workspace: you can read the plan but not change it.",
    );
    await expect(strategy(vic.page)).toHaveAttribute("contenteditable", "false");
    await expect(vic.page.getByRole("toolbar")).toHaveCount(0);
    await expect(vic.page.getByRole("button", { name: "Undo" })).toHaveCount(0);
    await expect(vic.page.getByLabel("Follow-up SLA (hours)")).toBeDisabled();
    await expect(vic.page.getByRole("button", { name: /Rename/ })).toHaveCount(0);
    await expect(vic.page.getByRole("button", { name: /Follow Maya Patel/ })).toBeVisible({
      timeout: 15_000,
    });
    await expect(badge(vic.page)).toHaveText("Up to date", { timeout: 15_000 });

    const before = await editorText(strategy(vic.page));
    await strategy(vic.page).click();
    await vic.page.keyboard.type("Vic was here");
    expect(await editorText(strategy(vic.page))).toBe(before);
    await maya.page.waitForTimeout(500);
    expect(await editorText(strategy(maya.page))).not.toContain("Vic was here");
  });

  test("edits made offline survive a reload and sync once the connection is back", async ({ browser }) => {
    const maya = await openAs(browser, "maya");
    const sam = await openAs(browser, "sam");
    // Sam's plan socket goes through a switch, so the page can reload (HTTP works) while Accord's socket cannot connect.
    let collabReachable = true;
    await sam.context.routeWebSocket(/\/collab\//, (socket) => {
      if (collabReachable) socket.connectToServer();
      else socket.close();
    });
    const planId = await createPlan(maya.page);
    await openPlan(maya.page, planId);
    await openPlan(sam.page, planId);
    await expect(badge(sam.page)).toHaveText("Saved", { timeout: 15_000 });

    // Sam goes offline and writes.
    await sam.context.setOffline(true);
    await typeAt(sam.page, "end", " Kept across a reload.");
    await expect(badge(sam.page)).toHaveText(/^Offline · \d+ unsynced changes?$/);
    await sam.page.waitForTimeout(500); // y-indexeddb writes each update as it happens

    // The page reloads while the socket stays unreachable.
    collabReachable = false;
    sam.page.on("dialog", (dialog) => void dialog.accept()); // the browser's "leave site?" prompt
    await sam.context.setOffline(false);
    await sam.page.reload();
    await expect(strategy(sam.page)).toContainText("Kept across a reload.", { timeout: 30_000 });
    await expect(badge(sam.page)).toContainText("unsynced changes");
    await sam.context.setOffline(true);
    await expect(badge(sam.page)).toHaveText("Offline · unsynced changes");
    expect(await editorText(strategy(maya.page))).not.toContain("Kept across a reload.");

    // Back online: the edit reaches Maya, and Sam's badge says so once it is committed.
    collabReachable = true;
    await sam.context.setOffline(false);
    await expect
      .poll(() => editorText(strategy(maya.page)), { timeout: 20_000 })
      .toContain("Kept across a reload.");
    await expect(badge(sam.page)).toHaveText("Saved", { timeout: 20_000 });
  });

  test("undo and redo take back only one's own changes", async ({ browser }) => {
    const { maya, other: sam } = await mayaAnd(browser, "sam");
    const undo = maya.page.getByRole("button", { name: "Undo" });
    await expect(undo).toBeDisabled();

    await typeAt(maya.page, "end", " MAYA-UNDO");
    await typeAt(sam.page, "start", "SAM-KEEP ");
    await expect.poll(() => editorText(strategy(maya.page)), { timeout: 15_000 }).toContain("SAM-KEEP");

    await undo.click();
    await expect.poll(() => editorText(strategy(maya.page))).not.toContain("MAYA-UNDO");
    expect(await editorText(strategy(maya.page))).toContain("SAM-KEEP");
    await expect.poll(() => editorText(strategy(sam.page)), { timeout: 15_000 }).not.toContain("MAYA-UNDO");

    // Redo from the keyboard (focus on the page, not in a text field), then undo inside the editor.
    await maya.page.keyboard.press("Control+Shift+Z");
    await expect.poll(() => editorText(strategy(maya.page))).toContain("MAYA-UNDO");
    await strategy(maya.page).click();
    await maya.page.keyboard.press("Control+Z");
    await expect.poll(() => editorText(strategy(maya.page))).not.toContain("MAYA-UNDO");
    expect(await editorText(strategy(maya.page))).toContain("SAM-KEEP");
  });

  test("lead definitions: hand-off fields and the SLA are validated before anything is written", async ({
    browser,
  }) => {
    const { maya, other: sam } = await mayaAnd(browser, "sam");

    const newField = maya.page.getByLabel("New hand-off field");
    await newField.fill("Budget owner");
    await newField.press("Enter");
    await expect(sam.page.getByRole("list", { name: "Hand-off fields" })).toContainText("Budget owner", {
      timeout: 15_000,
    });
    await newField.fill("company");
    await newField.press("Enter");
    await expect(maya.page.getByText("“company” is already in the list.")).toBeVisible();
    await maya.page.getByRole("button", { name: "Remove Timeline" }).click();
    await expect(sam.page.getByRole("list", { name: "Hand-off fields" })).not.toContainText("Timeline", {
      timeout: 15_000,
    });

    const sla = maya.page.getByLabel("Follow-up SLA (hours)");
    const theirSla = sam.page.getByLabel("Follow-up SLA (hours)");
    await expect(theirSla).toHaveValue("24");
    await sla.fill("soon");
    await sla.press("Enter");
    await expect(maya.page.getByText("Enter a number.")).toBeVisible();
    await sla.fill("-5");
    await sla.press("Enter");
    await expect(maya.page.getByText("Enter a number of hours above 0.")).toBeVisible();
    await maya.page.waitForTimeout(500);
    await expect(theirSla).toHaveValue("24");
    await sla.fill("48");
    await sla.press("Enter");
    await expect(theirSla).toHaveValue("48", { timeout: 15_000 });

    // The title, renamed in place.
    await maya.page.getByRole("button", { name: "Rename the plan" }).click();
    await maya.page.getByLabel("Plan title").fill("Q2 plan, renamed");
    await maya.page.getByLabel("Plan title").press("Enter");
    await expect(sam.page.getByRole("heading", { level: 1 })).toHaveText("Q2 plan, renamed", {
      timeout: 15_000,
    });
  });

  test("a javascript: link written by a raw Yjs peer never becomes a live href, and the link field refuses one", async ({
    browser,
  }) => {
    const maya = await openAs(browser, "maya");
    const planId = await createPlan(maya.page);
    await openPlan(maya.page, planId);
    let dialogs = 0;
    maya.page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });

    // A raw Yjs client (not our editor) writes a paragraph whose link mark points at script.
    const tokenResponse = await maya.page.request.get(`/api/plans/${planId}/collab-token`);
    expect(tokenResponse.ok()).toBe(true);
    const { token } = (await tokenResponse.json()) as { token: string };
    const peer = openPeer(accordUrl(), planId, { token });
    peers.push(peer);
    await peer.synced;
    peer.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      text.insert(0, "Click for the pricing sheet", { link: { href: "javascript:alert(document.cookie)" } });
      paragraph.insert(0, [text]);
      const fragment = peer.doc.getXmlFragment("strategy");
      fragment.insert(fragment.length, [paragraph]);
    });

    const link = strategy(maya.page).locator("a", { hasText: "Click for the pricing sheet" });
    await expect(link).toBeVisible({ timeout: 15_000 });
    expect((await link.getAttribute("href")) ?? "").not.toMatch(/^\s*javascript:/i);
    await expect(maya.page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    await link.click({ modifiers: ["Control"] });
    await maya.page.waitForTimeout(300);
    expect(dialogs).toBe(0);

    // Our own link field refuses such an address with a message, and writes nothing.
    await strategy(maya.page).click();
    await maya.page.keyboard.press("Control+End");
    await maya.page.keyboard.press("Shift+Home");
    await maya.page
      .getByRole("toolbar", { name: "Formatting: Strategy" })
      .getByRole("button", { name: "Link" })
      .click();
    await maya.page.getByLabel("Link address").fill("javascript:alert(1)");
    await maya.page.getByRole("button", { name: "Apply" }).click();
    await expect(maya.page.getByText(/Links starting with “javascript:” can’t be used/)).toBeVisible();
    await maya.page.getByLabel("Link address").fill("example.com/pricing");
    await maya.page.getByRole("button", { name: "Apply" }).click();
    await expect(strategy(maya.page).locator('a[href="https://example.com/pricing"]')).toBeVisible();
    expect(dialogs).toBe(0);
  });
});
