import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in a real Chromium against the real production server.
 * test/e2e/global-setup.ts starts PostgreSQL, a seeded database and Accord on
 * a random port, and hands the URL to the workers in ACCORD_URL; specs import
 * `test` from test/e2e/fixtures.ts, whose `baseURL` reads it.
 */
export default defineConfig({
  testDir: "test/e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./test/e2e/global-setup.ts",
  workers: 2,
  // No retries, in CI either: a flaky test is a bug to fix, not to hide.
  retries: 0,
  // Two workers, two browsers and the server share two cores in CI: a client
  // navigation whose loader reads a plan document can take longer than
  // Playwright's 5 s default there.
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  outputDir: "test-results",
  use: {
    // Defined in the workers (global setup sets it before they start); the
    // fixtures read it too, so specs need not rely on this line.
    baseURL: process.env.ACCORD_URL,
    screenshot: "only-on-failure",
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
});
