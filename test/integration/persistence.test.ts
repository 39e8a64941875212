import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { insertPlan } from "../../db/queries/plans";
import type { Sql } from "../../db/sql";
import type { DocPersistence } from "../../server/persistence/doc-persistence";
import { createPgPersistence } from "../../server/persistence/pg-persistence";
import { captureLog } from "../support/capture-log";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createEditor, docOf, projection, randomEdit, seededRandom, syncEditors } from "../support/doc-edits";
import { createWorkspaceWithOwner } from "../support/factories";
import { testLogger } from "../support/log";

/** Group commit, load and their contract (server/persistence/doc-persistence.ts) on real PostgreSQL. */

let db: TestDatabase;
let workspaceId: string;
let ownerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const { workspace, owner } = await createWorkspaceWithOwner(db.sql);
  workspaceId = workspace.id;
  ownerId = owner.user.id;
});

afterAll(async () => {
  await db?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newPlan(): Promise<string> {
  const plan = await insertPlan(db.sql, {
    workspaceId,
    title: "Doc",
    period: "2027-Q1",
    currency: "EUR",
    createdBy: ownerId,
  });
  return plan.id;
}

const rowCount = async (sql: Sql, planId: string) => {
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n from doc_updates where plan_id = ${planId}`;
  return row!.n;
};

/** Both documents hold the same operations and the same deletions, and read the same. */
function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.decodeStateVector(Y.encodeStateVector(actual))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(expected)),
  );
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true);
  expect(projection(actual)).toEqual(projection(expected));
}

/**
 * Milliseconds from each store() to the onCommit that covered it. The commit
 * covering update i is the first one after which fewer than (stored - i) are
 * pending.
 */
function trackLatency(persistence: DocPersistence, planId: string) {
  const storedAt: number[] = [];
  const latencies: number[] = [];
  const stop = persistence.onCommit((id) => {
    if (id !== planId) return;
    const now = performance.now();
    const committed = storedAt.length - persistence.pendingCount(planId);
    while (latencies.length < committed) latencies.push(now - storedAt[latencies.length]!);
  });
  return {
    store(update: Uint8Array) {
      storedAt.push(performance.now());
      persistence.store(planId, update);
    },
    latencies,
    stop,
  };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

describe("round trip", () => {
  test("1,000 random updates from four editors come back as the same document", async () => {
    const planId = await newPlan();
    const random = seededRandom(20270101);
    const editors = Array.from({ length: 4 }, createEditor);
    const all: Uint8Array[] = [];
    const persistence = createPgPersistence(db.sql, testLogger(), { compactThreshold: 1_000_000 });
    const timing = trackLatency(persistence, planId);
    for (let i = 0; i < 1000; i++) {
      const editor = editors[Math.floor(random() * editors.length)]!;
      randomEdit(editor.doc, random);
      for (const update of editor.take()) {
        all.push(update);
        timing.store(update);
      }
      // Editors see each other's work now and then, so later edits build on concurrent ones.
      if (random() < 0.2) syncEditors(editors[Math.floor(random() * 4)]!, editors[Math.floor(random() * 4)]!);
      if (random() < 0.05) await sleep(Math.floor(random() * 8));
    }
    expect(all).toHaveLength(1000);
    await persistence.flush(planId);
    expect(persistence.pendingCount(planId)).toBe(0);
    await persistence.close();
    console.log(
      "round trip: commit latency ms",
      percentiles(timing.latencies),
      "rows",
      await rowCount(db.sql, planId),
    );

    const rows = await rowCount(db.sql, planId);
    expect(rows).toBeGreaterThan(1);
    expect(rows).toBeLessThan(1000);

    const fresh = createPgPersistence(db.sql, testLogger());
    const loaded = await fresh.load(planId);
    const expected = docOf(all);
    expectSameDoc(loaded, expected);
    expect(loaded.gc).toBe(true);
    // The editors, once in sync, agree with what was stored.
    for (const a of editors) for (const b of editors) syncEditors(a, b);
    for (const editor of editors) expect(projection(editor.doc)).toEqual(projection(loaded));
    await fresh.close();
  });

  test("a plan with nothing stored loads as an empty document", async () => {
    const persistence = createPgPersistence(db.sql, testLogger());
    const doc = await persistence.load(await newPlan());
    expect(Y.encodeStateVector(doc)).toEqual(new Uint8Array([0]));
    await persistence.close();
  });
});

describe("group commit", () => {
  test("a burst of 200 updates is written in far fewer rows, each committed promptly", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const random = seededRandom(7);
    const persistence = createPgPersistence(db.sql, testLogger());
    const timing = trackLatency(persistence, planId);
    const all: Uint8Array[] = [];
    for (let i = 0; i < 200; i++) {
      randomEdit(editor.doc, random);
      for (const update of editor.take()) {
        all.push(update);
        timing.store(update);
      }
      if (i % 10 === 9) await sleep(1);
    }
    await persistence.flush(planId);
    const stats = percentiles(timing.latencies);
    const rows = await rowCount(db.sql, planId);
    console.log("burst of 200: commit latency ms", stats, "rows", rows);
    expect(timing.latencies).toHaveLength(200);
    expect(rows).toBeLessThan(50);
    // The promise is 100 ms; a loaded 2-core CI machine gets slack. The benchmark measures the real p99.
    expect(stats.max).toBeLessThan(1000);
    await persistence.close();

    const fresh = createPgPersistence(db.sql, testLogger());
    expectSameDoc(await fresh.load(planId), docOf(all));
    await fresh.close();
  });

  test("pendingCount, flush and onCommit follow the commits", async () => {
    const planId = await newPlan();
    const other = await newPlan();
    const editor = createEditor();
    // A long batching delay: only flush() makes it write now.
    const persistence = createPgPersistence(db.sql, testLogger(), { commitIntervalMs: 60_000 });
    const commits: string[] = [];
    const unsubscribe = persistence.onCommit((id) => commits.push(id));

    expect(persistence.pendingCount(planId)).toBe(0);
    await persistence.flush(planId); // nothing to do: resolves at once
    for (let i = 0; i < 3; i++) {
      editor.doc.getText("notes").insert(0, `line ${i} `);
      for (const update of editor.take()) persistence.store(planId, update);
    }
    expect(persistence.pendingCount(planId)).toBe(3);
    expect(persistence.pendingCount(other)).toBe(0);
    await sleep(50);
    expect(await rowCount(db.sql, planId)).toBe(0);

    await persistence.flush(planId);
    expect(persistence.pendingCount(planId)).toBe(0);
    expect(await rowCount(db.sql, planId)).toBe(1); // three updates merged into one row
    expect(commits).toEqual([planId]);

    unsubscribe();
    editor.doc.getText("notes").insert(0, "after ");
    for (const update of editor.take()) persistence.store(planId, update);
    await persistence.flush(planId);
    expect(commits).toEqual([planId]);
    await persistence.close();
  });

  test("load includes updates stored in this process and not yet committed", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const random = seededRandom(3);
    const persistence = createPgPersistence(db.sql, testLogger(), { commitIntervalMs: 60_000 });
    const all: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) {
      randomEdit(editor.doc, random);
      if (i === 10) await persistence.flush(planId); // half committed, half pending
      for (const update of editor.take()) {
        all.push(update);
        persistence.store(planId, update);
      }
    }
    expect(persistence.pendingCount(planId)).toBeGreaterThan(0);
    expectSameDoc(await persistence.load(planId), docOf(all));
    await persistence.close();
    expect(persistence.pendingCount(planId)).toBe(0);
  });

  test("close() writes what is still queued", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const persistence = createPgPersistence(db.sql, testLogger(), { commitIntervalMs: 60_000 });
    editor.doc.getMap("meta").set("title", "Q1 plan");
    for (const update of editor.take()) persistence.store(planId, update);
    await persistence.close();
    expect(await rowCount(db.sql, planId)).toBe(1);
  });

  test("updates of a deleted plan are dropped with an error line, not retried forever", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const { log, find } = captureLog();
    const persistence = createPgPersistence(db.sql, log);
    editor.doc.getMap("meta").set("title", "doomed");
    for (const update of editor.take()) persistence.store(planId, update);
    await persistence.flush(planId);
    await db.sql`delete from plans where id = ${planId}`;
    expect(await rowCount(db.sql, planId)).toBe(0); // cascade

    editor.doc.getMap("meta").set("title", "too late");
    for (const update of editor.take()) persistence.store(planId, update);
    await persistence.flush(planId);
    expect(persistence.pendingCount(planId)).toBe(0);
    expect(find("commit refused by the database; updates dropped")).toHaveLength(1);
    expect(find("commit failed, retrying")).toHaveLength(0);
    await persistence.close();
  });
});

describe("bad input", () => {
  test("an update Yjs cannot read is kept as it came, skipped on load, and harms none of its batch", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const { log, find } = captureLog();
    const persistence = createPgPersistence(db.sql, log);
    editor.doc.getText("notes").insert(0, "before ");
    for (const update of editor.take()) persistence.store(planId, update);
    persistence.store(planId, new Uint8Array([255, 255, 255, 1, 2, 3]));
    editor.doc.getText("notes").insert(7, "after");
    for (const update of editor.take()) persistence.store(planId, update);
    await persistence.flush(planId);
    expect(find("updates could not be merged; writing one row each")).toHaveLength(1);
    expect(await rowCount(db.sql, planId)).toBe(3);

    const reader = createPgPersistence(db.sql, log);
    expect(projection(await reader.load(planId)).notes).toBe("before after");
    expect(find("stored update unreadable, skipped")).toHaveLength(1);
    // Compaction merges the readable rows and leaves the other where it is.
    expect(await reader.compact(planId)).toMatchObject({ compacted: true, merged: 2 });
    expect(await rowCount(db.sql, planId)).toBe(1);
    expect(projection(await reader.load(planId)).notes).toBe("before after");
    await Promise.all([persistence.close(), reader.close()]);
  });
});

describe("load", () => {
  test("concurrent loads of one plan share one read and one document", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const random = seededRandom(11);
    const writer = createPgPersistence(db.sql, testLogger());
    const all: Uint8Array[] = [];
    for (let i = 0; i < 100; i++) {
      randomEdit(editor.doc, random);
      for (const update of editor.take()) {
        all.push(update);
        writer.store(planId, update);
      }
      if (i % 10 === 0) await writer.flush(planId);
    }
    await writer.close();

    const { log, find } = captureLog();
    const reader = createPgPersistence(db.sql, log);
    const docs = await Promise.all(Array.from({ length: 5 }, () => reader.load(planId)));
    for (const doc of docs) expect(doc).toBe(docs[0]);
    expectSameDoc(docs[0]!, docOf(all));
    const [line, ...more] = find("load");
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({
      planId,
      updates: await rowCount(db.sql, planId),
      snapshot: false,
      pending: 0,
    });
    expect(line!.bytes).toBeGreaterThan(0);
    expect(typeof line!.ms).toBe("number");
    // Identifiers and sizes only, never document contents.
    expect(Object.keys(line!).sort()).toEqual([
      "app",
      "bytes",
      "level",
      "module",
      "ms",
      "msg",
      "pending",
      "planId",
      "snapshot",
      "time",
      "updates",
    ]);

    // Once a load has finished, the next one reads again and gets a document of its own.
    const again = await reader.load(planId);
    expect(again).not.toBe(docs[0]);
    expect(find("load")).toHaveLength(2);
    expectSameDoc(again, docs[0]!);
    await reader.close();
  });
});
