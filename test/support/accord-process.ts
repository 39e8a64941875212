import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../server/paths";

/** An `npm start`-style Accord process, as the tests run it. */
export interface AccordProcess {
  child: ChildProcess;
  pid: number;
  /** The URL the banner printed, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** Sends `signal` (SIGTERM by default) and waits for the exit, failing after `timeoutMs`. */
  stop: (
    signal?: NodeJS.Signals,
    timeoutMs?: number,
  ) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns the real CLI, `node --import tsx server/main.ts` (what `npm start`
 * runs), with the test runner's environment minus DATABASE_URL and plus
 * `env`, and waits until it prints its start banner. Defaults: PORT=0 (a free
 * port, read back from the banner), HOST=127.0.0.1, NODE_ENV=production,
 * LOG_LEVEL=warn.
 */
export async function startAccordProcess(
  env: Record<string, string | undefined>,
  options: { timeoutMs?: number } = {},
): Promise<AccordProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  delete childEnv.DATABASE_URL;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }

  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: PROJECT_ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  const timeoutMs = options.timeoutMs ?? 90_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Accord did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = () => {
      const match = /Accord is running at (http:\/\/\S+)/.exec(output);
      if (match && output.includes("Press Ctrl+C to stop.")) finish(undefined, match[1]);
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`Accord exited (code ${code}, signal ${signal}) before it started:\n${output}`));
    function finish(error?: Error, found?: string) {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stderr.off("data", onData);
      child.off("exit", onExit);
      if (error) {
        child.kill("SIGKILL");
        reject(error);
      } else resolve(found!);
    }
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", onExit);
  });

  return {
    child,
    pid: child.pid!,
    url,
    output: () => output,
    stop: async (signal = "SIGTERM", ms = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Accord did not exit within ${ms} ms of ${signal}:\n${output}`)),
          ms,
        );
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * PostgreSQL postmasters whose command line names `<dataDir>/postgres`: what an
 * Accord process on that DATA_DIR left running. Linux only (reads /proc).
 */
export function postmastersOf(dataDir: string): number[] {
  const cluster = path.join(dataDir, "postgres");
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const args = cmdline.split("\0");
    if (args.some((a) => a.endsWith("postgres") || a.endsWith("postmaster")) && args.includes(cluster)) {
      pids.push(Number(entry));
    }
  }
  return pids;
}
