import { buildUser, DEMO, expect, login, signup, test } from "./fixtures";

test.describe("a new team gets going", () => {
  test("sign up, create a plan, invite a colleague who joins in another browser, both see the plan", async ({
    browser,
    page,
    user,
  }) => {
    // The owner signs up and lands in an empty workspace.
    await signup(page, user);
    await expect(page.getByRole("heading", { name: "No plans yet" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Workspace" })).toHaveValue(/.+/);

    // They create the quarter's plan.
    await page.getByRole("link", { name: "Create the first plan" }).click();
    await page.getByLabel("Title").fill("Q3 launch plan");
    await page.getByLabel("Period").fill("2027-Q3");
    await page.getByRole("button", { name: "Create plan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Q3 launch plan" })).toBeVisible();
    await expect(page.getByText("Draft").first()).toBeVisible();

    // They make an invite link for a sales editor.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
    await page.getByLabel("Role", { exact: true }).last().selectOption("editor");
    await page.getByLabel("Team", { exact: true }).last().selectOption("sales");
    await page.getByRole("button", { name: "Create invite link" }).click();
    const link = await page.getByLabel("New invite link").inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{20,}$/);

    // A colleague opens it in their own browser and joins with a new account.
    const colleague = buildUser();
    const other = await browser.newContext();
    const theirs = await other.newPage();
    await theirs.goto(link);
    await expect(theirs.getByRole("heading", { name: new RegExp(`Join ${user.workspace}`) })).toBeVisible();
    await theirs.getByLabel("Your name").fill(colleague.name);
    await theirs.getByLabel("Email").fill(colleague.email);
    await theirs.getByLabel("Password").fill(colleague.password);
    await theirs.getByRole("button", { name: "Create account and join" }).click();
    await theirs.waitForURL(/\/plans$/);
    await expect(theirs.getByRole("link", { name: /Q3 launch plan/ })).toBeVisible();
    await expect(theirs.getByRole("combobox", { name: "Workspace" })).toContainText(user.workspace);

    // The owner sees the new member, with the team and role of the invite.
    await page.reload();
    // By e-mail: two members may well share a name.
    const row = page.getByRole("row").filter({ hasText: colleague.email });
    await expect(row).toBeVisible();
    await expect(row).toContainText(colleague.name);

    // Both see the same plan list.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
    await expect(page.getByRole("link", { name: /Q3 launch plan/ })).toBeVisible();

    // The link worked once: a third person cannot use it again.
    const third = await browser.newContext();
    const thirdPage = await third.newPage();
    const response = await thirdPage.goto(link);
    expect(response?.status()).toBe(404);
    await expect(thirdPage.getByText(/can.t be used/i).first()).toBeVisible();
    await other.close();
    await third.close();
  });

  test("a viewer sees plans but cannot create one", async ({ page }) => {
    await login(page, DEMO.vic.email, DEMO.vic.password);
    await expect(page.getByRole("link", { name: /FY27 Q1 joint plan/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "New plan" })).toHaveCount(0);
    const response = await page.goto("/plans/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You can't do that here" })).toBeVisible();
    // The navigation stays, so the way back is one click.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
    await expect(page).toHaveURL(/\/plans$/);
  });

  test("the login form works from the keyboard alone and says what went wrong", async ({ page }) => {
    await page.goto("/login");
    await page.keyboard.type(DEMO.maya.email); // the e-mail field has focus on arrival
    await page.keyboard.press("Tab");
    await page.keyboard.type("not the password");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert")).toHaveText("That e-mail and password do not match an account.");
    await page.getByLabel("Password").fill(DEMO.maya.password);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/plans$/);
    await expect(page.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  });

  test("log out ends the session", async ({ page }) => {
    await login(page, DEMO.sam.email, DEMO.sam.password);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login$/);
    await page.goto("/plans");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fplans$/);
  });

  test("a user in two workspaces switches between them", async ({ page, user }) => {
    await signup(page, user);
    await page.getByRole("link", { name: "New workspace" }).click();
    await page.getByLabel("Workspace name").fill(`${user.workspace} EMEA`);
    await page.getByRole("button", { name: /Create workspace/ }).click();
    await page.waitForURL(/\/plans$/);
    const switcher = page.getByRole("combobox", { name: "Workspace" });
    await expect(switcher.locator("option:checked")).toHaveText(`${user.workspace} EMEA`);
    await switcher.selectOption({ label: user.workspace });
    await expect(switcher.locator("option:checked")).toHaveText(user.workspace);
    // The page itself now belongs to the chosen workspace, not just the switcher.
    await expect(page.getByRole("main")).toContainText(user.workspace);
    await expect(page.getByRole("main")).not.toContainText(`${user.workspace} EMEA`);
  });
});
