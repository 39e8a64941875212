import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { CLOSE } from "../../app/domain/collab";
import type { Role } from "../../app/domain/membership";
import { TestClient } from "../support/client";
import {
  closedWithCode,
  eventually,
  insertTestPlan,
  PeerSet,
  sleep,
  storedDoc,
  type Peer,
} from "../support/collab";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Identity and revocation (issue: "removing a member, lowering their role, or
 * logging them out closes or downgrades their open sockets within 2
 * seconds"). The database announces each change (migration 0003); the
 * server re-checks the sockets of the people concerned.
 */

const WITHIN_MS = 2_000;

let accord: TestServer;
let workspaceId: string;
let owner: CreatedMember;
const peers = new PeerSet();

async function member(role: Role): Promise<{ member: CreatedMember; client: TestClient }> {
  const created = await createMember(accord.sql, { workspaceId, role });
  const client = new TestClient(accord.url);
  await client.login(created.email, created.password);
  return { member: created, client };
}

async function newPlan(): Promise<string> {
  const plan = await insertTestPlan(accord.sql, { workspaceId, createdBy: owner.user.id, currency: "USD" });
  return plan.id;
}

async function peerOf(client: TestClient, planId: string): Promise<Peer> {
  return peers.synced(accord.url, planId, { client });
}

/** Waits for the socket to be closed with `code`; returns how long it took. */
async function closedWith(peer: Peer, code: number, since: number): Promise<number> {
  await closedWithCode(peer, code);
  return Date.now() - since;
}

/** Does an edit of `writer` reach `reader` and Postgres? */
async function editGoesThrough(writer: Peer, reader: Peer, planId: string, text: string): Promise<boolean> {
  writer.doc.getText("t").insert(0, text);
  await sleep(400);
  const seen = reader.doc.getText("t").toString().includes(text);
  const stored = (await storedDoc(accord.sql, planId)).getText("t").toString().includes(text);
  expect(seen).toBe(stored);
  return seen;
}

beforeAll(async () => {
  accord = await startTestServer({ collab: { accessSweepMs: 300 } });
  const created = await createWorkspaceWithOwner(accord.sql);
  workspaceId = created.workspace.id;
  owner = created.owner;
  await accord.sql`delete from rate_limits`;
});

afterEach(() => peers.destroyAll());

afterAll(async () => {
  await accord?.close();
});

describe("revocation of open sockets", () => {
  test("a removed member is disconnected for good within 2 s", async () => {
    const planId = await newPlan();
    const { member: editor, client } = await member("editor");
    const peer = await peerOf(client, planId);
    const start = Date.now();
    await accord.sql`delete from memberships where workspace_id = ${workspaceId} and user_id = ${editor.user.id}`;
    expect(await closedWith(peer, CLOSE.unauthorized, start)).toBeLessThan(WITHIN_MS);
    await sleep(500);
    expect(peer.provider.wsconnected).toBe(false);
  });

  test("logging out closes the sockets of that session", async () => {
    const planId = await newPlan();
    const { client } = await member("editor");
    const peer = await peerOf(client, planId);
    const start = Date.now();
    await client.logout();
    expect(await closedWith(peer, CLOSE.unauthorized, start)).toBeLessThan(WITHIN_MS);
  });

  test("an expired session is closed by the periodic check", async () => {
    const planId = await newPlan();
    const { member: editor, client } = await member("editor");
    const peer = await peerOf(client, planId);
    const start = Date.now();
    await accord.sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${editor.user.id}`;
    expect(await closedWith(peer, CLOSE.unauthorized, start)).toBeLessThan(WITHIN_MS);
  });

  test("a lowered role is downgraded within 2 s: after the reconnect its edits are dropped", async () => {
    const planId = await newPlan();
    const { member: editor, client } = await member("editor");
    const { client: watcherClient } = await member("editor");
    const peer = await peerOf(client, planId);
    const watcher = await peerOf(watcherClient, planId);
    expect(await editGoesThrough(peer, watcher, planId, "before ")).toBe(true);

    const start = Date.now();
    await accord.sql`update memberships set role = 'viewer' where workspace_id = ${workspaceId} and user_id = ${editor.user.id}`;
    expect(await closedWith(peer, CLOSE.accessChanged, start)).toBeLessThan(WITHIN_MS);
    await eventually(() => expect(peer.provider.synced).toBe(true));
    expect(await editGoesThrough(peer, watcher, planId, "after ")).toBe(false);
  });

  test("a raised role can edit after the reconnect", async () => {
    const planId = await newPlan();
    const { member: viewer, client } = await member("viewer");
    const { client: watcherClient } = await member("editor");
    const peer = await peerOf(client, planId);
    const watcher = await peerOf(watcherClient, planId);
    expect(await editGoesThrough(peer, watcher, planId, "ignored ")).toBe(false);

    const start = Date.now();
    await accord.sql`update memberships set role = 'editor' where workspace_id = ${workspaceId} and user_id = ${viewer.user.id}`;
    expect(await closedWith(peer, CLOSE.accessChanged, start)).toBeLessThan(WITHIN_MS);
    await eventually(() => expect(peer.provider.synced).toBe(true));
    const fresh = await peerOf(client, planId);
    expect(await editGoesThrough(fresh, watcher, planId, "accepted ")).toBe(true);
  });

  test("approving a plan turns every open editor read-only", async () => {
    const planId = await newPlan();
    const { client: a } = await member("editor");
    const { client: b } = await member("editor");
    const first = await peerOf(a, planId);
    const second = await peerOf(b, planId);
    const start = Date.now();
    await accord.sql`update plans set status = 'approved' where id = ${planId}`;
    expect(await closedWith(first, CLOSE.accessChanged, start)).toBeLessThan(WITHIN_MS);
    expect(await closedWith(second, CLOSE.accessChanged, start)).toBeLessThan(WITHIN_MS);
    await eventually(() => expect(first.provider.synced && second.provider.synced).toBe(true));
    expect(await editGoesThrough(first, second, planId, "locked ")).toBe(false);
  });
});
