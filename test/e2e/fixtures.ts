import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { createSql, type Sql } from "../../db/sql";
import { buildUser, type BuiltUser } from "../support/build-user";

export { expect, buildUser, type BuiltUser };

/** The origin of the server test/e2e/global-setup.ts started. */
export function accordUrl(): string {
  return requiredEnv("ACCORD_URL");
}

let pool: Sql | undefined;

/**
 * A small pool on the e2e server's database, for arranging rows with the
 * factories of test/support/factories.ts. Closed when the worker ends.
 */
export function e2eSql(): Sql {
  pool ??= createSql(requiredEnv("ACCORD_E2E_DATABASE_URL"), { max: 2 });
  return pool;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run through \`playwright test\`, whose global setup starts Accord.`);
  return value;
}

type DemoKey = "owner" | "maya" | "sam" | "lena" | "raj" | "vic";

/**
 * The seeded Northwind people by first part of their e-mail, with the shared
 * demo password: `login(page, DEMO.lena.email, DEMO.lena.password)`. The e2e
 * database is shared by all specs: change what they see only in ways other
 * specs do not depend on, or sign up a fresh user instead.
 */
export const DEMO = Object.fromEntries(
  DEMO_USERS.map((u) => [u.email.split("@")[0], { ...u, password: DEMO_PASSWORD }]),
) as Record<DemoKey, (typeof DEMO_USERS)[number] & { password: string }>;
export { DEMO_PASSWORD, DEMO_USERS };

/**
 * Playwright's `test` pointed at the e2e server (`page.goto("/plans")` works),
 * plus `user`: fresh, unique sign-up values per test.
 */
export const test = base.extend<{ user: BuiltUser }, { closeE2eSql: void }>({
  // `provide`, not Playwright's usual `use`: the React hooks lint rule takes `use` for a hook.
  baseURL: async ({}, provide) => {
    await provide(accordUrl());
  },
  user: async ({}, provide) => {
    await provide(buildUser());
  },
  closeE2eSql: [
    async ({}, provide) => {
      await provide();
      await pool?.end({ timeout: 5 });
      pool = undefined;
    },
    { scope: "worker", auto: true },
  ],
});

/** Logs in through the real form and waits until the app has left /login. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Signs up through the real form (new user and workspace) and waits for the plans page. */
export async function signup(page: Page, user: BuiltUser): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Your name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Workspace name", { exact: true }).fill(user.workspace);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/plans"));
}
