import { resolveExtensions } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { planExtensions, planSchema } from "./extensions";

function resolved() {
  return resolveExtensions(planExtensions());
}

describe("planExtensions", () => {
  it("leaves undo to Yjs: no TipTap history", () => {
    const names = resolved().map((extension) => extension.name);
    expect(names).not.toContain("undoRedo");
    expect(names).not.toContain("history");
    expect(names).toContain("link");
  });

  it("lets the link extension accept only safe targets and not open on click", () => {
    const link = resolved().find((extension) => extension.name === "link");
    const options = link?.options as {
      openOnClick: boolean;
      autolink: boolean;
      isAllowedUri: (url: string, ctx: unknown) => boolean;
    };
    expect(options.openOnClick).toBe(false);
    expect(options.autolink).toBe(true);
    expect(options.isAllowedUri("https://example.com", {})).toBe(true);
    expect(options.isAllowedUri("mailto:a@example.com", {})).toBe(true);
    expect(options.isAllowedUri("javascript:alert(1)", {})).toBe(false);
    expect(options.isAllowedUri("data:text/html,x", {})).toBe(false);
    expect(options.isAllowedUri("vbscript:x", {})).toBe(false);
  });

  it("builds a new list each call, so editors never share configured instances", () => {
    expect(planExtensions()).not.toBe(planExtensions());
  });
});

describe("planSchema", () => {
  it("has the nodes and marks of the starter kit", () => {
    expect(Object.keys(planSchema.nodes)).toEqual(
      expect.arrayContaining([
        "doc",
        "paragraph",
        "heading",
        "bulletList",
        "orderedList",
        "listItem",
        "text",
      ]),
    );
    expect(Object.keys(planSchema.marks)).toEqual(expect.arrayContaining(["bold", "italic", "link"]));
  });
});
