import { defineConfig } from "vitest/config";

/**
 * Vitest has its own config so vite.config.ts (and its Remix plugin, which
 * wants to own the dev server) never loads under test. Unit tests live beside
 * their code; test/integration runs the built app against real PostgreSQL,
 * one database per file cloned from a template (test/support/global-setup.ts).
 */
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts", "test/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    server: {
      deps: {
        // The Remix server build is plain ESM that Node loads as is in
        // production; keep it out of Vite's transform so tests run the same code.
        external: [/\/build\/server\//],
      },
    },
  },
});
