import * as encoding from "lib0/encoding";
import { describe, expect, test } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  checkUpdate,
  decodeMessage,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MESSAGE,
  ProtocolError,
} from "./protocol";
import { poisonUpdate } from "./test-fakes";

/** What y-websocket's provider puts in a frame. */
function providerFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function sampleDoc(clientId = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText("strategy").insert(0, "hello world");
  const row = new Y.Map<unknown>();
  doc.getArray("campaigns").push([row]);
  row.set("budget", 1200);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("journey")]);
  doc.getXmlFragment("journey").insert(0, [paragraph]);
  doc.getText("strategy").delete(0, 6);
  return doc;
}

/** A small deterministic PRNG, so the fuzz test is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("decodeMessage", () => {
  const doc = sampleDoc();

  test("reads every message the stock provider sends", () => {
    const step1 = providerFrame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(decodeMessage(step1)).toEqual({ kind: "sync-step1", stateVector: Y.encodeStateVector(doc) });

    const step2 = providerFrame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeSyncStep2(e, doc);
    });
    expect(decodeMessage(step2)).toEqual({ kind: "sync-step2", update: Y.encodeStateAsUpdate(doc) });

    const update = Y.encodeStateAsUpdate(doc);
    const updateFrame = providerFrame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeUpdate(e, update);
    });
    expect(decodeMessage(updateFrame)).toEqual({ kind: "update", update });

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ cursor: 1 });
    const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(decodeMessage(encodeAwarenessMessage(awarenessUpdate))).toEqual({
      kind: "awareness",
      update: awarenessUpdate,
    });
    awareness.destroy();

    expect(decodeMessage(Uint8Array.of(MESSAGE.queryAwareness))).toEqual({ kind: "query-awareness" });
    const auth = providerFrame((e) => {
      encoding.writeVarUint(e, MESSAGE.auth);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, "denied");
    });
    expect(decodeMessage(auth)).toEqual({ kind: "auth" });
  });

  test.each([
    ["empty", []],
    ["sync type only", [0]],
    ["update without length", [0, 2]],
    ["update shorter than its length", [0, 2, 10, 1, 2]],
    ["unknown message type", [9]],
    ["unknown sync type", [0, 7, 0]],
    ["overlong varint", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1]],
    ["unreadable state vector", [0, 0, 2, 5, 1]],
    ["trailing bytes", [3, 0]],
    ["truncated auth", [2, 0]],
  ])("refuses a frame: %s", (_name, bytes) => {
    expect(() => decodeMessage(Uint8Array.from(bytes))).toThrow(ProtocolError);
  });

  test("round-trips what the server encodes", () => {
    const sv = Y.encodeStateVector(new Y.Doc());
    expect(decodeMessage(encodeSyncStep1(doc))).toMatchObject({ kind: "sync-step1" });
    expect(decodeMessage(encodeSyncStep2(doc, sv))).toEqual({
      kind: "sync-step2",
      update: Y.encodeStateAsUpdate(doc, sv),
    });
    expect(decodeMessage(encodeUpdate(Uint8Array.of(0, 0)))).toEqual({
      kind: "update",
      update: Uint8Array.of(0, 0),
    });
  });
});

describe("checkUpdate", () => {
  test("accepts real updates: text, maps, XML, deletions, merged and incremental", () => {
    const doc = sampleDoc();
    const before = Y.encodeStateVector(doc);
    doc.getText("strategy").insert(0, "more ");
    expect(() => checkUpdate(Y.encodeStateAsUpdate(doc))).not.toThrow();
    expect(() => checkUpdate(Y.encodeStateAsUpdate(doc, before))).not.toThrow();
    expect(() =>
      checkUpdate(Y.mergeUpdates([Y.encodeStateAsUpdate(sampleDoc(7)), Y.encodeStateAsUpdate(doc)])),
    ).not.toThrow();
    expect(() => checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).not.toThrow();
  });

  test("refuses an update that Yjs decodes but would fail half-way through", () => {
    const poison = poisonUpdate();
    expect(() => Y.decodeUpdate(poison)).not.toThrow();
    // What would happen without the check: the doc is changed, and then it throws.
    const victim = new Y.Doc();
    expect(() => Y.applyUpdate(victim, poison)).toThrow();
    expect(victim.getText("strategy").toString()).toBe("HALF-APPLIED");
    expect(() => checkUpdate(poison)).toThrow(ProtocolError);
  });

  test("refuses bytes Yjs cannot decode", () => {
    expect(() => checkUpdate(Uint8Array.of(5, 200, 1))).toThrow(ProtocolError);
    expect(() => checkUpdate(Uint8Array.of())).toThrow(ProtocolError);
  });

  test("fuzz: a mutated update is refused, or applies without throwing and reloads", () => {
    const random = prng(20270101);
    const base = sampleDoc(1);
    const baseState = Y.encodeStateAsUpdate(base);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const source = new Y.Doc();
      source.clientID = 100 + (i % 30);
      Y.applyUpdate(source, baseState);
      source.getText("strategy").insert(Math.floor(random() * 5), `edit ${i}`);
      if (i % 3 === 0) source.getArray("campaigns").push([new Y.Map([["budget", i]])]);
      if (i % 5 === 0) source.getText("strategy").delete(0, 2);
      const update = Uint8Array.from(
        Y.encodeStateAsUpdate(source, i % 2 ? Y.encodeStateVector(base) : undefined),
      );
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        update[Math.floor(random() * update.length)] = Math.floor(random() * 256);
      }
      try {
        checkUpdate(update);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
        continue;
      }
      accepted++;
      const target = new Y.Doc();
      Y.applyUpdate(target, baseState);
      expect(() => Y.applyUpdate(target, update), `mutation ${i}`).not.toThrow();
      expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(target)), `reload ${i}`).not.toThrow();
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
