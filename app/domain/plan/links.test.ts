import { describe, expect, it } from "vitest";
import { isSafeHref, safeHref } from "./links";

describe("safeHref", () => {
  it.each([
    ["https://example.com/pricing?q=1#top", "https://example.com/pricing?q=1#top"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://Example.COM/A", "https://example.com/A"],
    ["  https://example.com/  ", "https://example.com/"],
    ["mailto:sales@example.com", "mailto:sales@example.com"],
    ["MAILTO:sales@example.com?subject=Plan", "mailto:sales@example.com?subject=Plan"],
  ])("keeps %j", (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u0000javascript:alert(1)",
    "\u0001\u0002 javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "javascript\u0000:alert(1)",
    "\u00a0javascript:alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript%3Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com",
    "tel:+123",
    "//evil.example.com",
    "/relative/path",
    "relative",
    "www.example.com",
    "#top",
    "https://",
    "http:",
    "",
    "   ",
    `https://example.com/${"a".repeat(3000)}`,
  ])("refuses %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each([null, undefined, 42, {}, ["https://example.com"]])("refuses the non-string %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it("treats a tab inside the scheme as a browser does, then allows what is left", () => {
    expect(safeHref("ht\ttps://example.com")).toBe("https://example.com/");
  });

  it("answers isSafeHref the same way", () => {
    expect(isSafeHref("https://example.com")).toBe(true);
    expect(isSafeHref("javascript:alert(1)")).toBe(false);
  });
});
