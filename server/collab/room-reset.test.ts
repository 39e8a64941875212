import * as encoding from "lib0/encoding";
import { expect, test, vi } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import type { CollabMember } from "./authorize";
import type * as Protocol from "./protocol";
import { ProtocolError } from "./protocol";
import type { RoomConnection } from "./room";
import { ROOM_RESET_CLOSE, Rooms } from "./rooms";

/**
 * The last line of defence: should an update that passed checkUpdate still
 * fail half-way through Y.applyUpdate, what it emitted is neither broadcast
 * nor stored, every client of the room is closed (to reconnect and resync)
 * and the room is reloaded from persistence. checkUpdate is switched off
 * here to get such an update through.
 */
vi.mock("./protocol", async (importOriginal) => ({
  ...(await importOriginal<typeof Protocol>()),
  checkUpdate: () => {},
}));

const PLAN = "5e0b8a0c-2f4d-4c1e-8f61-1f2b3c4d5e6f";
const member: CollabMember = {
  userId: "u",
  name: "U",
  role: "editor",
  team: "sales",
  workspaceId: "w",
  sessionId: "s",
  planId: PLAN,
  planStatus: "draft",
  readOnly: false,
  via: "token",
};

/** Decodes, then throws half-way, after putting "HALF-APPLIED" into `strategy`. */
function poisonUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [2, 1, 5000, 0]) encoding.writeVarUint(e, n);
  encoding.writeUint8(e, 4);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, "strategy");
  encoding.writeVarString(e, "HALF-APPLIED");
  for (const n of [1, 1234, 0]) encoding.writeVarUint(e, n);
  encoding.writeUint8(e, 0x84);
  encoding.writeVarUint(e, 1234);
  encoding.writeVarUint(e, 5);
  encoding.writeVarString(e, "x");
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

test("a half-applied update resets the room from what was stored, losing nothing good", async () => {
  const stored: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  const persistence: DocPersistence = {
    load: async () => {
      const doc = new Y.Doc();
      for (const update of stored) Y.applyUpdate(doc, update);
      return doc;
    },
    store: (_planId, update) => void pending.push(update),
    flush: async () => {
      stored.push(...pending);
      pending = [];
    },
    pendingCount: () => pending.length,
    onCommit: () => () => {},
    close: async () => {},
  };
  const rooms = new Rooms(persistence, createLogger("silent"), { unloadGraceMs: 1000 });
  const closes: number[] = [];
  const sent: Uint8Array[] = [];
  const connectionOf = (): RoomConnection => ({
    id: Math.random(),
    member,
    readOnly: false,
    send: (m) => void sent.push(m),
    close: (code) => void closes.push(code),
  });

  const room = await rooms.acquire(PLAN);
  const [a, b] = [connectionOf(), connectionOf()];
  rooms.join(room, a);
  rooms.acquire(PLAN).then((r) => rooms.join(r, b));
  await Promise.resolve();

  const good = new Y.Doc();
  good.getText("strategy").insert(0, "good edit");
  room.receive(a, { kind: "update", update: Y.encodeStateAsUpdate(good) });
  sent.length = 0;
  expect(() => room.receive(b, { kind: "update", update: poisonUpdate() })).toThrow(ProtocolError);
  expect(room.poisoned).toBe(true);

  // Everyone is told to reconnect; the next join waits for the reset and gets a clean room.
  const fresh = await rooms.acquire(PLAN);
  expect(fresh).not.toBe(room);
  expect(closes).toEqual([ROOM_RESET_CLOSE, ROOM_RESET_CLOSE]);
  expect(fresh.doc.getText("strategy").toString()).toBe("good edit");
  const everything = new Y.Doc();
  for (const update of stored) Y.applyUpdate(everything, update);
  expect(everything.getText("strategy").toString()).toBe("good edit");
  // Nothing of the poison went out to clients.
  for (const message of sent) expect(Buffer.from(message).toString("latin1")).not.toContain("HALF-APPLIED");
  await rooms.close();
});
