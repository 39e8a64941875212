import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "../../server/embedded-postgres";
import { PROJECT_ROOT } from "../../server/paths";
import { startServerProcess } from "./server-process";
import type { Target } from "./target";

/**
 * The reference: `@y/websocket-server`'s own server (its `y-websocket-server`
 * bin), in memory, no persistence, no auth. It names a document by the URL
 * path, so `/collab/<planId>` works as is and the `?token=` is ignored.
 */
export async function startReference(options: { nodeArgs?: string[] } = {}): Promise<Target> {
  const require = createRequire(path.join(PROJECT_ROOT, "package.json"));
  const bin = path.join(path.dirname(require.resolve("@y/websocket-server/package.json")), "src/server.js");
  // The bin prints the port it was given, not the one it got: choose one.
  const port = await freePort();
  const { server } = await startServerProcess({
    name: "@y/websocket-server",
    cwd: PROJECT_ROOT,
    args: [...(options.nodeArgs ?? []), bin],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: "127.0.0.1",
      PORT: String(port),
      NODE_ENV: "production",
    },
    ready: /running at '127\.0\.0\.1' on port (\d+)/,
    timeoutMs: 30_000,
  });
  return {
    kind: "reference",
    label: "@y/websocket-server",
    pid: server.pid,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    newPlans: async (count) => Array.from({ length: count }, () => randomUUID()),
    params: () => ({}),
    unloadMs: 0,
    helperCpuMicros: () => 0,
    onLine: server.onLine,
    stop: () => server.stop(),
  };
}
