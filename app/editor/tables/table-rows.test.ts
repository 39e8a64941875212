import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { blankRow, rowMap, SECTION } from "../../domain/plan";
import { createRowsStore, readTableRows, reuseRows, rowsStore } from "./table-rows";

const ORIGIN = { me: true };

function docWithMarkets(...segments: string[]): { doc: Y.Doc; markets: Y.Array<unknown>; ids: string[] } {
  const doc = new Y.Doc();
  const markets = doc.getArray<unknown>(SECTION.targetMarkets);
  const ids = segments.map(() => crypto.randomUUID());
  doc.transact(() => {
    markets.push(segments.map((segment, i) => rowMap("targetMarkets", { ...blankRow("targetMarkets", ids[i]), segment })));
  }, ORIGIN);
  return { doc, markets, ids };
}

describe("readTableRows", () => {
  it("reads rows as the projection does: known keys, wrong types empty, bad and repeated ids left out", () => {
    const { doc, markets, ids } = docWithMarkets("Fintech");
    doc.transact(() => {
      markets.push([new Y.Map<unknown>([["id", "not-a-uuid"], ["segment", "ghost"]])]);
      markets.push([rowMap("targetMarkets", { ...blankRow("targetMarkets", ids[0]), segment: "copy" })]);
      markets.push(["a string, not a map"]);
      (markets.get(0) as Y.Map<unknown>).set("priority", "urgent");
      (markets.get(0) as Y.Map<unknown>).set("extra", 42);
    });
    expect(readTableRows(markets, "targetMarkets")).toEqual([
      { id: ids[0], segment: "Fintech", icp: "", region: "", companySize: "", priority: null, ownerId: null },
    ]);
  });
});

describe("reuseRows", () => {
  it("keeps the previous array when nothing changed, and unchanged rows' objects when something did", () => {
    const a = { id: "a", x: 1 };
    const b = { id: "b", x: 2 };
    const previous = [a, b];
    expect(reuseRows(previous, [{ id: "a", x: 1 }, { id: "b", x: 2 }])).toBe(previous);
    const next = reuseRows(previous, [{ id: "a", x: 1 }, { id: "b", x: 3 }]);
    expect(next).not.toBe(previous);
    expect(next[0]).toBe(a);
    expect(next[1]).toEqual({ id: "b", x: 3 });
    const swapped = reuseRows(previous, [{ id: "b", x: 2 }, { id: "a", x: 1 }]);
    expect(swapped).toEqual([b, a]);
    expect(swapped[0]).toBe(b);
  });
});

describe("createRowsStore", () => {
  it("notifies on changes to its array only, with a new snapshot that keeps unchanged rows", () => {
    const { doc, markets, ids } = docWithMarkets("Fintech", "Retail");
    const store = createRowsStore(markets, "targetMarkets");
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);

    // Elsewhere in the document: no notification, same snapshot.
    doc.getArray<unknown>(SECTION.campaigns).push([rowMap("campaigns", blankRow("campaigns"))]);
    doc.getMap<unknown>(SECTION.meta).set("title", "Q1");
    expect(calls).toBe(0);
    expect(store.getSnapshot()).toBe(first);

    // A cell of the second row: one notification, the first row object kept.
    (markets.get(1) as Y.Map<unknown>).set("region", "DACH");
    expect(calls).toBe(1);
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toMatchObject({ id: ids[1], region: "DACH" });

    // Setting a cell to the value it has changes nothing visible.
    (markets.get(1) as Y.Map<unknown>).set("region", "DACH");
    expect(store.getSnapshot()).toBe(second);
    expect(calls).toBe(1);

    unsubscribe();
    (markets.get(0) as Y.Map<unknown>).set("region", "Nordics");
    expect(calls).toBe(1);
    // Read fresh while nobody listens.
    expect(store.getSnapshot()[0]).toMatchObject({ region: "Nordics" });
  });

  it("sees remote updates applied to the document", () => {
    const { doc, markets } = docWithMarkets("Fintech");
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const store = createRowsStore(markets, "targetMarkets");
    let calls = 0;
    store.subscribe(() => calls++);
    (other.getArray<unknown>(SECTION.targetMarkets).get(0) as Y.Map<unknown>).set("segment", "Banks");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), "remote");
    expect(calls).toBe(1);
    expect(store.getSnapshot()[0]).toMatchObject({ segment: "Banks" });
  });

  it("is one store per document and table", () => {
    const doc = new Y.Doc();
    expect(rowsStore(doc, "glossary")).toBe(rowsStore(doc, "glossary"));
    expect(rowsStore(doc, "glossary")).not.toBe(rowsStore(doc, "campaigns"));
    expect(rowsStore(new Y.Doc(), "glossary")).not.toBe(rowsStore(doc, "glossary"));
  });

  it("shows an empty table when a raw peer made the section something other than an array", () => {
    const doc = new Y.Doc();
    doc.getMap("glossary").set("x", 1);
    expect(rowsStore(doc, "glossary").getSnapshot()).toEqual([]);
  });
});
