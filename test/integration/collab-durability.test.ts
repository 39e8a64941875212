import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import type * as Y from "yjs";
import { insertPlan } from "../../db/queries/plans";
import { createSql } from "../../db/sql";
import { freePort } from "../../server/embedded-postgres";
import { startAccordProcess, type AccordProcess } from "../support/accord-process";
import { TestClient } from "../support/client";
import { eventually, openPeer, sleep, storedDoc, type Peer } from "../support/collab";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createWorkspaceWithOwner } from "../support/factories";
import { startTestServer } from "../support/server";
import { startTcpProxy } from "../support/tcp-proxy";

/**
 * The durability promise (DESIGN.md section 3): a crash of the server loses
 * nothing that a client still holds, and PostgreSQL going away for 30 s loses
 * nothing at all: the server keeps the documents, retries, and recovers.
 */

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/** A peer that appends `<name>-<n>` to the shared "log" array every `everyMs`, and remembers what it wrote. */
function writer(peer: Peer, name: string, everyMs: number) {
  const written: string[] = [];
  const timer = setInterval(() => {
    const id = `${name}-${written.length}`;
    written.push(id);
    peer.doc.getArray<string>("log").push([id]);
  }, everyMs);
  return { written, stop: () => clearInterval(timer) };
}

const ids = (doc: Y.Doc) => new Set(doc.getArray<string>("log").toArray());

async function workspacePlan(database: TestDatabase) {
  const { workspace, owner } = await createWorkspaceWithOwner(database.sql);
  const plan = await insertPlan(database.sql, {
    workspaceId: workspace.id,
    title: `Plan ${randomUUID().slice(0, 8)}`,
    period: "2027-Q1",
    currency: "USD",
    createdBy: owner.user.id,
  });
  return { owner, planId: plan.id };
}

describe("durability", () => {
  test("after a SIGKILL of the server during edits and a restart, every edit any client made is there", async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const { owner, planId } = await workspacePlan(database);
    const env = {
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      SESSION_SECRET: randomUUID() + randomUUID(),
      SEED_DEMO: "false",
    };
    let accord: AccordProcess = await startAccordProcess(env);
    cleanups.push(() => accord.stop("SIGKILL"));
    const client = new TestClient(accord.url);
    await client.login(owner.email, owner.password);

    const peers = ["ann", "ben", "cat"].map((name) => ({ name, peer: openPeer(accord.url, planId, { client }) }));
    cleanups.push(async () => peers.forEach(({ peer }) => peer.destroy()));
    await Promise.all(peers.map(({ peer }) => peer.synced));
    const writers = peers.map(({ name, peer }) => writer(peer, name, 15));

    await sleep(800);
    const killed = await accord.stop("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    await sleep(400); // the clients keep editing with the server gone
    accord = await startAccordProcess(env);
    await sleep(600);
    writers.forEach((w) => w.stop());

    const everything = new Set(writers.flatMap((w) => w.written));
    expect(everything.size).toBeGreaterThan(100);
    await eventually(() => {
      for (const { peer } of peers) expect(ids(peer.doc)).toEqual(everything);
    }, 20_000);
    await eventually(async () => expect(ids(await storedDoc(database.sql, planId))).toEqual(everything), 10_000);
  }, 120_000);

  test("PostgreSQL away for 30 s during edits: the server stays up, keeps everything, and stores it when it is back", async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const target = new URL(database.url);
    const proxy = await startTcpProxy("127.0.0.1", Number(target.port));
    cleanups.push(() => proxy.close());
    target.port = String(proxy.port);
    const accord = await startTestServer({ database: { ...database, sql: createSql(target.toString()) } });
    cleanups.push(() => accord.close());
    const { owner, planId } = await workspacePlan(database);
    const client = new TestClient(accord.url);
    await client.login(owner.email, owner.password);
    const [a, b] = [openPeer(accord.url, planId, { client }), openPeer(accord.url, planId, { client })];
    cleanups.push(async () => [a, b].forEach((p) => p!.destroy()));
    await Promise.all([a!.synced, b!.synced]);

    proxy.cut("reset");
    const writers = [writer(a!, "a", 100), writer(b!, "b", 100)];
    await sleep(15_000);
    expect((await fetch(`${accord.url}/healthz`)).status).toBe(503);
    // Still live between the clients while the database is away.
    const seenByB = ids(b!.doc);
    expect(writers[0]!.written.slice(0, -5).every((id) => seenByB.has(id))).toBe(true);
    await sleep(15_000);
    writers.forEach((w) => w.stop());
    expect(ids(await storedDoc(database.sql, planId)).size).toBe(0);

    proxy.restore();
    const everything = new Set(writers.flatMap((w) => w.written));
    expect(everything.size).toBeGreaterThan(500);
    await eventually(async () => expect(ids(await storedDoc(database.sql, planId))).toEqual(everything), 30_000, 200);
    await eventually(async () => expect((await fetch(`${accord.url}/healthz`)).status).toBe(200), 10_000);
  }, 120_000);
});
