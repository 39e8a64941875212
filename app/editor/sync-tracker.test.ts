import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { SyncTracker } from "./sync-tracker";
import { memoryLedger } from "./unsynced-ledger";

/** The server's side in these tests: a doc that receives what the client sends, and what it "committed". */
function server() {
  const doc = new Y.Doc();
  return {
    doc,
    receive: (from: Y.Doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(from, Y.encodeStateVector(doc))),
    committed: () => Y.snapshot(doc),
  };
}

function tracked(ledger = memoryLedger()) {
  const doc = new Y.Doc();
  const tracker = new SyncTracker(doc, ledger, { tracking: true, online: true });
  doc.on("afterTransaction", tracker.onTransaction);
  return { doc, tracker, ledger, text: doc.getText("strategy") };
}

describe("SyncTracker", () => {
  test("counts this tab's changes until a committed snapshot covers them, one transaction at a time", () => {
    const { doc, tracker, text } = tracked();
    const db = server();
    doc.transact(() => text.insert(0, "Hello"));
    db.receive(doc);
    const afterFirst = db.committed();
    doc.transact(() => text.insert(5, " world"));
    expect(tracker.getStatus().unsynced).toBe(2);

    tracker.committed(afterFirst);
    expect(tracker.getStatus().unsynced).toBe(1);
    db.receive(doc);
    tracker.committed(db.committed());
    expect(tracker.getStatus().unsynced).toBe(0);
  });

  test("a deletion counts until the committed delete set holds it", () => {
    const { doc, tracker, text } = tracked();
    const db = server();
    text.insert(0, "abc");
    db.receive(doc);
    tracker.committed(db.committed());
    expect(tracker.getStatus().unsynced).toBe(0);

    text.delete(0, 1); // no new content, only a deletion
    expect(tracker.getStatus().unsynced).toBe(1);
    tracker.committed(db.committed()); // the old snapshot: the deletion is not in it
    expect(tracker.getStatus().unsynced).toBe(1);
    db.receive(doc);
    tracker.committed(db.committed());
    expect(tracker.getStatus().unsynced).toBe(0);
  });

  test("remote updates, empty transactions and read-only people's changes are not this tab's work", () => {
    const { doc, tracker } = tracked();
    const other = new Y.Doc();
    other.getText("strategy").insert(0, "from someone else");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), "provider");
    doc.transact(() => {});
    expect(tracker.getStatus().unsynced).toBe(0);

    tracker.setTracking(false);
    doc.getText("strategy").insert(0, "x");
    expect(tracker.getStatus().unsynced).toBe(0);
  });

  test("content restored from an earlier visit with unsynced changes counts until committed", () => {
    const ledger = memoryLedger({ "earlier-tab": 3 });
    const { doc, tracker } = tracked(ledger);
    const offline = new Y.Doc();
    offline.getText("strategy").insert(0, "written offline yesterday");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline), "indexeddb");
    tracker.restored();
    expect(tracker.getStatus()).toMatchObject({ unsynced: 0, restoredUnsynced: true });

    tracker.committed(Y.snapshot(new Y.Doc())); // an empty server: nothing is covered
    expect(tracker.getStatus().restoredUnsynced).toBe(true);

    const db = server();
    db.receive(doc);
    tracker.committed(db.committed());
    expect(tracker.getStatus().restoredUnsynced).toBe(false);
    expect(ledger.entries).toEqual({});
  });

  test("nothing restored is unsynced when no tab left a note", () => {
    const { doc, tracker } = tracked(memoryLedger());
    doc.getText("strategy").insert(0, "x");
    tracker.committed(Y.snapshot(doc));
    tracker.restored();
    expect(tracker.getStatus().restoredUnsynced).toBe(false);
  });

  test("writes this tab's count to the ledger, so a reload knows", () => {
    const ledger = memoryLedger();
    const { doc, tracker, text } = tracked(ledger);
    text.insert(0, "a");
    text.insert(1, "b");
    expect(ledger.entries).toEqual({ self: 2 });
    tracker.committed(Y.snapshot(doc));
    expect(ledger.entries).toEqual({});
  });

  test("notifies subscribers only when the status changes", () => {
    const { tracker } = tracked();
    let calls = 0;
    const unsubscribe = tracker.subscribe(() => calls++);
    tracker.setConnected(true);
    tracker.setConnected(true);
    expect(calls).toBe(1);
    expect(tracker.getStatus()).toMatchObject({ connected: true, everConnected: true });
    unsubscribe();
    tracker.setConnected(false);
    expect(calls).toBe(1);
    expect(tracker.getStatus().everConnected).toBe(true);
  });
});
