import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import type { RoomConnection } from "./room";
import { Rooms } from "./rooms";
import { TEST_PLAN, testMember } from "./test-fakes";

const log = createLogger("silent");
const PLAN = TEST_PLAN;
const GRACE_MS = 20;

const member = testMember("cookie");

let nextId = 1;
function connection(): RoomConnection & { closedWith?: number } {
  const c: RoomConnection & { closedWith?: number } = {
    id: nextId++,
    member,
    readOnly: false,
    send: () => {},
    close: (code) => void (c.closedWith = code),
  };
  return c;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Persistence in memory whose loads and flushes the test can hold up or fail. */
function memoryPersistence() {
  const committed: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  const state = {
    committed,
    loads: 0,
    flushes: 0,
    loadGate: undefined as Promise<void> | undefined,
    flushGate: undefined as Promise<void> | undefined,
    text: () => {
      const doc = new Y.Doc();
      for (const update of committed) Y.applyUpdate(doc, update);
      return doc.getText("strategy").toString();
    },
  };
  const persistence: DocPersistence = {
    load: async () => {
      state.loads++;
      await state.loadGate;
      const doc = new Y.Doc();
      for (const update of committed) Y.applyUpdate(doc, update);
      return doc;
    },
    store: (_planId, update) => void pending.push(update),
    flush: async () => {
      state.flushes++;
      await state.flushGate;
      committed.push(...pending);
      pending = [];
    },
    pendingCount: () => pending.length,
    onCommit: () => () => {},
    close: async () => {},
  };
  return { persistence, state };
}

function edit(room: { doc: Y.Doc }, text: string): void {
  const doc = new Y.Doc();
  doc.getText("strategy").insert(0, text);
  Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(doc));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let registries: Rooms[] = [];
function registry(persistence: DocPersistence): Rooms {
  const rooms = new Rooms(persistence, log, { unloadGraceMs: GRACE_MS });
  registries.push(rooms);
  return rooms;
}

afterEach(async () => {
  await Promise.all(registries.map((r) => r.close()));
  registries = [];
});

describe("loading", () => {
  test("concurrent first joins share one load and one room", async () => {
    const { persistence, state } = memoryPersistence();
    const gate = deferred();
    state.loadGate = gate.promise;
    const rooms = registry(persistence);
    const joins = Array.from({ length: 5 }, () => rooms.acquire(PLAN));
    gate.resolve();
    const got = await Promise.all(joins);
    expect(state.loads).toBe(1);
    expect(new Set(got).size).toBe(1);
    expect(got[0]!.reservations).toBe(5);
  });

  test("a failed load fails its joins, and the next join tries again", async () => {
    const { persistence, state } = memoryPersistence();
    const gate = deferred();
    state.loadGate = gate.promise;
    const rooms = registry(persistence);
    const join = rooms.acquire(PLAN);
    gate.reject(new Error("database down"));
    await expect(join).rejects.toThrow("database down");
    state.loadGate = undefined;
    await expect(rooms.acquire(PLAN)).resolves.toBeDefined();
    expect(state.loads).toBe(2);
  });
});

describe("unloading", () => {
  test("an empty room is flushed and unloaded after the grace period", async () => {
    const { persistence, state } = memoryPersistence();
    const rooms = registry(persistence);
    const room = await rooms.acquire(PLAN);
    const c = connection();
    rooms.join(room, c);
    edit(room, "kept");
    rooms.leave(room, c);
    await sleep(GRACE_MS / 2);
    expect(rooms.get(PLAN)).toBe(room);
    await sleep(GRACE_MS * 2);
    expect(rooms.get(PLAN)).toBeUndefined();
    expect(state.text()).toBe("kept");
  });

  test("a join during the grace period keeps the room", async () => {
    const { persistence } = memoryPersistence();
    const rooms = registry(persistence);
    const room = await rooms.acquire(PLAN);
    rooms.release(room);
    await sleep(GRACE_MS / 2);
    const again = await rooms.acquire(PLAN);
    await sleep(GRACE_MS * 2);
    expect(again).toBe(room);
    expect(rooms.get(PLAN)).toBe(room);
  });

  test("a join while the unload waits for the database calls it off: same room, edits and all", async () => {
    const { persistence, state } = memoryPersistence();
    const rooms = registry(persistence);
    const room = await rooms.acquire(PLAN);
    const c = connection();
    rooms.join(room, c);
    edit(room, "first ");
    const gate = deferred();
    state.flushGate = gate.promise;
    rooms.leave(room, c);
    await sleep(GRACE_MS * 2);
    expect(state.flushes).toBe(1);

    const again = await rooms.acquire(PLAN);
    expect(again).toBe(room);
    const d = connection();
    rooms.join(again, d);
    edit(again, "second ");
    gate.resolve();
    await sleep(GRACE_MS * 2);
    expect(rooms.get(PLAN)).toBe(room);
    expect(room.doc.getText("strategy").toString()).toContain("second");

    state.flushGate = undefined;
    rooms.leave(again, d);
    await sleep(GRACE_MS * 3);
    expect(rooms.get(PLAN)).toBeUndefined();
    expect(state.text()).toContain("first");
    expect(state.text()).toContain("second");
  });

  test("a failed flush keeps the room in memory and tries again", async () => {
    const { persistence, state } = memoryPersistence();
    const rooms = registry(persistence);
    const room = await rooms.acquire(PLAN);
    edit(room, "only copy");
    const failing = deferred();
    failing.promise.catch(() => {});
    failing.reject(new Error("database down"));
    state.flushGate = failing.promise;
    rooms.release(room);
    await sleep(GRACE_MS * 2);
    expect(rooms.get(PLAN)).toBe(room);
    state.flushGate = undefined;
    await sleep(GRACE_MS * 3);
    expect(rooms.get(PLAN)).toBeUndefined();
    expect(state.text()).toBe("only copy");
  });

  test("close flushes every room and refuses joins", async () => {
    const { persistence, state } = memoryPersistence();
    const rooms = registry(persistence);
    const room = await rooms.acquire(PLAN);
    rooms.join(room, connection());
    edit(room, "at shutdown");
    await rooms.close();
    expect(state.text()).toBe("at shutdown");
    expect(rooms.size).toBe(0);
    await expect(rooms.acquire(PLAN)).rejects.toThrow();
  });
});
