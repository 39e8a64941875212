import { describe, expect, test } from "vitest";
import { linkTarget } from "./link-target";

describe("linkTarget", () => {
  test("keeps http(s) and mailto links, normalised", () => {
    expect(linkTarget(" https://example.com/a b ")).toEqual({ ok: true, href: "https://example.com/a%20b" });
    expect(linkTarget("mailto:maya@northwind.test")).toEqual({
      ok: true,
      href: "mailto:maya@northwind.test",
    });
  });

  test("adds https:// to a bare address and mailto: to a bare e-mail", () => {
    expect(linkTarget("example.com/pricing")).toEqual({ ok: true, href: "https://example.com/pricing" });
    expect(linkTarget("example.com:8080/x")).toEqual({ ok: true, href: "https://example.com:8080/x" });
    expect(linkTarget("sam@northwind.test")).toEqual({ ok: true, href: "mailto:sam@northwind.test" });
  });

  test.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>",
    "file:///etc/passwd",
    "vbscript:x",
  ])("refuses %j with a message", (typed) => {
    const result = linkTarget(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/can’t be used|doesn’t look like/);
  });

  test("asks for an address when there is none", () => {
    expect(linkTarget("   ")).toEqual({ ok: false, message: "Enter a link address." });
  });
});
