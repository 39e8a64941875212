import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { appendUpdate, appendUpdates, loadDocument } from "../../db/queries/documents";
import { insertPlan } from "../../db/queries/plans";
import { createSql, type Sql } from "../../db/sql";
import { createPgPersistence, type PgPersistence } from "../../server/persistence/pg-persistence";
import { captureLog } from "../support/capture-log";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  createEditor,
  docOf,
  projection,
  randomEdit,
  seededRandom,
  syncEditors,
  type Editor,
} from "../support/doc-edits";
import { createWorkspaceWithOwner } from "../support/factories";
import { testLogger } from "../support/log";

/**
 * Compaction (server/persistence/compaction.ts): the snapshot holds what the
 * log held, and racing writers, in this process or another, lose nothing.
 */

let db: TestDatabase;
/** A second pool on the same database: another server process. */
let otherSql: Sql;
let workspaceId: string;
let ownerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  otherSql = createSql(db.url, { max: 5 });
  const { workspace, owner } = await createWorkspaceWithOwner(db.sql);
  workspaceId = workspace.id;
  ownerId = owner.user.id;
});

afterAll(async () => {
  await otherSql?.end({ timeout: 5 });
  await db?.drop();
});

async function newPlan(): Promise<string> {
  const plan = await insertPlan(db.sql, {
    workspaceId,
    title: "Doc",
    period: "2027-Q2",
    currency: "USD",
    createdBy: ownerId,
  });
  return plan.id;
}

const rowCount = async (planId: string) => {
  const [row] = await db.sql<
    { n: number }[]
  >`select count(*)::int as n from doc_updates where plan_id = ${planId}`;
  return row!.n;
};

const snapshotOf = async (planId: string) => {
  const [row] = await db.sql<{ coversSeq: bigint; bytes: number }[]>`
    select covers_seq as "coversSeq", octet_length(state) as bytes from doc_snapshots where plan_id = ${planId}`;
  return row;
};

function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.decodeStateVector(Y.encodeStateVector(actual))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(expected)),
  );
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true);
  expect(projection(actual)).toEqual(projection(expected));
}

/** A fresh process's view of the plan. */
async function loadFresh(planId: string): Promise<Y.Doc> {
  const persistence = createPgPersistence(db.sql, testLogger());
  const doc = await persistence.load(planId);
  await persistence.close();
  return doc;
}

/** `count` random edits by `editor`, all returned and each written as a log row of its own. */
async function editAndStore(
  editor: Editor,
  persistence: PgPersistence,
  planId: string,
  count: number,
  seed: number,
) {
  const random = seededRandom(seed);
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    randomEdit(editor.doc, random);
    for (const update of editor.take()) {
      updates.push(update);
      persistence.store(planId, update);
    }
    await persistence.flush(planId);
  }
  return updates;
}

const noAutoCompaction = { compactThreshold: 1_000_000 };

describe("compaction", () => {
  test("the snapshot holds what the log held; the merged rows are gone", async () => {
    const planId = await newPlan();
    const { log, find } = captureLog();
    const persistence = createPgPersistence(db.sql, log, noAutoCompaction);
    const editor = createEditor();
    const all = await editAndStore(editor, persistence, planId, 500, 1);
    expect(await rowCount(planId)).toBe(500);
    const [maxSeq] = await db.sql<
      { seq: bigint }[]
    >`select max(seq) as seq from doc_updates where plan_id = ${planId}`;

    const result = await persistence.compact(planId);
    console.log("compaction of 500 rows:", result);
    expect(result).toMatchObject({ compacted: true, merged: 500 });
    if (!result.compacted) throw new Error("not compacted");
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore); // merged and garbage-collected
    expect(await rowCount(planId)).toBe(0);
    expect(await snapshotOf(planId)).toEqual({ coversSeq: maxSeq!.seq, bytes: result.bytesAfter });
    expect(find("compact")[0]).toMatchObject({
      planId,
      merged: 500,
      bytesBefore: result.bytesBefore,
      bytesAfter: result.bytesAfter,
    });
    expectSameDoc(await loadFresh(planId), docOf(all));

    // Later edits go to the log again, and load applies them over the snapshot.
    all.push(...(await editAndStore(editor, persistence, planId, 10, 2)));
    expect(await rowCount(planId)).toBe(10);
    expectSameDoc(await loadFresh(planId), docOf(all));
    expect(await persistence.compact(planId)).toMatchObject({ compacted: true, merged: 10 });
    expect((await snapshotOf(planId))!.coversSeq).toBeGreaterThan(maxSeq!.seq);
    expectSameDoc(await loadFresh(planId), docOf(all));
    expect(await persistence.compact(planId)).toEqual({ compacted: false, reason: "small", updates: 0 });
    await persistence.close();
  });

  test("a long log: 5,000 rows", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const random = seededRandom(5);
    const all: Uint8Array[] = [];
    for (let i = 0; i < 5000; i++) {
      randomEdit(editor.doc, random);
      all.push(...editor.take());
    }
    for (let i = 0; i < all.length; i += 1000) await appendUpdates(db.sql, planId, all.slice(i, i + 1000));
    expect(await rowCount(planId)).toBe(5000);
    const persistence = createPgPersistence(db.sql, testLogger(), noAutoCompaction);
    const loadStarted = performance.now();
    expectSameDoc(await persistence.load(planId), docOf(all));
    const loadMs = performance.now() - loadStarted;
    const result = await persistence.compact(planId);
    const afterStarted = performance.now();
    expectSameDoc(await loadFresh(planId), docOf(all));
    console.log(
      "5,000 rows: load ms",
      Math.round(loadMs),
      "compaction",
      result,
      "load after ms",
      Math.round(performance.now() - afterStarted),
    );
    expect(result).toMatchObject({ compacted: true, merged: 5000 });
    await persistence.close();
  });

  test("starts by itself past the threshold, in the background", async () => {
    const planId = await newPlan();
    const { log, find } = captureLog();
    const persistence = createPgPersistence(db.sql, log, { compactThreshold: 40 });
    const all = await editAndStore(createEditor(), persistence, planId, 150, 3);
    await persistence.close(); // waits for a compaction under way
    expect(find("compact").length).toBeGreaterThanOrEqual(2);
    expect(await rowCount(planId)).toBeLessThan(40);
    expect(await snapshotOf(planId)).toBeDefined();
    expectSameDoc(await loadFresh(planId), docOf(all));
  });

  test("a long history is compacted when it is loaded", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    const random = seededRandom(9);
    const all: Uint8Array[] = [];
    for (let i = 0; i < 60; i++) {
      randomEdit(editor.doc, random);
      all.push(...editor.take());
    }
    await appendUpdates(db.sql, planId, all);
    const persistence = createPgPersistence(db.sql, testLogger(), { compactThreshold: 50 });
    expectSameDoc(await persistence.load(planId), docOf(all));
    await persistence.close();
    expect(await rowCount(planId)).toBe(0);
    expectSameDoc(await loadFresh(planId), docOf(all));
  });

  test("updates whose dependencies are not stored yet survive it", async () => {
    const planId = await newPlan();
    const editor = createEditor();
    editor.doc.getText("notes").insert(0, "hello");
    const [first] = editor.take();
    editor.doc.getText("notes").insert(5, " world");
    const [second] = editor.take();
    const persistence = createPgPersistence(db.sql, testLogger(), noAutoCompaction);
    persistence.store(planId, second!); // arrives first, e.g. from another process
    await persistence.flush(planId);
    expect(await persistence.compact(planId)).toMatchObject({ compacted: true, merged: 1 });
    persistence.store(planId, first!);
    await persistence.flush(planId);
    expect(projection(await loadFresh(planId)).notes).toBe("hello world");
    await persistence.compact(planId);
    expect(projection(await loadFresh(planId)).notes).toBe("hello world");
    await persistence.close();
  });
});

describe("several processes", () => {
  test("interleaved stores from two processes are all loaded", async () => {
    const planId = await newPlan();
    const one = createPgPersistence(db.sql, testLogger(), noAutoCompaction);
    const two = createPgPersistence(otherSql, testLogger(), noAutoCompaction);
    const [alice, bob] = [createEditor(), createEditor()];
    const random = seededRandom(21);
    const all: Uint8Array[] = [];
    for (let i = 0; i < 300; i++) {
      const [editor, persistence] = random() < 0.5 ? [alice, one] : [bob, two];
      randomEdit(editor.doc, random);
      for (const update of editor.take()) {
        all.push(update);
        persistence.store(planId, update);
      }
      if (random() < 0.1) syncEditors(alice, bob);
      if (random() < 0.1) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all([one.close(), two.close()]);
    expectSameDoc(await loadFresh(planId), docOf(all));
    syncEditors(alice, bob);
    syncEditors(bob, alice);
    expect(projection(await loadFresh(planId))).toEqual(projection(alice.doc));
  });

  test("stores racing compactions in both processes lose nothing", async () => {
    const planId = await newPlan();
    const one = createPgPersistence(db.sql, testLogger(), noAutoCompaction);
    const two = createPgPersistence(otherSql, testLogger(), noAutoCompaction);
    const [alice, bob] = [createEditor(), createEditor()];
    const before = await editAndStore(alice, one, planId, 300, 31);
    const results = await Promise.all([
      one.compact(planId),
      editAndStore(alice, one, planId, 100, 32),
      editAndStore(bob, two, planId, 100, 33),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return two.compact(planId);
      })(),
    ]);
    const [first, fromAlice, fromBob, second] = results;
    console.log("racing compactions:", first, second);
    expect(first.compacted || second.compacted).toBe(true);
    await Promise.all([one.close(), two.close()]);
    expectSameDoc(await loadFresh(planId), docOf([...before, ...fromAlice, ...fromBob]));
  });

  test("a row that commits after a compaction with a higher seq is still loaded", async () => {
    // Identity values are taken at insert and become visible at commit: here the
    // slow writer's row gets the lower seq but commits after compaction covered a higher one.
    const planId = await newPlan();
    const editor = createEditor();
    editor.doc.getMap("meta").set("slow", "writer");
    const [slow] = editor.take();
    editor.doc.getMap("meta").set("fast", "writer");
    const [fast] = editor.take();
    const persistence = createPgPersistence(otherSql, testLogger(), noAutoCompaction);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let slowSeq = 0n;
    const slowWriter = db.sql.begin(async (tx) => {
      slowSeq = await appendUpdate(tx, planId, slow!);
      await released;
    });
    while (slowSeq === 0n) await new Promise((resolve) => setTimeout(resolve, 1));

    persistence.store(planId, fast!);
    await persistence.flush(planId);
    expect(await persistence.compact(planId)).toMatchObject({ compacted: true, merged: 1 });
    release();
    await slowWriter;

    const snapshot = await snapshotOf(planId);
    expect(slowSeq).toBeLessThan(snapshot!.coversSeq);
    expect((await loadDocument(db.sql, planId)).updates.map((u) => u.seq)).toEqual([slowSeq]);
    expect(projection(await loadFresh(planId)).meta).toEqual({ slow: "writer", fast: "writer" });
    expect(await persistence.compact(planId)).toMatchObject({ compacted: true, merged: 1 });
    expect(projection(await loadFresh(planId)).meta).toEqual({ slow: "writer", fast: "writer" });
    await persistence.close();
  });
});
