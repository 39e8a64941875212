import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { blankRow, END_BEFORE_START, rowMap, SECTION, type TableSection } from "../../domain/plan";
import { readTableRows } from "./table-rows";
import {
  addRow,
  commitCell,
  deleteRow,
  moveRow,
  ROW_GONE,
  storedRowIssues,
  suggestedValues,
} from "./table-writes";

/** A person's editor: a doc, their origin, and an UndoManager tracking that origin only (as the shell's). */
function editor() {
  const doc = new Y.Doc();
  const origin = { person: "maya" };
  const undo = new Y.UndoManager(
    [SECTION.targetMarkets, SECTION.revenueGoals, SECTION.campaigns, SECTION.glossary].map((name) =>
      doc.getArray<unknown>(name),
    ),
    { trackedOrigins: new Set([origin]) },
  );
  let updates = 0;
  doc.on("update", () => updates++);
  return { doc, origin, undo, updates: () => updates };
}

function seed(doc: Y.Doc, section: TableSection, rows: Array<Record<string, unknown>>): string[] {
  const ids = rows.map(() => crypto.randomUUID());
  doc.transact(() => {
    doc.getArray<unknown>(SECTION[section]).push(
      rows.map((values, i) => rowMap(section, { ...blankRow(section, ids[i]), ...values } as never)),
    );
  }, "seed");
  return ids;
}

const rows = <S extends TableSection>(doc: Y.Doc, section: S) =>
  readTableRows(doc.getArray<unknown>(SECTION[section]), section);

describe("commitCell", () => {
  it("parses typed text and stores numbers as numbers, in one undoable transaction of this person", () => {
    const { doc, origin, undo, updates } = editor();
    const [id] = seed(doc, "revenueGoals", [{}]);
    const before = updates();
    expect(commitCell(doc, "revenueGoals", id!, "revenueTarget", "$1.2M", origin)).toEqual({ ok: true, changed: true });
    undo.stopCapturing(); // as the table does before each write: one undo step per commit
    expect(commitCell(doc, "revenueGoals", id!, "winRate", "25 %", origin)).toEqual({ ok: true, changed: true });
    expect(updates()).toBe(before + 2);
    expect(rows(doc, "revenueGoals")[0]).toMatchObject({ revenueTarget: 1_200_000, winRate: 0.25 });
    expect(doc.getArray<Y.Map<unknown>>(SECTION.revenueGoals).get(0).get("revenueTarget")).toBe(1_200_000);
    undo.undo();
    expect(rows(doc, "revenueGoals")[0]).toMatchObject({ revenueTarget: 1_200_000, winRate: null });
  });

  it("refuses text in a number cell with a message and writes nothing", () => {
    const { doc, origin, updates } = editor();
    const [id] = seed(doc, "revenueGoals", [{ revenueTarget: 500 }]);
    const before = updates();
    expect(commitCell(doc, "revenueGoals", id!, "revenueTarget", "lots", origin)).toEqual({
      ok: false,
      message: "Enter a number.",
    });
    expect(commitCell(doc, "revenueGoals", id!, "winRate", "140", origin)).toMatchObject({ ok: false });
    expect(commitCell(doc, "campaigns", id!, "expectedMqls", "12", origin)).toEqual({ ok: false, message: ROW_GONE });
    expect(updates()).toBe(before);
    expect(rows(doc, "revenueGoals")[0]).toMatchObject({ revenueTarget: 500, winRate: null });
  });

  it("refuses an end date before the start (and a start after the end) by the whole-row schema", () => {
    const { doc, origin, updates } = editor();
    // A campaign being filled in: no name, no channel yet. Dates are still checked against each other only.
    const [id] = seed(doc, "campaigns", [{ start: "2027-03-10" }]);
    const before = updates();
    expect(commitCell(doc, "campaigns", id!, "end", "2027-03-01", origin)).toEqual({
      ok: false,
      message: END_BEFORE_START,
    });
    expect(updates()).toBe(before);
    expect(commitCell(doc, "campaigns", id!, "end", "2027-03-31", origin)).toMatchObject({ ok: true });
    expect(commitCell(doc, "campaigns", id!, "start", "2027-04-01", origin)).toEqual({
      ok: false,
      message: END_BEFORE_START,
    });
    expect(commitCell(doc, "campaigns", id!, "start", "2027-02-30", origin)).toEqual({
      ok: false,
      message: "That date does not exist.",
    });
    expect(rows(doc, "campaigns")[0]).toMatchObject({ start: "2027-03-10", end: "2027-03-31" });
  });

  it("does not write an unchanged value (no empty undo step)", () => {
    const { doc, origin, undo, updates } = editor();
    const [id] = seed(doc, "glossary", [{ term: "MQL" }]);
    const before = updates();
    expect(commitCell(doc, "glossary", id!, "term", "  MQL ", origin)).toEqual({ ok: true, changed: false });
    expect(updates()).toBe(before);
    expect(undo.undoStack).toHaveLength(0);
  });

  it("refuses emptying a required cell with the column's message", () => {
    const { doc, origin } = editor();
    const [id] = seed(doc, "targetMarkets", [{ segment: "Fintech" }]);
    expect(commitCell(doc, "targetMarkets", id!, "segment", "  ", origin)).toEqual({
      ok: false,
      message: "Name the segment.",
    });
    expect(commitCell(doc, "targetMarkets", id!, "priority", "High", origin)).toMatchObject({ ok: true });
    expect(rows(doc, "targetMarkets")[0]).toMatchObject({ segment: "Fintech", priority: "high" });
  });
});

describe("storedRowIssues", () => {
  it("points at dates that two people set at once, not at a row's empty required cells", () => {
    const row = { ...blankRow("campaigns"), start: "2027-03-10", end: "2027-03-01" };
    expect(storedRowIssues("campaigns", row)).toEqual({ end: END_BEFORE_START });
    expect(storedRowIssues("campaigns", { ...row, end: null })).toEqual({});
    expect(storedRowIssues("targetMarkets", blankRow("targetMarkets"))).toEqual({});
  });
});

describe("addRow", () => {
  it("appends a blank row with every key and a fresh UUID; undo takes it away", () => {
    const { doc, origin, undo } = editor();
    const id = addRow(doc, "campaigns", origin);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const map = doc.getArray<Y.Map<unknown>>(SECTION.campaigns).get(0);
    expect(map.toJSON()).toEqual(blankRow("campaigns", id));
    undo.undo();
    expect(rows(doc, "campaigns")).toEqual([]);
  });

  it("suggests the plan's period and the first target market without a goal for a new revenue goal", () => {
    const { doc, origin } = editor();
    doc.getMap<unknown>(SECTION.meta).set("period", "2027-Q1");
    const [fintech, retail] = seed(doc, "targetMarkets", [{ segment: "Fintech" }, { segment: "Retail" }]);
    seed(doc, "revenueGoals", [{ targetMarketId: fintech }]);
    const values = suggestedValues(doc, "revenueGoals");
    expect(values).toEqual({ period: "2027-Q1", targetMarketId: retail });
    addRow(doc, "revenueGoals", origin, values);
    expect(rows(doc, "revenueGoals")[1]).toMatchObject({ period: "2027-Q1", targetMarketId: retail });
    expect(suggestedValues(doc, "glossary")).toEqual({});
  });
});

describe("deleteRow", () => {
  it("deletes in one step that undo reverses with the same id and content", () => {
    const { doc, origin, undo } = editor();
    const ids = seed(doc, "targetMarkets", [{ segment: "A" }, { segment: "B" }]);
    expect(deleteRow(doc, "targetMarkets", ids[0]!, origin)).toBe(true);
    expect(rows(doc, "targetMarkets").map((r) => r.segment)).toEqual(["B"]);
    expect(deleteRow(doc, "targetMarkets", ids[0]!, origin)).toBe(false);
    undo.undo();
    expect(rows(doc, "targetMarkets").map((r) => [r.id, r.segment])).toEqual([
      [ids[0], "A"],
      [ids[1], "B"],
    ]);
  });
});

describe("moveRow", () => {
  it("moves up and down among the visible rows, keeping id and content, in one transaction", () => {
    const { doc, origin, undo, updates } = editor();
    const ids = seed(doc, "campaigns", [
      { name: "A", budget: 1000 },
      { name: "B" },
      { name: "C", start: "2027-01-05" },
    ]);
    const before = updates();
    expect(moveRow(doc, "campaigns", ids[0]!, 1, origin)).toBe(1);
    expect(updates()).toBe(before + 1);
    expect(rows(doc, "campaigns").map((r) => r.name)).toEqual(["B", "A", "C"]);
    undo.stopCapturing();
    expect(rows(doc, "campaigns")[1]).toEqual({ ...blankRow("campaigns", ids[0]), name: "A", budget: 1000 });

    expect(moveRow(doc, "campaigns", ids[2]!, -1, origin)).toBe(1);
    expect(rows(doc, "campaigns").map((r) => r.name)).toEqual(["B", "C", "A"]);
    expect(moveRow(doc, "campaigns", ids[1]!, -1, origin)).toBeNull();
    expect(moveRow(doc, "campaigns", ids[0]!, 1, origin)).toBeNull();
    expect(moveRow(doc, "campaigns", crypto.randomUUID(), 1, origin)).toBeNull();

    undo.undo();
    expect(rows(doc, "campaigns").map((r) => r.name)).toEqual(["B", "A", "C"]);
    undo.undo();
    expect(rows(doc, "campaigns").map((r) => r.name)).toEqual(["A", "B", "C"]);
  });

  it("steps over items the table does not show", () => {
    const { doc, origin } = editor();
    const ids = seed(doc, "glossary", [{ term: "A" }, { term: "B" }]);
    doc.getArray<unknown>(SECTION.glossary).insert(1, ["junk", new Y.Map([["id", "nope"]])]);
    expect(moveRow(doc, "glossary", ids[1]!, -1, origin)).toBe(0);
    expect(rows(doc, "glossary").map((r) => r.term)).toEqual(["B", "A"]);
  });

  it("reaches the other editor as a move; a cell edited there during the move is lost (known cost)", () => {
    const maya = editor();
    const sam = editor();
    const ids = seed(maya.doc, "targetMarkets", [{ segment: "A" }, { segment: "B" }]);
    Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(maya.doc));

    moveRow(maya.doc, "targetMarkets", ids[0]!, 1, maya.origin);
    commitCell(sam.doc, "targetMarkets", ids[0]!, "region", "DACH", sam.origin);
    Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(maya.doc, Y.encodeStateVector(sam.doc)));
    Y.applyUpdate(maya.doc, Y.encodeStateAsUpdate(sam.doc, Y.encodeStateVector(maya.doc)));

    for (const doc of [maya.doc, sam.doc]) {
      expect(rows(doc, "targetMarkets").map((r) => [r.segment, r.region])).toEqual([
        ["B", ""],
        ["A", ""],
      ]);
    }
  });

  it("after two people move one row at once, shows one copy and the next move or delete clears the rest", () => {
    const maya = editor();
    const sam = editor();
    const ids = seed(maya.doc, "targetMarkets", [{ segment: "A" }, { segment: "B" }, { segment: "C" }]);
    Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(maya.doc));
    moveRow(maya.doc, "targetMarkets", ids[1]!, -1, maya.origin);
    moveRow(sam.doc, "targetMarkets", ids[1]!, 1, sam.origin);
    Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(maya.doc, Y.encodeStateVector(sam.doc)));
    Y.applyUpdate(maya.doc, Y.encodeStateAsUpdate(sam.doc, Y.encodeStateVector(maya.doc)));

    const array = maya.doc.getArray<unknown>(SECTION.targetMarkets);
    expect(array.length).toBe(4);
    expect(rows(maya.doc, "targetMarkets").map((r) => r.segment)).toEqual(
      rows(sam.doc, "targetMarkets").map((r) => r.segment),
    );
    expect(rows(maya.doc, "targetMarkets")).toHaveLength(3);

    const shown = rows(maya.doc, "targetMarkets").map((r) => r.id);
    const position = shown.indexOf(ids[1]!);
    moveRow(maya.doc, "targetMarkets", ids[1]!, position === 0 ? 1 : -1, maya.origin);
    expect(array.length).toBe(3);
    expect(rows(maya.doc, "targetMarkets")).toHaveLength(3);

    deleteRow(maya.doc, "targetMarkets", ids[1]!, maya.origin);
    expect(rows(maya.doc, "targetMarkets").map((r) => r.segment)).toEqual(
      expect.arrayContaining(["A", "C"]),
    );
    expect(array.length).toBe(2);
  });
});
