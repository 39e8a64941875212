import { describe, expect, it } from "vitest";
import {
  FEEDBACK_TAGS,
  FeedbackCreateSchema,
  FeedbackListQuerySchema,
  FeedbackUpdateSchema,
  MAX_ACCOUNT_LENGTH,
  MAX_INSIGHT_LENGTH,
  rightsNeeded,
} from "./schemas";

const PLAN = "5f0c1f4e-8a8b-4c8e-9a53-3c1f3f0e2a11";
const MARKET = "0d7f0c39-3a5e-4b9a-8f62-2f6c9f1d7b22";

const valid = { account: "Acme", insight: "Too expensive for two users.", tags: ["pricing"] };

/** The messages of a failed parse, by dotted path ("" for the whole value). */
function errorsOf(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  expect(result.success).toBe(false);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error!.issues)
    (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}

describe("FeedbackCreateSchema", () => {
  it("takes an account, an insight and tags; links are optional", () => {
    expect(FeedbackCreateSchema.parse(valid)).toEqual({ ...valid });
    expect(FeedbackCreateSchema.parse({ ...valid, planId: PLAN, targetMarketId: MARKET })).toMatchObject({
      planId: PLAN,
      targetMarketId: MARKET,
    });
  });

  it("trims text, drops NUL and keeps each tag once, in the fixed order", () => {
    const parsed = FeedbackCreateSchema.parse({
      account: "  Acme\u0000 ",
      insight: "line one\r\nline two  ",
      tags: ["pricing", "objection", "pricing"],
    });
    expect(parsed).toMatchObject({
      account: "Acme",
      insight: "line one\nline two",
      tags: ["objection", "pricing"],
    });
  });

  it("refuses blank or overlong text and names the field", () => {
    expect(errorsOf(FeedbackCreateSchema.safeParse({ ...valid, account: "   " }))).toEqual({
      account: ["Name the account."],
    });
    expect(errorsOf(FeedbackCreateSchema.safeParse({ ...valid, insight: "" }))).toEqual({
      insight: ["Write what the customer said."],
    });
    expect(
      Object.keys(
        errorsOf(FeedbackCreateSchema.safeParse({ ...valid, account: "a".repeat(MAX_ACCOUNT_LENGTH + 1) })),
      ),
    ).toEqual(["account"]);
    expect(
      Object.keys(
        errorsOf(FeedbackCreateSchema.safeParse({ ...valid, insight: "a".repeat(MAX_INSIGHT_LENGTH + 1) })),
      ),
    ).toEqual(["insight"]);
    expect(
      FeedbackCreateSchema.safeParse({ ...valid, account: "a".repeat(MAX_ACCOUNT_LENGTH) }).success,
    ).toBe(true);
  });

  it("wants at least one known tag", () => {
    expect(errorsOf(FeedbackCreateSchema.safeParse({ ...valid, tags: [] }))).toEqual({
      tags: ["Choose at least one tag."],
    });
    expect(Object.keys(errorsOf(FeedbackCreateSchema.safeParse({ ...valid, tags: ["rumour"] })))).toEqual([
      "tags.0",
    ]);
    expect(Object.keys(errorsOf(FeedbackCreateSchema.safeParse({ ...valid, tags: "pricing" })))).toEqual([
      "tags",
    ]);
    expect(FeedbackCreateSchema.parse({ ...valid, tags: [...FEEDBACK_TAGS] }).tags).toEqual([
      ...FEEDBACK_TAGS,
    ]);
  });

  it("refuses a market or campaign without a plan, and ids that are not UUIDs", () => {
    expect(
      errorsOf(FeedbackCreateSchema.safeParse({ ...valid, targetMarketId: MARKET, campaignId: MARKET })),
    ).toEqual({
      targetMarketId: ["Choose the plan it belongs to first."],
      campaignId: ["Choose the plan it belongs to first."],
    });
    expect(Object.keys(errorsOf(FeedbackCreateSchema.safeParse({ ...valid, planId: "plan-1" })))).toEqual([
      "planId",
    ]);
  });
});

describe("FeedbackUpdateSchema", () => {
  it("takes any subset of fields; an empty reply clears it", () => {
    expect(FeedbackUpdateSchema.parse({ status: "planned" })).toEqual({ status: "planned" });
    expect(FeedbackUpdateSchema.parse({ reply: "  " })).toEqual({ reply: null });
    expect(FeedbackUpdateSchema.parse({ reply: null, section: null })).toEqual({
      reply: null,
      section: null,
    });
    expect(FeedbackUpdateSchema.parse({ section: "journey" })).toEqual({ section: "journey" });
  });

  it("refuses an empty change and unknown statuses or sections", () => {
    expect(errorsOf(FeedbackUpdateSchema.safeParse({}))).toEqual({
      "": ["Send at least one field to change."],
    });
    expect(Object.keys(errorsOf(FeedbackUpdateSchema.safeParse({ status: "closed" })))).toEqual(["status"]);
    expect(Object.keys(errorsOf(FeedbackUpdateSchema.safeParse({ section: "meta" })))).toEqual(["section"]);
    expect(Object.keys(errorsOf(FeedbackUpdateSchema.safeParse({ reply: "x".repeat(5001) })))).toEqual([
      "reply",
    ]);
  });

  it("tells which rights a change needs", () => {
    expect(rightsNeeded(FeedbackUpdateSchema.parse({ status: "done", reply: "Thanks" }))).toEqual({
      content: false,
      triage: true,
    });
    expect(rightsNeeded(FeedbackUpdateSchema.parse({ account: "Acme" }))).toEqual({
      content: true,
      triage: false,
    });
    expect(rightsNeeded(FeedbackUpdateSchema.parse({ planId: null, section: null }))).toEqual({
      content: true,
      triage: true,
    });
  });
});

describe("FeedbackListQuerySchema", () => {
  it("defaults to 50 items of every kind", () => {
    expect(FeedbackListQuerySchema.parse({})).toEqual({ mine: false, limit: 50 });
  });

  it("reads the URL's strings", () => {
    expect(
      FeedbackListQuerySchema.parse({
        status: "new",
        tag: "pricing",
        plan: PLAN,
        mine: "1",
        q: "  acme ",
        limit: "10",
      }),
    ).toEqual({ status: "new", tag: "pricing", plan: PLAN, mine: true, q: "acme", limit: 10 });
    expect(FeedbackListQuerySchema.parse({ q: "   " }).q).toBeUndefined();
  });

  it("refuses bad filters by name", () => {
    for (const [key, value] of [
      ["status", "open"],
      ["tag", "rumour"],
      ["plan", "nope"],
      ["market", "1"],
      ["mine", "yes"],
      ["before", "x"],
      ["limit", "0"],
      ["limit", "101"],
      ["q", "x".repeat(201)],
    ] as const) {
      expect(
        Object.keys(errorsOf(FeedbackListQuerySchema.safeParse({ [key]: value }))),
        `${key}=${value}`,
      ).toEqual([key]);
    }
  });
});
