import { expect, test, vi } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import type * as Protocol from "./protocol";
import { ProtocolError } from "./protocol";
import type { RoomConnection } from "./room";
import { ROOM_RESET_CLOSE, Rooms } from "./rooms";
import { poisonUpdate, TEST_PLAN, testMember } from "./test-fakes";

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

const PLAN = TEST_PLAN;
const member = testMember("token");

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
