import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { textRangeAnchor, type Anchor, type CommentJson, type ThreadJson } from "../../domain/comments";
import { anchorStates, sameStates } from "./anchor-states";
import {
  filterThreads,
  mergeFetched,
  openCounts,
  sortThreads,
  threadStamp,
  upsertThread,
} from "./thread-order";

const ROW_A = "00000000-0000-4000-8000-00000000000a";
const ROW_B = "00000000-0000-4000-8000-00000000000b";
const ME = "00000000-0000-4000-8000-0000000000ee";
const person = { id: "00000000-0000-4000-8000-000000000001", name: "Maya Patel", team: "marketing" as const };

function comment(overrides: Partial<CommentJson> = {}): CommentJson {
  return {
    id: crypto.randomUUID(),
    threadId: "t",
    author: person,
    body: "Looks good",
    mentions: [],
    createdAt: "2027-01-01T10:00:00.000Z",
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

function thread(id: string, anchor: Anchor, overrides: Partial<ThreadJson> = {}): ThreadJson {
  return {
    id,
    planId: "p",
    anchor,
    status: "open",
    blocking: false,
    author: person,
    createdAt: "2027-01-01T10:00:00.000Z",
    updatedAt: "2027-01-01T10:00:00.000Z",
    resolvedAt: null,
    resolvedBy: null,
    comments: [comment()],
    ...overrides,
  };
}

function planDoc(): Y.Doc {
  const doc = new Y.Doc();
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText("We lead with the data platform.")]);
  doc.getXmlFragment("strategy").insert(0, [p]);
  const rows = [ROW_A, ROW_B].map((id) => {
    const row = new Y.Map<unknown>();
    row.set("id", id);
    return row;
  });
  doc.getArray("campaigns").insert(0, rows);
  return doc;
}

describe("anchor states and document order", () => {
  it("orders by section, then section threads, then position; detached last in their section", () => {
    const doc = planDoc();
    const text = textRangeAnchor(doc.getXmlFragment("strategy"), 17, 30)!;
    const early = textRangeAnchor(doc.getXmlFragment("strategy"), 0, 2)!;
    const threads = [
      thread("glossary", { kind: "section", section: "glossary" }),
      thread("row-b", { kind: "row", section: "campaigns", rowId: ROW_B, quote: "B" }),
      thread("row-gone", { kind: "row", section: "campaigns", rowId: crypto.randomUUID(), quote: "Gone" }),
      thread("row-a", { kind: "row", section: "campaigns", rowId: ROW_A, quote: "A" }),
      thread("campaigns", { kind: "section", section: "campaigns" }),
      thread("text-late", { kind: "text", field: "strategy", ...text }),
      thread("text-early", { kind: "text", field: "strategy", ...early }),
    ];
    const states = anchorStates(doc, threads);
    expect(states.get("row-gone")?.detached).toBe(true);
    expect(states.get("row-b")).toEqual({ detached: false, position: 1 });
    expect(states.get("text-late")).toEqual({ detached: false, position: 17 });
    expect(sortThreads(threads, states).map((t) => t.id)).toEqual([
      "text-early",
      "text-late",
      "campaigns",
      "row-a",
      "row-b",
      "row-gone",
      "glossary",
    ]);
  });

  it("detaches a text anchor whose words are deleted, and notices the change", () => {
    const doc = planDoc();
    const range = textRangeAnchor(doc.getXmlFragment("strategy"), 17, 30)!;
    const threads = [thread("t", { kind: "text", field: "strategy", ...range })];
    const before = anchorStates(doc, threads);
    const text = (doc.getXmlFragment("strategy").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(17, 13);
    const after = anchorStates(doc, threads);
    expect(after.get("t")?.detached).toBe(true);
    expect(sameStates(before, after)).toBe(false);
    expect(sameStates(after, anchorStates(doc, threads))).toBe(true);
  });
});

describe("filters and counts", () => {
  const mention = comment({ mentions: [{ id: ME, name: "Me" }] });
  const threads = [
    thread("open-row", { kind: "row", section: "campaigns", rowId: ROW_A, quote: "A" }),
    thread(
      "open-row-2",
      { kind: "row", section: "campaigns", rowId: ROW_A, quote: "A" },
      { comments: [mention] },
    ),
    thread(
      "resolved-row",
      { kind: "row", section: "campaigns", rowId: ROW_A, quote: "A" },
      { status: "resolved" },
    ),
    thread("section", { kind: "section", section: "journey" }),
    thread(
      "deleted-mention",
      { kind: "section", section: "journey" },
      { status: "resolved", comments: [{ ...mention, body: null, deletedAt: "2027-01-02T00:00:00.000Z" }] },
    ),
  ];

  it("filters open, resolved and threads that mention me (not in deleted comments)", () => {
    expect(filterThreads(threads, "open", ME).map((t) => t.id)).toEqual([
      "open-row",
      "open-row-2",
      "section",
    ]);
    expect(filterThreads(threads, "resolved", ME).map((t) => t.id)).toEqual([
      "resolved-row",
      "deleted-mention",
    ]);
    expect(filterThreads(threads, "mentions", ME).map((t) => t.id)).toEqual(["open-row-2"]);
  });

  it("counts open threads per row and per section", () => {
    const counts = openCounts(threads);
    expect(counts.rows.get(`campaigns:${ROW_A}`)).toBe(2);
    expect(counts.sections.get("journey")).toBe(1);
    expect(counts.total).toBe(3);
  });
});

describe("merging live threads", () => {
  const base = thread("t", { kind: "section", section: "strategy" });
  const replied = {
    ...base,
    updatedAt: "2027-01-01T11:00:00.000Z",
    comments: [...base.comments, comment({ createdAt: "2027-01-01T11:00:00.000Z" })],
  };

  it("keeps the newer copy whichever arrives last", () => {
    expect(upsertThread([base], replied)[0]).toBe(replied);
    expect(upsertThread([replied], base)[0]).toBe(replied);
    expect(upsertThread([], base)).toEqual([base]);
  });

  it("counts an edit as newer, and takes a same-stamp copy (blocking changes no time)", () => {
    const edited = { ...base, comments: [{ ...base.comments[0]!, editedAt: "2027-01-01T12:00:00.000Z" }] };
    expect(threadStamp(edited)).toBe("2027-01-01T12:00:00.000Z");
    const blocking = { ...base, blocking: true };
    expect(upsertThread([base], blocking)[0]).toBe(blocking);
  });

  it("lays threads that arrived during a fetch over the fetched list", () => {
    const other = thread("other", { kind: "section", section: "journey" });
    expect(mergeFetched([base], [replied, other])).toEqual([replied, other]);
  });
});
