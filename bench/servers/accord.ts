import { mintCollabToken } from "../../server/collab/tokens";
import { PROJECT_ROOT } from "../../server/paths";
import type { BenchDatabase } from "./database";
import { startServerProcess } from "./server-process";
import type { Target } from "./target";

/**
 * Accord as `npm start` runs it (`node --import tsx server/main.ts`, the
 * production build), on the bench's database, with persistence on. Clients
 * authenticate with `?token=`s the bench mints itself: it chose SESSION_SECRET.
 *
 * `root` (BENCH_ACCORD_DIR) runs the server of another checkout, e.g. a git
 * worktree with a change to measure; by default this one.
 */
export async function startAccord(
  db: BenchDatabase,
  options: {
    dataDir: string;
    sessionSecret: string;
    env?: Record<string, string>;
    nodeArgs?: string[];
    root?: string;
  },
): Promise<Target> {
  const { server, match } = await startServerProcess({
    name: "Accord",
    cwd: options.root ?? PROJECT_ROOT,
    args: [...(options.nodeArgs ?? []), "--import", "tsx", "server/main.ts"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      DATA_DIR: options.dataDir,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      SESSION_SECRET: options.sessionSecret,
      ...options.env,
    },
    ready: /Accord is running at (http:\/\/\S+)[\s\S]*Press Ctrl\+C to stop\./,
  });
  const origin = match[1]!;
  return {
    kind: "accord",
    label: "Accord",
    pid: server.pid,
    collabUrl: `${origin.replace(/^http/, "ws")}/collab`,
    newPlans: (count) => db.createPlans(count),
    params: (planId) => ({
      token: mintCollabToken(options.sessionSecret, { userId: db.userId, planId, sessionId: db.sessionId })
        .token,
    }),
    // The room's 2 s grace period, its last commit, and some slack.
    unloadMs: 4_000,
    helperCpuMicros: () => db.cpuMicros(),
    onLine: server.onLine,
    stop: () => server.stop(),
  };
}
