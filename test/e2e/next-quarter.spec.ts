import { DEMO, expect, login, test } from "./fixtures";

test("next quarter from this one: a copy of the plan's content in a new plan, the original untouched", async ({
  page,
}) => {
  await login(page, DEMO.raj.email, DEMO.raj.password);
  await page.getByRole("link", { name: /FY27 Q1 joint plan/ }).click();
  await page.getByRole("link", { name: "Start next quarter from this plan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "New plan" })).toBeVisible();
  await expect(page.getByLabel("Start from")).toHaveValue(/[0-9a-f-]{36}/);
  const title = `FY27 Q2 joint plan ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Period").fill("2027-Q2");
  await page.getByRole("button", { name: "Create plan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The copied campaigns and glossary are there, live in the editor.
  await expect(page.getByLabel("Campaign of Retail analytics webinar series")).toHaveValue(
    "Retail analytics webinar series",
    { timeout: 15_000 },
  );
  await expect(page.locator("#section-strategy")).toContainText("analytics layer for operations teams");

  // The plans list shows both quarters.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expect(page.getByRole("link", { name: /FY27 Q1 joint plan/ })).toBeVisible();
});
