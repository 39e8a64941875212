import { describe, expect, it } from "vitest";
import { insertMention, matchMembers, mentionQueryAt, moveActive } from "./mention-query";

const MEMBERS = [
  { userId: "1", name: "Maya Patel" },
  { userId: "2", name: "Sam Carter" },
  { userId: "3", name: "Lena Müller" },
  { userId: "4", name: "Samira Okafor" },
];

describe("mentionQueryAt", () => {
  it("finds the query between an @ at a word start and the caret", () => {
    expect(mentionQueryAt("Hi @ma", 6)).toEqual({ start: 3, query: "ma" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("(@sam", 5)).toEqual({ start: 1, query: "sam" });
    expect(mentionQueryAt("ask @Maya Pa", 12)).toEqual({ start: 4, query: "Maya Pa" });
  });

  it("ignores e-mail addresses, other lines and queries that started with a space", () => {
    expect(mentionQueryAt("mail maya@northwind", 19)).toBeNull();
    expect(mentionQueryAt("@maya\nnext", 10)).toBeNull();
    expect(mentionQueryAt("@ maya", 6)).toBeNull();
    expect(mentionQueryAt("no at here", 5)).toBeNull();
  });

  it("stops after three words and looks only left of the caret", () => {
    expect(mentionQueryAt("@one two three four", 19)).toBeNull();
    expect(mentionQueryAt("@sam and more", 4)).toEqual({ start: 0, query: "sam" });
    expect(mentionQueryAt("@sam", 0)).toBeNull();
  });
});

describe("matchMembers", () => {
  it("puts names that start with the query first, then later words", () => {
    expect(matchMembers(MEMBERS, "sa").map((m) => m.name)).toEqual(["Sam Carter", "Samira Okafor"]);
    expect(matchMembers(MEMBERS, "car").map((m) => m.name)).toEqual(["Sam Carter"]);
    expect(matchMembers(MEMBERS, "o").map((m) => m.name)).toEqual(["Samira Okafor"]);
  });

  it("ignores case and accents, lists everyone for an empty query, and respects the limit", () => {
    expect(matchMembers(MEMBERS, "MULLER").map((m) => m.name)).toEqual(["Lena Müller"]);
    expect(matchMembers(MEMBERS, "")).toHaveLength(4);
    expect(matchMembers(MEMBERS, "", 2)).toHaveLength(2);
    expect(matchMembers(MEMBERS, "zed")).toEqual([]);
  });
});

describe("insertMention", () => {
  it("replaces the query with the full name and a space, caret after it", () => {
    const text = "Ask @ma about it";
    expect(insertMention(text, { start: 4, query: "ma" }, 7, MEMBERS[0]!)).toEqual({
      text: "Ask @Maya Patel about it",
      caret: 16,
    });
    expect(insertMention("@s", { start: 0, query: "s" }, 2, MEMBERS[1]!)).toEqual({
      text: "@Sam Carter ",
      caret: 12,
    });
  });
});

describe("moveActive", () => {
  it("wraps at both ends and starts from the matching end", () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
