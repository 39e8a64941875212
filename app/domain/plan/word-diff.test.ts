import { describe, expect, it } from "vitest";
import { countWords, diffWords } from "./word-diff";

const join = (parts: ReturnType<typeof diffWords>, keep: "before" | "after") =>
  parts
    .filter((p) => p.type === "same" || p.type === (keep === "before" ? "removed" : "added"))
    .map((p) => p.text)
    .join("");

describe("diffWords", () => {
  it("finds nothing between equal texts", () => {
    expect(diffWords("We lead with data.", "We lead with data.")).toEqual([
      { type: "same", text: "We lead with data." },
    ]);
  });

  it("marks words added and removed and rebuilds both texts", () => {
    const before = "We lead with the data platform in retail.";
    const after = "We lead with the analytics platform in retail and logistics.";
    const parts = diffWords(before, after);
    expect(join(parts, "before")).toBe(before);
    expect(join(parts, "after")).toBe(after);
    expect(parts.filter((p) => p.type === "removed").map((p) => p.text.trim())).toEqual(["data", "retail."]);
    expect(countWords(parts)).toEqual({ added: 4, removed: 2 });
  });

  it("handles empty texts on either side", () => {
    expect(diffWords("", "new words")).toEqual([{ type: "added", text: "new words" }]);
    expect(diffWords("old words", "")).toEqual([{ type: "removed", text: "old words" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("stays quick on long texts with scattered changes", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const changed = words.map((w, i) => (i % 500 === 0 ? `${w}x` : w));
    const parts = diffWords(words.join(" "), changed.join(" "));
    expect(countWords(parts)).toEqual({ added: 10, removed: 10 });
  });

  it("shows texts with nothing in common as one removal and one addition", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(before, after);
    expect(parts.map((p) => p.type)).toEqual(["removed", "added"]);
    expect(join(parts, "after")).toBe(after);
  });
});
