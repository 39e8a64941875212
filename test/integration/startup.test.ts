import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { postmastersOf, startAccordProcess, type AccordProcess } from "../support/accord-process";
import { TestClient } from "../support/client";
import { createTestDatabase } from "../support/database";
import { buildUser } from "../support/factories";
import { makeDataDir } from "../support/postgres-server";

/**
 * The CLI as a user runs it: `node --import tsx server/main.ts` with an
 * embedded PostgreSQL under DATA_DIR, restarted, crashed and restarted, and
 * with DATABASE_URL instead. The cases share one DATA_DIR and run in order.
 */
describe("starting and stopping the CLI", { timeout: 120_000 }, () => {
  let dataDir: string;
  const running = new Set<AccordProcess>();
  const user = buildUser();

  const start = async (env: Record<string, string | undefined> = {}) => {
    const accord = await startAccordProcess({ DATA_DIR: dataDir, ...env });
    running.add(accord);
    return accord;
  };
  const stop = async (accord: AccordProcess, signal: NodeJS.Signals = "SIGTERM") => {
    const exit = await accord.stop(signal);
    running.delete(accord);
    return exit;
  };
  const health = async (accord: AccordProcess) => {
    const response = await fetch(`${accord.url}/healthz`);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const clusterDir = () => path.join(dataDir, "postgres");

  beforeAll(async () => {
    dataDir = await makeDataDir("accord-startup-");
  });

  afterAll(async () => {
    // Whatever a failed case left behind: our node processes, then any
    // postmaster still serving the data directory.
    for (const accord of running) await accord.stop("SIGKILL").catch(() => {});
    for (const pid of postmastersOf(dataDir)) {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // already gone
      }
    }
    await waitFor(() => postmastersOf(dataDir).length === 0, 10_000);
    await rm(dataDir, { recursive: true, force: true });
  });

  test("the first start creates the cluster, prints the URL and demo logins, and stops cleanly", async () => {
    const accord = await start();
    const banner = accord.output();
    expect(accord.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/);
    expect(banner).toContain(`Accord is running at ${accord.url}`);
    expect(banner).toContain(`embedded PostgreSQL (data in ${dataDir})`);
    expect(banner).toContain(`Demo logins (password: ${DEMO_PASSWORD})`);
    for (const demo of DEMO_USERS) expect(banner).toContain(demo.email);

    expect(await health(accord)).toMatchObject({ status: 200, body: { ok: true, database: "reachable" } });
    expect(existsSync(path.join(clusterDir(), "postmaster.pid"))).toBe(true);

    const client = new TestClient(accord.url);
    const signup = await client.signup(user);
    expect(signup.headers.get("location")).toBe("/plans");
    expect(client.cookie("accord_session")).toBeTruthy();

    const started = Date.now();
    expect(await stop(accord)).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(existsSync(path.join(clusterDir(), "postmaster.pid"))).toBe(false);
    expect(postmastersOf(dataDir)).toEqual([]);
  });

  test("a second start on the same DATA_DIR keeps the data", async () => {
    const accord = await start();
    expect(accord.output()).toContain(DEMO_USERS[0]!.email);
    const client = new TestClient(accord.url);
    await client.login(user.email, user.password);
    expect(client.cookie("accord_session")).toBeTruthy();
    expect(await stop(accord)).toEqual({ code: 0, signal: null });
  });

  test("after a SIGKILL orphans its PostgreSQL, the next start still comes up", async () => {
    const crashed = await start();
    const [orphan] = postmastersOf(dataDir);
    expect(orphan).toBeDefined();
    await stop(crashed, "SIGKILL");
    // The postmaster outlives the node process that started it.
    expect(postmastersOf(dataDir)).toEqual([orphan]);

    const accord = await start();
    expect(postmastersOf(dataDir)).not.toContain(orphan);
    expect(await health(accord)).toMatchObject({ status: 200, body: { ok: true } });
    await new TestClient(accord.url).login(user.email, user.password);

    expect(await stop(accord)).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(clusterDir(), "postmaster.pid"))).toBe(false);
    expect(postmastersOf(dataDir)).toEqual([]);
  });

  test("with DATABASE_URL it uses that server and starts no PostgreSQL of its own", async () => {
    const database = await createTestDatabase();
    const emptyDataDir = await makeDataDir("accord-startup-url-");
    try {
      const accord = await startAccordProcess({ DATA_DIR: emptyDataDir, DATABASE_URL: database.url });
      running.add(accord);
      expect(accord.output()).toContain("Database: DATABASE_URL");
      expect(accord.output()).toContain(DEMO_USERS[0]!.email);
      expect(await health(accord)).toMatchObject({ status: 200, body: { ok: true } });
      expect(existsSync(path.join(emptyDataDir, "postgres"))).toBe(false);
      const [seeded] = await database.sql`select count(*)::int as n from users`;
      expect(seeded?.n).toBe(DEMO_USERS.length);
      expect(await stop(accord)).toEqual({ code: 0, signal: null });
      expect(postmastersOf(emptyDataDir)).toEqual([]);
    } finally {
      await database.drop();
      await rm(emptyDataDir, { recursive: true, force: true });
    }
  });
});

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}
