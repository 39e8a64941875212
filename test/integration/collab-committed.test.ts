import * as decoding from "lib0/decoding";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type * as Y from "yjs";
import { COMMITTED_PARAM, MESSAGE_COMMITTED } from "../../app/domain/collab";
import { decodeCommitted, isCommitted } from "../../app/domain/sync-state";
import { createSql } from "../../db/sql";
import { TestClient } from "../support/client";
import {
  collabServerUrl,
  cookieHeaderOf,
  eventually,
  insertTestPlan,
  openRawSocket,
  PeerSet,
  sleep,
  storedDoc,
  type Peer,
} from "../support/collab";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

/**
 * "Saved" means committed (DESIGN.md section 3, durability): a client that
 * asks with `?committed=1` is told what Postgres holds after its own changes
 * are committed, and never before, not even while the database is away.
 */

let database: TestDatabase;
let proxy: TcpProxy;
let accord: TestServer;
let owner: CreatedMember;
let workspaceId: string;
let client: TestClient;
const peers = new PeerSet();

/** A peer that asked for MESSAGE_COMMITTED frames, with the last snapshot it was told. */
function committedPeer(planId: string): Peer & { last: () => Y.Snapshot | null; count: () => number } {
  const peer = peers.open(accord.url, planId, { client, params: { [COMMITTED_PARAM]: "1" } });
  let last: Y.Snapshot | null = null;
  let count = 0;
  peer.provider.messageHandlers[MESSAGE_COMMITTED] = (_encoder, decoder) => {
    last = decodeCommitted(decoding.readVarUint8Array(decoder));
    count += 1;
  };
  return Object.assign(peer, { last: () => last, count: () => count });
}

async function newPlan(): Promise<string> {
  const plan = await insertTestPlan(database.sql, { workspaceId, createdBy: owner.user.id, currency: "USD" });
  return plan.id;
}

const storedText = async (planId: string) => (await storedDoc(database.sql, planId)).getText("t").toString();

beforeAll(async () => {
  database = await createTestDatabase();
  const target = new URL(database.url);
  proxy = await startTcpProxy("127.0.0.1", Number(target.port));
  target.port = String(proxy.port);
  // The server reaches Postgres through the proxy; the test checks Postgres directly.
  const throughProxy = { ...database, sql: createSql(target.toString()) };
  accord = await startTestServer({ database: throughProxy });
  const created = await createWorkspaceWithOwner(database.sql);
  owner = created.owner;
  workspaceId = created.workspace.id;
  client = new TestClient(accord.url);
  await client.login(owner.email, owner.password);
});

afterEach(() => {
  peers.destroyAll();
  proxy.restore();
});

afterAll(async () => {
  await accord?.close();
  await proxy?.close();
  await database?.drop();
});

describe("the committed message", () => {
  test("gives a baseline on joining, then covers each change only once Postgres has it", async () => {
    const planId = await newPlan();
    const peer = committedPeer(planId);
    await peer.synced;
    await eventually(() => expect(peer.last()).not.toBeNull());
    expect(isCommitted(peer.doc, peer.last()!)).toBe(true);

    peer.doc.getText("t").insert(0, "pipeline");
    expect(isCommitted(peer.doc, peer.last()!)).toBe(false);
    await eventually(() => expect(isCommitted(peer.doc, peer.last()!)).toBe(true));
    expect(await storedText(planId)).toBe("pipeline");

    // A deletion moves no state vector, and still waits for its commit.
    const seen = peer.count();
    peer.doc.getText("t").delete(0, 4);
    expect(isCommitted(peer.doc, peer.last()!)).toBe(false);
    await eventually(() => expect(peer.count()).toBeGreaterThan(seen));
    expect(isCommitted(peer.doc, peer.last()!)).toBe(true);
    expect(await storedText(planId)).toBe("line");
  });

  test("while the database is away, nothing is reported saved; after it returns, it is", async () => {
    const planId = await newPlan();
    const peer = committedPeer(planId);
    await peer.synced;
    await eventually(() => expect(peer.last()).not.toBeNull());

    proxy.cut("reset");
    peer.doc.getText("t").insert(0, "written during the outage");
    await sleep(1_500);
    expect(isCommitted(peer.doc, peer.last()!)).toBe(false);
    expect(await storedText(planId)).toBe("");

    proxy.restore();
    await eventually(() => expect(isCommitted(peer.doc, peer.last()!)).toBe(true), 20_000);
    expect(await storedText(planId)).toBe("written during the outage");
  }, 30_000);

  test("a stock client that does not ask never receives it", async () => {
    const planId = await newPlan();
    const raw = openRawSocket(`${collabServerUrl(accord.url)}/${planId}`, {
      cookie: cookieHeaderOf(client),
      origin: accord.url,
    });
    await raw.opened;
    const writer = committedPeer(planId);
    await writer.synced;
    writer.doc.getText("t").insert(0, "hello");
    await eventually(() => expect(isCommitted(writer.doc, writer.last()!)).toBe(true));
    await sleep(100);
    const types = new Set(raw.received.map((frame) => frame[0]));
    expect(types.has(MESSAGE_COMMITTED)).toBe(false);
    expect([...types].every((t) => t === 0 || t === 1)).toBe(true);
    raw.ws.close();
  });
});
