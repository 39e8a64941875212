import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { CLOSE } from "../../app/domain/collab";
import type { Role } from "../../app/domain/membership";
import type { PlanRow } from "../../db/queries/plans";
import type { TestClient } from "../support/client";
import {
  cookieHeaderOf,
  eventually,
  frames,
  insertTestPlan,
  memberClient,
  openRawSocket,
  PeerSet,
  sleep,
  storedDoc,
  type Peer,
} from "../support/collab";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Read-only is enforced by the server (DESIGN.md section 3): viewers,
 * commenters and everyone on an approved plan get the document and presence,
 * but their updates are dropped, never applied, broadcast or stored.
 */

let accord: TestServer;
let workspaceId: string;
let owner: CreatedMember;
const members = new Map<Role, CreatedMember>();
const clients = new Map<string, TestClient>();
const peers = new PeerSet();

const clientOf = (member: CreatedMember) => memberClient(accord, clients, member);

async function peerOf(member: CreatedMember, planId: string): Promise<Peer> {
  return peers.synced(accord.url, planId, { client: await clientOf(member) });
}

async function newPlan(status: "draft" | "approved" = "draft"): Promise<PlanRow> {
  const plan = await insertTestPlan(accord.sql, { workspaceId, createdBy: owner.user.id, currency: "EUR" });
  if (status !== "draft") await accord.sql`update plans set status = ${status} where id = ${plan.id}`;
  return plan;
}

/** Waits until `watcher` sees `peer`'s latest presence: the server has read every earlier frame of peer's socket. */
async function drain(peer: Peer, watcher: Peer, tag: string): Promise<void> {
  peer.provider.awareness.setLocalStateField("drained", tag);
  await eventually(() =>
    expect(watcher.provider.awareness.getStates().get(peer.doc.clientID)).toMatchObject({ drained: tag }),
  );
}

const text = (doc: Y.Doc) => doc.getText("strategy").toString();

beforeAll(async () => {
  accord = await startTestServer({ collab: { unloadGraceMs: 100 } });
  const home = await createWorkspaceWithOwner(accord.sql, { name: "Contoso Revenue" });
  workspaceId = home.workspace.id;
  owner = home.owner;
  members.set("owner", owner);
  for (const role of ["editor", "commenter", "viewer"] as const) {
    members.set(role, await createMember(accord.sql, { workspaceId, role, team: "sales" }));
  }
});

afterEach(() => peers.destroyAll());

afterAll(async () => {
  await accord?.close();
});

describe.each(["viewer", "commenter"] as const)("a %s", (role) => {
  test("gets the document and presence, but nothing it writes reaches anyone", async () => {
    const plan = await newPlan();
    const editor = await peerOf(members.get("editor")!, plan.id);
    editor.doc.getText("strategy").insert(0, "agreed text. ");
    const reader = await peerOf(members.get(role)!, plan.id);
    await eventually(() => expect(text(reader.doc)).toBe("agreed text. "));

    // Through the stock provider: edits, which it sends as update messages.
    for (let i = 0; i < 50; i++) reader.doc.getText("strategy").insert(0, `${role.toUpperCase()}-EDIT ${i} `);
    // Through a raw socket of the same member: update and sync-step-2 frames.
    const raw = openRawSocket(`${accord.url.replace(/^http/, "ws")}/collab/${plan.id}`, {
      cookie: cookieHeaderOf(await clientOf(members.get(role)!)),
      origin: accord.url,
    });
    await raw.opened;
    const forged = new Y.Doc();
    for (let i = 0; i < 50; i++) {
      const before = Y.encodeStateVector(forged);
      forged.getText("strategy").insert(0, `RAW-${role.toUpperCase()} ${i} `);
      forged.getArray("campaigns").push([new Y.Map([["name", `RAW ${i}`]])]);
      const update = Y.encodeStateAsUpdate(forged, before);
      raw.ws.send(i % 2 ? frames.update(update) : frames.syncStep2(update));
    }
    // Sync step 1 is still answered: the reply proves the server read all the frames before it.
    const answered = raw.received.length;
    raw.ws.send(frames.syncStep1(new Y.Doc()));
    await eventually(() => expect(raw.received.length).toBeGreaterThan(answered));
    await drain(reader, editor, "after-edits");

    // The editor goes on, and the reader still receives it.
    editor.doc.getText("strategy").insert(text(editor.doc).length, "more.");
    await eventually(() => expect(text(reader.doc)).toContain("more."));
    await sleep(50);

    expect(text(editor.doc)).toBe("agreed text. more.");
    expect(editor.doc.getArray("campaigns").length).toBe(0);
    const room = accord.server.collab.room(plan.id)!;
    expect(text(room.doc)).toBe("agreed text. more.");
    await accord.server.persistence.flush(plan.id);
    const stored = await storedDoc(accord.sql, plan.id);
    expect(text(stored)).toBe("agreed text. more.");
    expect(stored.getArray("campaigns").length).toBe(0);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });
});

test("on an approved plan even the owner is read-only, and still receives the document", async () => {
  const plan = await newPlan("approved");
  // What was there before approval (stored while the plan was a draft).
  const seed = new Y.Doc();
  seed.getText("strategy").insert(0, "signed content");
  accord.server.persistence.store(plan.id, Y.encodeStateAsUpdate(seed));
  await accord.server.persistence.flush(plan.id);

  const ownerPeer = await peerOf(owner, plan.id);
  const editorPeer = await peerOf(members.get("editor")!, plan.id);
  expect(text(ownerPeer.doc)).toBe("signed content");
  ownerPeer.doc.getText("strategy").insert(0, "OWNER CHANGE ");
  editorPeer.doc.getText("strategy").insert(0, "EDITOR CHANGE ");
  await drain(ownerPeer, editorPeer, "a");
  await drain(editorPeer, ownerPeer, "b");
  await sleep(50);
  expect(text(accord.server.collab.room(plan.id)!.doc)).toBe("signed content");
  expect(text(ownerPeer.doc)).not.toContain("EDITOR");
  expect(text(editorPeer.doc)).not.toContain("OWNER");
  await accord.server.persistence.flush(plan.id);
  expect(text(await storedDoc(accord.sql, plan.id))).toBe("signed content");
});

describe("the handles the lead's revocation uses", () => {
  test("connectionsFor finds connections by user, plan and workspace", async () => {
    const plan = await newPlan();
    const other = await newPlan();
    const editor = members.get("editor")!;
    await peerOf(editor, plan.id);
    await peerOf(editor, other.id);
    await peerOf(members.get("viewer")!, plan.id);
    const collab = accord.server.collab;
    expect(collab.connectionsFor({ userId: editor.user.id })).toHaveLength(2);
    expect(collab.connectionsFor({ planId: plan.id })).toHaveLength(2);
    expect(collab.connectionsFor({ planId: plan.id, userId: editor.user.id })).toHaveLength(1);
    expect(collab.connectionsFor({ workspaceId }).length).toBeGreaterThanOrEqual(3);
    expect(collab.connectionsFor({ workspaceId: randomUUID() })).toHaveLength(0);
    const [viewerConnection] = collab.connectionsFor({
      planId: plan.id,
      userId: members.get("viewer")!.user.id,
    });
    expect(viewerConnection).toMatchObject({ planId: plan.id, workspaceId, readOnly: true });
  });

  test("setReadOnly(true) drops a live editor's updates from then on", async () => {
    const plan = await newPlan();
    const editor = members.get("editor")!;
    const lowered = await peerOf(editor, plan.id);
    const watcher = await peerOf(owner, plan.id);
    lowered.doc.getText("strategy").insert(0, "before. ");
    await eventually(() => expect(text(watcher.doc)).toBe("before. "));

    const [connection] = accord.server.collab.connectionsFor({ planId: plan.id, userId: editor.user.id });
    connection!.setReadOnly(true);
    expect(connection!.readOnly).toBe(true);
    lowered.doc.getText("strategy").insert(0, "AFTER ");
    await drain(lowered, watcher, "x");
    await sleep(50);
    expect(text(watcher.doc)).toBe("before. ");
    expect(text(accord.server.collab.room(plan.id)!.doc)).toBe("before. ");
  });

  test("close(code) closes that socket with the code; others stay", async () => {
    const plan = await newPlan();
    const editor = members.get("editor")!;
    const closed = await peerOf(editor, plan.id);
    const stays = await peerOf(owner, plan.id);
    for (const connection of accord.server.collab.connectionsFor({ userId: editor.user.id })) {
      connection.close(CLOSE.unauthorized, "session ended");
    }
    await eventually(() =>
      expect(closed.closes).toContainEqual({ code: CLOSE.unauthorized, reason: "session ended" }),
    );
    // 44xx codes are final for the stock provider: it does not come back.
    await sleep(300);
    expect(closed.provider.wsconnected).toBe(false);
    expect(stays.provider.wsconnected).toBe(true);
    expect(accord.server.collab.connectionsFor({ planId: plan.id })).toHaveLength(1);
  });
});
