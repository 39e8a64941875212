import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { TEAM_COLORS } from "../../server/collab/awareness-stamp";
import type { PlanRow } from "../../db/queries/plans";
import type { TestClient } from "../support/client";
import {
  eventually,
  insertTestPlan,
  memberClient,
  PeerSet,
  sleep,
  storedDoc,
  type Peer,
} from "../support/collab";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The stock y-websocket provider against the real server: concurrent edits
 * converge, survive a restart, offline edits arrive, and presence carries the
 * identity the server knows.
 */

let database: TestDatabase;
let accord: TestServer;
let workspaceId: string;
let owner: CreatedMember;
let editors: CreatedMember[];
const clients = new Map<string, TestClient>();
const peers = new PeerSet();

const clientOf = (member: CreatedMember) => memberClient(accord, clients, member);

async function newPlan(): Promise<PlanRow> {
  return insertTestPlan(accord.sql, { workspaceId, createdBy: owner.user.id, currency: "EUR" });
}

async function peerOf(member: CreatedMember, planId: string, doc?: Y.Doc): Promise<Peer> {
  return peers.open(accord.url, planId, { client: await clientOf(member), doc });
}

/** The part of a plan document these tests edit, as plain JSON. */
function contentOf(doc: Y.Doc) {
  return {
    text: doc.getText("strategy").toString(),
    rows: doc.getArray<Y.Map<unknown>>("campaigns").toJSON(),
  };
}

function randomEdit(doc: Y.Doc, who: number, step: number): void {
  const text = doc.getText("strategy");
  const rows = doc.getArray<Y.Map<unknown>>("campaigns");
  const roll = Math.random();
  if (roll < 0.4) {
    text.insert(Math.floor(Math.random() * (text.length + 1)), `[${who}.${step}]`);
  } else if (roll < 0.5 && text.length > 4) {
    text.delete(Math.floor(Math.random() * (text.length - 3)), 3);
  } else if (roll < 0.75 || rows.length === 0) {
    const row = new Y.Map<unknown>();
    row.set("id", randomUUID());
    row.set("name", `Campaign ${who}.${step}`);
    row.set("budget", Math.round(Math.random() * 10_000));
    rows.insert(Math.floor(Math.random() * (rows.length + 1)), [row]);
  } else if (roll < 0.92) {
    rows.get(Math.floor(Math.random() * rows.length)).set("budget", step * 100 + who);
  } else {
    rows.delete(Math.floor(Math.random() * rows.length), 1);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  accord = await startTestServer({ database, collab: { unloadGraceMs: 100 } });
  const home = await createWorkspaceWithOwner(accord.sql, { name: "Contoso Revenue" });
  workspaceId = home.workspace.id;
  owner = home.owner;
  const teams = ["sales", "marketing", "leadership", "other"] as const;
  editors = [];
  for (let i = 0; i < 10; i++) {
    editors.push(
      await createMember(accord.sql, { workspaceId, role: "editor", team: teams[i % teams.length] }),
    );
  }
});

afterAll(async () => {
  peers.destroyAll();
  await accord?.close();
  await database?.drop();
});

describe("convergence", () => {
  test.each([2, 5, 10])("%i providers editing at once converge, also after a restart", async (count) => {
    const plan = await newPlan();
    const group = await Promise.all(editors.slice(0, count).map((editor) => peerOf(editor, plan.id)));
    await Promise.all(group.map((peer) => peer.synced));

    const steps = 40;
    await Promise.all(
      group.map(async (peer, who) => {
        for (let step = 0; step < steps; step++) {
          randomEdit(peer.doc, who, step);
          if (Math.random() < 0.3) await sleep(Math.random() * 5);
          else await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );

    const expected = await eventually(() => {
      const first = contentOf(group[0]!.doc);
      for (const peer of group) expect(contentOf(peer.doc)).toEqual(first);
      expect(contentOf(accord.server.collab.room(plan.id)!.doc)).toEqual(first);
      return first;
    });
    expect(expected.text.length + expected.rows.length).toBeGreaterThan(0);

    // What Postgres holds is the same document, before and after a restart on the same database.
    await accord.server.persistence.flush(plan.id);
    expect(contentOf(await storedDoc(accord.sql, plan.id))).toEqual(expected);
    for (const peer of group) peer.destroy();
    await accord.close();
    clients.clear();
    accord = await startTestServer({ database, collab: { unloadGraceMs: 100 } });
    const reader = await peerOf(editors[0]!, plan.id);
    await reader.synced;
    expect(contentOf(reader.doc)).toEqual(expected);
  });
});

test("edits made offline reach the others on reconnect", async () => {
  const plan = await newPlan();
  const [a, b] = [await peerOf(editors[0]!, plan.id), await peerOf(editors[1]!, plan.id)];
  await Promise.all([a.synced, b.synced]);
  a.provider.disconnect();
  a.doc.getText("strategy").insert(0, "written on the train");
  await sleep(50);
  expect(b.doc.getText("strategy").toString()).toBe("");
  a.provider.connect();
  await eventually(() => expect(b.doc.getText("strategy").toString()).toBe("written on the train"));
});

test("a client joining later gets the whole document", async () => {
  const plan = await newPlan();
  const writer = await peerOf(editors[0]!, plan.id);
  await writer.synced;
  writer.doc.getText("strategy").insert(0, "hello");
  writer.doc.getArray("campaigns").push(["x"]);
  const late = await peerOf(editors[1]!, plan.id);
  await late.synced;
  await eventually(() => expect(contentOf(late.doc)).toEqual(contentOf(writer.doc)));
});

describe("presence", () => {
  test("carries the identity the server knows, whatever the client claims", async () => {
    const plan = await newPlan();
    const [liar, honest] = [editors[1]!, editors[2]!];
    const a = await peerOf(liar, plan.id);
    const b = await peerOf(honest, plan.id);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalState({
      user: { id: honest.user.id, name: "The CEO", team: "leadership", color: "#000000" },
      cursor: { anchor: 3, head: 5 },
    });
    const clientId = a.doc.clientID;
    await eventually(() => {
      const seen = b.provider.awareness.getStates().get(clientId);
      expect(seen).toEqual({
        user: { id: liar.user.id, name: liar.user.name, team: "marketing", color: TEAM_COLORS.marketing },
        cursor: { anchor: 3, head: 5 },
      });
    });

    // A state without any `user` is stamped too.
    a.provider.awareness.setLocalState({ cursor: null });
    await eventually(() =>
      expect(b.provider.awareness.getStates().get(clientId)).toMatchObject({ user: { id: liar.user.id } }),
    );

    // The server's own copy is stamped, so later joiners see the same.
    const room = accord.server.collab.room(plan.id)!;
    expect(room.awareness.getStates().get(clientId)).toMatchObject({ user: { name: liar.user.name } });

    // Leaving removes the presence for everyone.
    a.destroy();
    await eventually(() => expect(b.provider.awareness.getStates().has(clientId)).toBe(false));
    expect(room.awareness.getStates().has(clientId)).toBe(false);
  });

  test("one member cannot take over or remove another's presence", async () => {
    const plan = await newPlan();
    const victim = await peerOf(editors[3]!, plan.id);
    const watcher = await peerOf(editors[4]!, plan.id);
    await Promise.all([victim.synced, watcher.synced]);
    victim.provider.awareness.setLocalState({ cursor: { anchor: 1 } });
    const victimId = victim.doc.clientID;
    await eventually(() => expect(watcher.provider.awareness.getStates().has(victimId)).toBe(true));

    // An attacker whose doc uses the victim's clientID, removing then replacing its state.
    const attackerDoc = new Y.Doc();
    attackerDoc.clientID = victimId;
    const attacker = await peerOf(editors[5]!, plan.id, attackerDoc);
    await attacker.synced;
    // A higher clock than the victim's, so only ownership can stop it.
    for (let i = 0; i < 5; i++) attacker.provider.awareness.setLocalState({ cursor: { anchor: 99 + i } });
    await sleep(200);
    expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({
      user: { id: editors[3]!.user.id },
      cursor: { anchor: 1 },
    });
    attacker.destroy();
    await sleep(100);
    expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({
      user: { id: editors[3]!.user.id },
    });
  });
});
