import { describe, expect, it } from "vitest";
import { mentionsIn, segmentBody } from "./body";
import { CommentBodySchema } from "./schemas";

const maya = { userId: "11111111-1111-4111-8111-111111111111", name: "Maya Patel" };
const sam = { userId: "22222222-2222-4222-8222-222222222222", name: "Sam" };
const samLee = { userId: "33333333-3333-4333-8333-333333333333", name: "Sam Lee" };

describe("segmentBody", () => {
  it("keeps markup as plain text", () => {
    for (const body of ["<img src=x onerror=alert(1)>", "<script>window.__xss=1</script>"]) {
      expect(segmentBody(body, [maya])).toEqual([{ type: "text", text: body }]);
    }
  });

  it("finds mentions of mentioned members only, the longest name first", () => {
    expect(segmentBody("@Sam Lee and @Sam, ask @Maya Patel. @Nobody", [sam, samLee, maya])).toEqual([
      { type: "mention", text: "@Sam Lee", userId: samLee.userId },
      { type: "text", text: " and " },
      { type: "mention", text: "@Sam", userId: sam.userId },
      { type: "text", text: ", ask " },
      { type: "mention", text: "@Maya Patel", userId: maya.userId },
      { type: "text", text: ". @Nobody" },
    ]);
  });

  it("does not take an e-mail address or a longer word for a mention", () => {
    expect(segmentBody("mail sam@Sam.com or @Samantha", [sam])).toEqual([
      { type: "text", text: "mail sam@Sam.com or @Samantha" },
    ]);
  });

  it("links http and https URLs without their closing punctuation", () => {
    expect(segmentBody("See https://example.com/sla-study. (http://a.test/x)", [])).toEqual([
      { type: "text", text: "See " },
      { type: "link", text: "https://example.com/sla-study", href: "https://example.com/sla-study" },
      { type: "text", text: ". (" },
      { type: "link", text: "http://a.test/x", href: "http://a.test/x" },
      { type: "text", text: ")" },
    ]);
  });

  it("never links other schemes", () => {
    expect(segmentBody("javascript:alert(1) data:text/html,x", [])).toEqual([
      { type: "text", text: "javascript:alert(1) data:text/html,x" },
    ]);
  });
});

describe("mentionsIn", () => {
  it("keeps the candidates still written in the body, once each", () => {
    expect(mentionsIn("@Maya Patel, @Maya Patel and Sam", [maya, sam])).toEqual([maya.userId]);
  });
});

describe("CommentBodySchema", () => {
  it("trims, and refuses empty and over-long bodies", () => {
    expect(CommentBodySchema.parse("  hi \r\n there ")).toBe("hi \n there");
    expect(CommentBodySchema.safeParse("   ").success).toBe(false);
    expect(CommentBodySchema.safeParse("x".repeat(10_000)).success).toBe(true);
    expect(CommentBodySchema.safeParse("x".repeat(10_001)).success).toBe(false);
  });

  it("drops NUL characters, which PostgreSQL text cannot hold", () => {
    expect(CommentBodySchema.parse("a\u0000b")).toBe("ab");
    expect(CommentBodySchema.safeParse("\u0000").success).toBe(false);
  });
});
