import { DEMO, expect, login, test } from "./fixtures";
test("demo owner logs in", async ({ page }) => {
  await login(page, DEMO.owner.email, DEMO.owner.password);
  expect(new URL(page.url()).pathname).toMatch(/^\/plans/);
});
