import { afterAll, beforeAll, expect, test } from "vitest";
import { CLOSE } from "../../app/domain/collab";
import type { PlanRow } from "../../db/queries/plans";
import type { DocPersistence } from "../../server/persistence/doc-persistence";
import { createPgPersistence } from "../../server/persistence/pg-persistence";
import { TestClient } from "../support/client";
import { eventually, insertTestPlan, openPeer, sleep, storedDoc, type Peer } from "../support/collab";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { testLogger } from "../support/log";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Room lifecycle on the real server and database: one load for concurrent
 * first joins, unload after the grace period, no lost edits when someone
 * joins around an unload, and a shutdown that flushes.
 */

const GRACE_MS = 150;
/** Widens the window in which an unload waits for Postgres, where a join must not get lost. */
const FLUSH_DELAY_MS = 60;
let database: TestDatabase;
let persistence: DocPersistence;
let loads: string[];
let accord: TestServer;
let workspaceId: string;
let owner: CreatedMember;
let client: TestClient;

async function newPlan(): Promise<PlanRow> {
  return insertTestPlan(accord.sql, { workspaceId, createdBy: owner.user.id, currency: "EUR" });
}

/** Postgres persistence that counts the room's loads and takes a while to flush, as under load. */
function countingPersistence(): DocPersistence {
  const inner = createPgPersistence(database.sql, testLogger());
  return {
    ...inner,
    load: (planId) => {
      loads.push(planId);
      return inner.load(planId);
    },
    flush: async (planId) => {
      await sleep(FLUSH_DELAY_MS);
      await inner.flush(planId);
    },
  };
}

async function start(): Promise<void> {
  persistence = countingPersistence();
  accord = await startTestServer({ database, persistence, collab: { unloadGraceMs: GRACE_MS } });
  client = new TestClient(accord.url);
  await accord.sql`delete from rate_limits`;
  const editor = await createMember(accord.sql, { workspaceId, role: "editor" });
  await client.login(editor.email, editor.password);
}

async function stop(): Promise<void> {
  await accord.close();
  await persistence.close();
}

beforeAll(async () => {
  loads = [];
  database = await createTestDatabase();
  const home = await createWorkspaceWithOwner(database.sql);
  workspaceId = home.workspace.id;
  owner = home.owner;
  await start();
});

afterAll(async () => {
  await stop();
  await database?.drop();
});

test("concurrent first connections to a plan share one load", async () => {
  const plan = await newPlan();
  const peers = Array.from({ length: 8 }, () => openPeer(accord.url, plan.id, { client }));
  try {
    await Promise.all(peers.map((peer) => peer.synced));
    expect(loads.filter((id) => id === plan.id)).toHaveLength(1);
    expect(accord.server.collab.room(plan.id)?.connectionCount).toBe(8);
  } finally {
    for (const peer of peers) peer.destroy();
  }
});

test("an empty room is flushed and unloaded after the grace period", async () => {
  const plan = await newPlan();
  const peer = openPeer(accord.url, plan.id, { client });
  await peer.synced;
  peer.doc.getText("strategy").insert(0, "kept");
  await eventually(() =>
    expect(accord.server.collab.room(plan.id)?.doc.getText("strategy").toString()).toBe("kept"),
  );
  peer.destroy();
  await sleep(GRACE_MS / 2);
  expect(accord.server.collab.room(plan.id)).toBeDefined();
  await eventually(() => expect(accord.server.collab.room(plan.id)).toBeUndefined());
  // Rooms of the earlier tests go the same way: nobody is in any of them.
  await eventually(() => expect(accord.server.collab.roomCount()).toBe(0));
  expect(persistence.pendingCount(plan.id)).toBe(0);
  expect((await storedDoc(accord.sql, plan.id)).getText("strategy").toString()).toBe("kept");
});

test("whoever joins 0 to 2 grace periods after the last one left sees every edit", async () => {
  const plan = await newPlan();
  const expected: string[] = [];
  for (let round = 0; round < 20; round++) {
    // Each round's member sees everything so far, adds a marker and leaves at once (the update may
    // still be in the server's batch and the commit queue). A quarter of the pauses are spread over
    // two grace periods, the others aim at the moment the unload waits for Postgres.
    const peer: Peer = openPeer(accord.url, plan.id, { client });
    await peer.synced;
    const text = peer.doc.getText("strategy");
    expect(text.toString(), `round ${round}`).toBe(expected.join(""));
    // Write once an unload that was under way when we joined has had time to finish.
    await sleep(FLUSH_DELAY_MS + 20);
    const marker = `<${round}>`;
    text.insert(text.length, marker);
    expected.push(marker);
    peer.destroy();
    const pause = round % 4 === 3 ? Math.random() * 2 * GRACE_MS : GRACE_MS + Math.random() * FLUSH_DELAY_MS;
    await sleep(pause);
  }
  // And once the room is surely gone, everything comes back from Postgres.
  await eventually(() => expect(accord.server.collab.room(plan.id)).toBeUndefined());
  const last = openPeer(accord.url, plan.id, { client });
  await last.synced;
  expect(last.doc.getText("strategy").toString()).toBe(expected.join(""));
  last.destroy();
  expect(loads.filter((id) => id === plan.id).length).toBeGreaterThan(1);
}, 30_000);

test("shutdown closes sockets with 1001 and has everything in Postgres", async () => {
  const plan = await newPlan();
  const peer = openPeer(accord.url, plan.id, { client });
  await peer.synced;
  for (let i = 0; i < 20; i++) peer.doc.getText("strategy").insert(0, `${i};`);
  const expected = peer.doc.getText("strategy").toString();
  await eventually(() =>
    expect(accord.server.collab.room(plan.id)?.doc.getText("strategy").toString()).toBe(expected),
  );
  await stop();
  await eventually(() => expect(peer.closes[0]?.code).toBe(CLOSE.goingAway));
  peer.destroy();
  expect((await storedDoc(database.sql, plan.id)).getText("strategy").toString()).toBe(expected);
  await start();
});
