import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import type { Role } from "../../app/domain/membership";
import { createLogger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import type { CollabMember } from "./authorize";
import { decodeAwarenessUpdate } from "./awareness-stamp";
import { decodeMessage, type ClientMessage } from "./protocol";
import { Room, type RoomConnection } from "./room";

const log = createLogger("silent");
const PLAN = "5e0b8a0c-2f4d-4c1e-8f61-1f2b3c4d5e6f";

function memberOf(userId: string, role: Role = "editor", readOnly = role === "viewer"): CollabMember {
  return {
    userId,
    name: `User ${userId}`,
    role,
    team: "sales",
    workspaceId: "w",
    sessionId: "s",
    planId: PLAN,
    planStatus: "draft",
    readOnly,
    via: "cookie",
  };
}

class FakeConnection implements RoomConnection {
  static next = 1;
  readonly id = FakeConnection.next++;
  readonly sent: ClientMessage[] = [];
  readOnly: boolean;
  constructor(readonly member: CollabMember) {
    this.readOnly = member.readOnly;
  }
  send(message: Uint8Array): void {
    // Server-to-client frames have the same shape as client-to-server ones.
    this.sent.push(decodeMessage(message));
  }
  close(): void {}
  take(): ClientMessage[] {
    return this.sent.splice(0);
  }
}

function recordingPersistence(): DocPersistence & { stored: Uint8Array[] } {
  const stored: Uint8Array[] = [];
  return {
    stored,
    load: async () => new Y.Doc(),
    store: (_planId, update) => void stored.push(update),
    flush: async () => {},
    pendingCount: () => 0,
    onCommit: () => () => {},
    close: async () => {},
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

function edit(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText("strategy").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function awarenessOf(entries: Array<[number, number, unknown]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

let rooms: Room[] = [];
function newRoom(persistence = recordingPersistence()) {
  const room = new Room(PLAN, new Y.Doc(), persistence, log, () => {});
  rooms.push(room);
  return { room, persistence };
}

afterEach(() => {
  for (const room of rooms) room.destroy();
  rooms = [];
});

describe("joining", () => {
  test("greets with the server's state vector, then who is here", () => {
    const { room } = newRoom();
    const first = new FakeConnection(memberOf("u1"));
    room.join(first);
    expect(first.take()).toEqual([{ kind: "sync-step1", stateVector: Y.encodeStateVector(room.doc) }]);
    room.receive(first, { kind: "awareness", update: awarenessOf([[11, 1, { cursor: 1 }]]) });
    const second = new FakeConnection(memberOf("u2"));
    room.join(second);
    const [, presence] = second.take();
    expect(presence?.kind).toBe("awareness");
  });

  test("answers sync step 1 with what the client lacks", () => {
    const { room } = newRoom();
    const writer = new FakeConnection(memberOf("u1"));
    room.join(writer);
    room.receive(writer, { kind: "update", update: edit(7, "hello") });
    const reader = new FakeConnection(memberOf("u2", "viewer"));
    room.join(reader);
    reader.take();
    room.receive(reader, { kind: "sync-step1", stateVector: Y.encodeStateVector(new Y.Doc()) });
    const [reply] = reader.take();
    expect(reply?.kind).toBe("sync-step2");
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (reply as { update: Uint8Array }).update);
    expect(copy.getText("strategy").toString()).toBe("hello");
  });
});

describe("broadcast", () => {
  test("updates of several senders in one turn go out as one merged message to every connection", async () => {
    const { room, persistence } = newRoom();
    const [a, b, c] = ["a", "b", "c"].map((id) => new FakeConnection(memberOf(id))) as [
      FakeConnection,
      FakeConnection,
      FakeConnection,
    ];
    for (const connection of [a, b, c]) room.join(connection);
    for (const connection of [a, b, c]) connection.take();

    room.receive(a, { kind: "update", update: edit(1, "from a ") });
    room.receive(a, { kind: "update", update: edit(3, "again a ") });
    room.receive(b, { kind: "sync-step2", update: edit(2, "from b ") });
    expect(room.doc.getText("strategy").length).toBeGreaterThan(0);
    expect(c.sent).toEqual([]);
    await turn();

    const textOf = (messages: ClientMessage[]) => {
      expect(messages).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (messages[0] as { update: Uint8Array }).update);
      return doc.getText("strategy").toString();
    };
    const all = room.doc.getText("strategy").toString();
    // One encoding for all: the senders get their own changes back, which Yjs ignores.
    for (const connection of [a, b, c]) expect(textOf(connection.take())).toBe(all);
    expect(persistence.stored).toHaveLength(1);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, persistence.stored[0]!);
    expect(stored.getText("strategy").toString()).toBe(all);
  });

  test("a turn with a single sender leaves that sender out", async () => {
    const { room } = newRoom();
    const [a, b] = [new FakeConnection(memberOf("a")), new FakeConnection(memberOf("b"))];
    room.join(a);
    room.join(b);
    a.take();
    b.take();
    room.receive(a, { kind: "update", update: edit(1, "just a ") });
    room.receive(a, { kind: "update", update: edit(2, "and a ") });
    await turn();
    expect(a.take()).toEqual([]);
    expect(b.take()).toHaveLength(1);
  });

  test("an update the room already has is neither broadcast nor stored again", async () => {
    const { room, persistence } = newRoom();
    const [a, b] = [new FakeConnection(memberOf("a")), new FakeConnection(memberOf("b"))];
    room.join(a);
    room.join(b);
    const update = edit(1, "once");
    room.receive(a, { kind: "update", update });
    await turn();
    b.take();
    room.receive(a, { kind: "update", update });
    await turn();
    expect(b.sent).toEqual([]);
    expect(persistence.stored).toHaveLength(1);
  });
});

describe("read-only connections", () => {
  test("are answered, but their updates are dropped: not applied, broadcast or stored", async () => {
    const { room, persistence } = newRoom();
    const viewer = new FakeConnection(memberOf("v", "viewer"));
    const editor = new FakeConnection(memberOf("e"));
    room.join(viewer);
    room.join(editor);
    editor.take();
    room.receive(viewer, { kind: "update", update: edit(5, "VIEWER") });
    room.receive(viewer, { kind: "sync-step2", update: edit(6, "VIEWER2") });
    await turn();
    expect(room.doc.getText("strategy").toString()).toBe("");
    expect(editor.sent).toEqual([]);
    expect(persistence.stored).toEqual([]);
  });

  test("a connection lowered to read-only is dropped from then on", async () => {
    const { room } = newRoom();
    const editor = new FakeConnection(memberOf("e"));
    room.join(editor);
    room.receive(editor, { kind: "update", update: edit(5, "before") });
    editor.readOnly = true;
    room.receive(editor, { kind: "update", update: edit(6, "after") });
    await turn();
    expect(room.doc.getText("strategy").toString()).toBe("before");
  });
});

describe("held edits (the final approval)", () => {
  test("wait unapplied while held, then go in, in order, when released to apply", async () => {
    const { room, persistence } = newRoom();
    const editor = new FakeConnection(memberOf("e"));
    const watcher = new FakeConnection(memberOf("w"));
    room.join(editor);
    room.join(watcher);
    watcher.take();
    const outer = room.holdEdits();
    const inner = room.holdEdits();
    room.receive(editor, { kind: "update", update: edit(5, "one ") });
    room.receive(editor, { kind: "sync-step2", update: edit(6, "two ") });
    await turn();
    expect(room.doc.getText("strategy").toString()).toBe("");
    expect(watcher.sent).toEqual([]);
    expect(persistence.stored).toEqual([]);
    inner(true);
    await turn();
    expect(room.doc.getText("strategy").length).toBe(0);
    outer(true);
    await turn();
    expect(room.doc.getText("strategy").length).toBe(8);
    expect(watcher.sent.map((m) => m.kind)).toEqual(["update"]);
    expect(persistence.stored).toHaveLength(1);
  });

  test("are dropped when released because the plan was locked", async () => {
    const { room, persistence } = newRoom();
    const editor = new FakeConnection(memberOf("e"));
    room.join(editor);
    const release = room.holdEdits();
    room.receive(editor, { kind: "update", update: edit(5, "too late") });
    release(false);
    release(true);
    room.receive(editor, { kind: "update", update: edit(6, "after") });
    await turn();
    expect(room.doc.getText("strategy").toString()).toBe("after");
    expect(persistence.stored).toHaveLength(1);
  });
});

describe("presence", () => {
  test("is stamped with the member, tracked per connection and removed when it leaves", () => {
    const { room } = newRoom();
    const a = new FakeConnection(memberOf("a"));
    const b = new FakeConnection(memberOf("b", "viewer"));
    room.join(a);
    room.join(b);
    b.take();
    room.receive(a, {
      kind: "awareness",
      update: awarenessOf([[11, 1, { user: { name: "Fake" }, cursor: 3 }]]),
    });
    expect(room.awareness.getStates().get(11)).toEqual({
      user: { id: "a", name: "User a", team: "sales", color: expect.any(String) },
      cursor: 3,
    });
    const [seen] = b.take();
    expect(decodeAwarenessUpdate((seen as { update: Uint8Array }).update)[0]?.state).toMatchObject({
      user: { id: "a" },
    });
    // The sender does not get its own state back.
    expect(a.sent.filter((m) => m.kind === "awareness")).toEqual([]);

    room.leave(a);
    expect(room.awareness.getStates().has(11)).toBe(false);
    const [left] = b.take();
    expect(decodeAwarenessUpdate((left as { update: Uint8Array }).update)).toEqual([
      { clientId: 11, clock: 1, state: null },
    ]);
  });

  test("cannot be taken over by another member, but can by the same member (a reconnect)", () => {
    const { room } = newRoom();
    const victim = new FakeConnection(memberOf("victim"));
    const attacker = new FakeConnection(memberOf("attacker"));
    const victimAgain = new FakeConnection(memberOf("victim"));
    for (const connection of [victim, attacker, victimAgain]) room.join(connection);
    room.receive(victim, { kind: "awareness", update: awarenessOf([[11, 1, { cursor: 1 }]]) });
    room.receive(attacker, { kind: "awareness", update: awarenessOf([[11, 5, { cursor: 666 }]]) });
    room.receive(attacker, { kind: "awareness", update: awarenessOf([[11, 6, null]]) });
    expect(room.awareness.getStates().get(11)).toMatchObject({ user: { id: "victim" }, cursor: 1 });

    room.receive(victimAgain, { kind: "awareness", update: awarenessOf([[11, 2, { cursor: 2 }]]) });
    expect(room.awareness.getStates().get(11)).toMatchObject({ cursor: 2 });
    // The old socket closing no longer takes the state with it.
    room.leave(victim);
    expect(room.awareness.getStates().get(11)).toMatchObject({ cursor: 2 });
  });

  test("a connection introduces a bounded number of clientIDs", () => {
    const { room } = newRoom();
    const a = new FakeConnection(memberOf("a"));
    room.join(a);
    const many = Array.from({ length: 50 }, (_, i) => [100 + i, 1, { i }] as [number, number, unknown]);
    room.receive(a, { kind: "awareness", update: awarenessOf(many) });
    expect(room.awareness.getStates().size).toBe(8);
  });

  test("query-awareness is answered with every state", () => {
    const { room } = newRoom();
    const a = new FakeConnection(memberOf("a"));
    room.join(a);
    room.receive(a, {
      kind: "awareness",
      update: awarenessOf([
        [11, 1, { x: 1 }],
        [12, 1, { x: 2 }],
      ]),
    });
    a.take();
    room.receive(a, { kind: "query-awareness" });
    const [reply] = a.take();
    expect(decodeAwarenessUpdate((reply as { update: Uint8Array }).update).map((e) => e.clientId)).toEqual([
      11, 12,
    ]);
  });
});
