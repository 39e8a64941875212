import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { createPresenceStore, readTablePresence, reusePresence, type RowPresence } from "./cell-presence";

const sam = { id: "u-sam", name: "Sam Carter", team: "sales", color: "#2563eb" };
const lena = { id: "u-lena", name: "Lena Fischer", team: "marketing", color: "#db2777" };

describe("readTablePresence", () => {
  it("lists other people by row and cell of this table, never this client", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: sam, focus: { section: "campaigns", rowId: "r1", key: "budget" } }],
      [2, { user: lena, focus: { section: "campaigns", rowId: "r1", key: "budget" } }],
      [3, { user: sam, focus: { section: "glossary", rowId: "r9", key: "term" } }],
      [4, { user: sam, focus: { section: "strategy" } }],
      [5, { user: { name: "Me" }, focus: { section: "campaigns", rowId: "r1", key: "name" } }],
      [6, { focus: { section: "campaigns", rowId: "r2", key: "name" } }],
      [7, { user: { name: 7, color: "red; background: url(x)" }, focus: { section: "campaigns", rowId: "r3", key: "end" } }],
    ]);
    const { cells, visitors } = readTablePresence(states, 5, "campaigns", "u-lena");
    expect([...cells.keys()]).toEqual(["r1", "r3"]);
    expect(visitors).toEqual([
      { userId: "u-sam", name: "Sam Carter", team: "sales" },
      { userId: "client-7", name: "Someone", team: "other" },
    ]);
    expect(cells.get("r1")).toEqual({
      budget: [
        { clientId: 1, name: "Sam Carter", color: "#2563eb" },
        { clientId: 2, name: "Lena Fischer", color: "#db2777" },
      ],
    });
    expect(cells.get("r3")).toEqual({ end: [{ clientId: 7, name: "Someone", color: "#475569" }] });
  });
});

describe("reusePresence", () => {
  const peer = () => ({ budget: [{ clientId: 1, name: "Sam", color: "#000" }] });
  const visitors = () => [{ userId: "u-sam", name: "Sam", team: "sales" as const }];

  it("keeps the previous snapshot, and each unchanged row's object", () => {
    const a = peer();
    const previous = { cells: new Map([["r1", a]]), visitors: visitors() };
    expect(reusePresence(previous, { cells: new Map([["r1", peer()]]), visitors: visitors() })).toBe(previous);
    const cells = new Map<string, RowPresence>([
      ["r1", peer()],
      ["r2", {}],
    ]);
    const next = reusePresence(previous, { cells, visitors: visitors() });
    expect(next).not.toBe(previous);
    expect(next.cells.get("r1")).toBe(a);
    expect(next.visitors).toBe(previous.visitors);
    expect(reusePresence(previous, { cells: new Map(), visitors: [] }).cells.size).toBe(0);
  });
});

describe("createPresenceStore", () => {
  it("notifies only when presence in its table changes", () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const store = createPresenceStore(mine, "revenueGoals", "u-lena");
    let calls = 0;
    store.subscribe(() => calls++);
    const relay = () => {
      // As the provider would: their state arrives in my awareness.
      mine.states.set(theirs.clientID, theirs.getLocalState()!);
      mine.emit("change", [{ added: [], updated: [theirs.clientID], removed: [] }, "remote"]);
    };

    theirs.setLocalState({ user: sam, cursor: { anchor: 1 } });
    relay();
    expect(calls).toBe(0);
    theirs.setLocalStateField("focus", { section: "revenueGoals", rowId: "g1", key: "winRate" });
    relay();
    expect(calls).toBe(1);
    const snapshot = store.getSnapshot();
    expect(snapshot.cells.get("g1")?.winRate?.[0]?.name).toBe("Sam Carter");
    expect(snapshot.visitors.map((v) => v.name)).toEqual(["Sam Carter"]);
    theirs.setLocalStateField("cursor", { anchor: 2 });
    relay();
    expect(calls).toBe(1);
    expect(store.getSnapshot()).toBe(snapshot);
    // My own focus never shows.
    mine.setLocalStateField("user", lena);
    mine.setLocalStateField("focus", { section: "revenueGoals", rowId: "g2", key: "period" });
    expect(calls).toBe(1);
    theirs.setLocalStateField("focus", null);
    relay();
    expect(calls).toBe(2);
    expect(store.getSnapshot().cells.size).toBe(0);
    expect(store.getSnapshot().visitors).toEqual([]);
  });
});
