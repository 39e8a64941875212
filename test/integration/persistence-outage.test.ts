import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { insertPlan } from "../../db/queries/plans";
import { createSql, type Sql } from "../../db/sql";
import { createPgPersistence, type PgPersistence } from "../../server/persistence/pg-persistence";
import { captureLog } from "../support/capture-log";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createEditor, docOf, projection, randomEdit, seededRandom, type Editor } from "../support/doc-edits";
import { createWorkspaceWithOwner } from "../support/factories";
import { testLogger } from "../support/log";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

/**
 * PostgreSQL going away and coming back, simulated by a TCP proxy between
 * the persistence's pool and the shared test server: updates stay queued,
 * nothing throws, flush() waits, and everything is written on recovery.
 */

/** 3 s by default; e.g. `OUTAGE_MS=30000 npx vitest run test/integration/persistence-outage.test.ts`. */
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 3_000);

let db: TestDatabase;
let proxy: TcpProxy;
/** A pool that reaches the database through the proxy. */
let proxied: Sql;
let workspaceId: string;
let ownerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy(target.hostname, Number(target.port));
  proxied = createSql(proxiedUrl(), { max: 3 });
  const { workspace, owner } = await createWorkspaceWithOwner(db.sql);
  workspaceId = workspace.id;
  ownerId = owner.user.id;
});

afterAll(async () => {
  proxy?.restore();
  await proxied?.end({ timeout: 1 });
  await proxy?.close();
  await db?.drop();
});

/** The test database's URL, through a proxy. */
function proxiedUrl(through: TcpProxy = proxy): string {
  const url = new URL(db.url);
  url.hostname = "127.0.0.1";
  url.port = String(through.port);
  return url.toString();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newPlan(): Promise<string> {
  const plan = await insertPlan(db.sql, {
    workspaceId,
    title: "Doc",
    period: "2027-Q3",
    currency: "USD",
    createdBy: ownerId,
  });
  return plan.id;
}

async function loadFresh(planId: string): Promise<Y.Doc> {
  const persistence = createPgPersistence(db.sql, testLogger());
  const doc = await persistence.load(planId);
  await persistence.close();
  return doc;
}

function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.decodeStateVector(Y.encodeStateVector(actual))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(expected)),
  );
  expect(projection(actual)).toEqual(projection(expected));
}

function edit(
  editor: Editor,
  persistence: PgPersistence,
  planId: string,
  random: () => number,
  into: Uint8Array[],
) {
  randomEdit(editor.doc, random);
  for (const update of editor.take()) {
    into.push(update);
    persistence.store(planId, update);
  }
}

/**
 * Opens all of a pool's connections before a cut. postgres.js 3.4.9 drops the
 * promise of the type query it runs on a new connection, so a connection cut
 * during that query raises an unhandled rejection (porsager/postgres#1192,
 * #1223): keep cuts away from connection start-up so the tests stay about us.
 */
async function warm(pool: Sql, connections: number): Promise<void> {
  await Promise.all(Array.from({ length: connections }, () => pool`select pg_sleep(0.02)`));
}

/** Whether `promise` has settled, checked without waiting for it. */
function tracked(promise: Promise<unknown>) {
  const state = { settled: false };
  void promise.then(() => (state.settled = true));
  return state;
}

describe.each([
  { mode: "reset" as const, why: "PostgreSQL restarts: connections reset, new ones refused" },
  { mode: "blackhole" as const, why: "a network partition: nothing answers, nothing is refused" },
])(`a ${OUTAGE_MS / 1000} s outage: $why`, ({ mode }) => {
  test(
    "updates wait in memory, flush() waits, and all is committed on recovery",
    async () => {
      const plans = [await newPlan(), await newPlan()];
      const { log, find } = captureLog();
      const persistence = createPgPersistence(proxied, log);
      const editors = plans.map(() => createEditor());
      const stored = plans.map((): Uint8Array[] => []);
      const random = seededRandom(mode.length);

      // Healthy: committed as usual.
      for (let i = 0; i < 20; i++)
        plans.forEach((planId, p) => edit(editors[p]!, persistence, planId, random, stored[p]!));
      await Promise.all(plans.map((planId) => persistence.flush(planId)));

      await warm(proxied, 3);
      proxy.cut(mode);
      const cutAt = performance.now();
      const during = plans.map(() => 0);
      while (performance.now() - cutAt < OUTAGE_MS) {
        plans.forEach((planId, p) => {
          edit(editors[p]!, persistence, planId, random, stored[p]!);
          during[p]!++;
        });
        await sleep(50);
      }
      plans.forEach((planId, p) => expect(persistence.pendingCount(planId)).toBe(during[p]));
      const flushes = plans.map((planId) => persistence.flush(planId));
      const flushState = flushes.map(tracked);
      await sleep(200);
      expect(flushState.map((s) => s.settled)).toEqual([false, false]);
      // One warning per plan for the whole outage, however many retries. In a blackhole a
      // write just hangs until commitTimeoutMs (5 s), so a short outage may end before any.
      const warned = find("commit failed, retrying").map((line) => line.planId);
      expect(new Set(warned).size).toBe(warned.length);
      if (mode === "reset") expect(warned.sort()).toEqual([...plans].sort());

      proxy.restore();
      const restoredAt = performance.now();
      await Promise.all(flushes);
      console.log(`${mode} outage: committed ${Math.round(performance.now() - restoredAt)} ms after restore`);
      for (const planId of plans) expect(persistence.pendingCount(planId)).toBe(0);
      const recovered = find("commit recovered");
      expect(recovered.map((line) => line.planId).sort()).toEqual(warned.sort());
      for (const line of recovered) expect(line.attempts).toBeGreaterThan(1);
      if (mode === "reset")
        for (const line of recovered) expect(line.outageMs).toBeGreaterThanOrEqual(OUTAGE_MS - 100);
      await persistence.close();
      for (const [p, planId] of plans.entries()) expectSameDoc(await loadFresh(planId), docOf(stored[p]!));
    },
    OUTAGE_MS + 40_000,
  );
});

describe("a failover", () => {
  test("a write stuck on a connection that never answers again is given up and retried on another", async () => {
    // A proxy and pool of its own (the shared pool's connections would be stranded too),
    // with one connection open: it is the one stranded by the cut.
    const target = new URL(db.url);
    const ownProxy = await startTcpProxy(target.hostname, Number(target.port));
    const pool = createSql(proxiedUrl(ownProxy), { max: 4 });
    try {
      await warm(pool, 1);
      const planId = await newPlan();
      const { log, find } = captureLog();
      const persistence = createPgPersistence(pool, log, { commitTimeoutMs: 500 });
      const editor = createEditor();
      const all: Uint8Array[] = [];
      ownProxy.cut("blackhole");
      edit(editor, persistence, planId, seededRandom(4), all);
      const flushed = persistence.flush(planId);
      await sleep(1_000);
      expect(find("commit failed, retrying")[0]).toMatchObject({ planId, err: { code: "COMMIT_TIMEOUT" } });
      ownProxy.restore({ stranded: true });
      await flushed;
      expect(find("commit recovered")).toHaveLength(1);
      await persistence.close();
      expectSameDoc(await loadFresh(planId), docOf(all));
    } finally {
      await pool.end({ timeout: 2 }); // lets late connections finish starting; the stranded one is destroyed
      await ownProxy.close();
    }
  });
});

describe("close() during an outage", () => {
  test("waits until the database is back and the updates are written", async () => {
    const planId = await newPlan();
    const persistence = createPgPersistence(proxied, testLogger());
    const editor = createEditor();
    const all: Uint8Array[] = [];
    await warm(proxied, 3);
    proxy.cut("reset");
    for (let i = 0; i < 5; i++) edit(editor, persistence, planId, seededRandom(i), all);
    const close = persistence.close();
    const closing = tracked(close);
    await sleep(1_000);
    expect(closing.settled).toBe(false);
    expect(persistence.pendingCount(planId)).toBe(5);
    proxy.restore();
    await close;
    expect(persistence.pendingCount(planId)).toBe(0);
    expectSameDoc(await loadFresh(planId), docOf(all));
  });
});
