import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { createSql, type Sql } from "../../db/sql";
import { buildUser, type BuiltUser } from "../support/build-user";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";

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

export type DemoKey = "owner" | "maya" | "sam" | "lena" | "raj" | "vic";

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

/** The browser contexts openAs opened in the running test; the `closeOpened` fixture closes them. */
const opened: BrowserContext[] = [];

/**
 * Playwright's `test` pointed at the e2e server (`page.goto("/plans")` works),
 * plus `user`: fresh, unique sign-up values per test. Contexts made by
 * openAs are closed when each test ends.
 */
export const test = base.extend<{ user: BuiltUser; closeOpened: void }, { closeE2eSql: void }>({
  // `provide`, not Playwright's usual `use`: the React hooks lint rule takes `use` for a hook.
  baseURL: async ({}, provide) => {
    await provide(accordUrl());
  },
  user: async ({}, provide) => {
    await provide(buildUser());
  },
  closeOpened: [
    async ({}, provide) => {
      await provide();
      await Promise.all(opened.splice(0).map((context) => context.close()));
    },
    { auto: true },
  ],
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

/** A seeded person by key, or anyone with an e-mail and password (e.g. a factory's CreatedMember). */
export type Who = DemoKey | { email: string; password: string };

/** One person in a browser context of their own. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

/**
 * Opens a new browser context on the e2e server, logs `who` in there and
 * returns it; the context is closed when the test ends. `options` replace
 * the default 1280×900 viewport (`{}` keeps the project's).
 */
export async function openAs(
  browser: Browser,
  who: Who,
  options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } },
): Promise<Person> {
  const context = await browser.newContext({ baseURL: accordUrl(), ...options });
  opened.push(context);
  const page = await context.newPage();
  const { email, password } = typeof who === "string" ? DEMO[who] : who;
  await login(page, email, password);
  return { context, page };
}

/** A new plan (from the template) made through the API as `page`'s user; its id. Currency defaults to EUR. */
export async function createPlanViaApi(
  page: Page,
  data: { title: string; period: string; currency?: string },
): Promise<string> {
  const response = await page.request.post("/api/plans", {
    data: { title: data.title, period: data.period, currency: data.currency ?? "EUR" },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { plan: { id: string } }).plan.id;
}

/**
 * A workspace of its own with an owner and a commenter in sales, so the demo
 * workspace's members stay as other specs expect.
 */
export async function commenterWorkspace(): Promise<{ owner: CreatedMember; commenter: CreatedMember }> {
  const { workspace, owner } = await createWorkspaceWithOwner(e2eSql());
  const commenter = await createMember(e2eSql(), {
    workspaceId: workspace.id,
    role: "commenter",
    team: "sales",
  });
  return { owner, commenter };
}
