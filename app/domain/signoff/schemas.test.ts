import { describe, expect, it } from "vitest";
import { ReopenSchema, SignoffSchema, VersionCreateSchema } from "./schemas";

const hash = "a".repeat(64);

describe("sign-off inputs", () => {
  it("requires a note to request changes, not to approve", () => {
    expect(SignoffSchema.safeParse({ decision: "approve", hash }).success).toBe(true);
    const missing = SignoffSchema.safeParse({ decision: "request_changes", note: "  ", hash });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["note"]);
  });

  it("refuses a hash that is not 64 hex digits", () => {
    expect(SignoffSchema.safeParse({ decision: "approve", hash: "abc" }).success).toBe(false);
    expect(SignoffSchema.safeParse({ decision: "approve", hash: "A".repeat(64) }).success).toBe(false);
  });

  it("drops NUL characters from free text and trims it", () => {
    expect(SignoffSchema.parse({ decision: "approve", note: " ok\u0000 ", hash }).note).toBe("ok");
    expect(ReopenSchema.parse({ reason: "Q2 numbers\u0000" }).reason).toBe("Q2 numbers");
    expect(ReopenSchema.safeParse({ reason: "\u0000 " }).success).toBe(false);
    expect(VersionCreateSchema.safeParse({ name: "x".repeat(121) }).success).toBe(false);
  });
});
