import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "./paths";
import type { Logger } from "./logger";

/** Everything that goes into the Remix build; a newer file here means a rebuild. */
const INPUTS = ["app", "db", "vite.config.ts", "package-lock.json", "tsconfig.json"];
export const SERVER_BUILD = path.join(PROJECT_ROOT, "build/server/index.js");

const LOCK = path.join(PROJECT_ROOT, ".build-lock");
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 3 * 60_000;

/**
 * Builds the app when the build is missing or older than its sources. Two
 * processes starting at once (a server and a test run) take turns through a
 * lock directory, and the second finds the build fresh.
 */
export async function ensureBuild(log: Logger): Promise<void> {
  if (isFresh()) return;
  await withLock(async () => {
    if (isFresh()) return;
    log.info("building the app (first start or changed sources)");
    await runBuild();
  });
}

function isFresh(): boolean {
  return existsSync(SERVER_BUILD) && statSync(SERVER_BUILD).mtimeMs >= newestInput();
}

async function withLock(work: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      } else {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else if (!p.endsWith(".test.ts")) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const input of INPUTS) visit(path.join(PROJECT_ROOT, input));
  return newest;
}

function runBuild(): Promise<void> {
  const cli = createRequire(import.meta.url).resolve("@remix-run/dev/dist/cli.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "vite:build"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The build failed (exit code ${code}).`)),
    );
  });
}
