import { describe, expect, it } from "vitest";
import { contentFromForm, relatedLink, relatedValue, triageFromForm } from "./form";
import { FeedbackCreateSchema, FeedbackUpdateSchema } from "./schemas";
import { feedbackItemPath, feedbackTriagedPhrase } from "./words";

const PLAN = "5f0c1f4e-8a8b-4c8e-9a53-3c1f3f0e2a11";
const ROW = "0d7f0c39-3a5e-4b9a-8f62-2f6c9f1d7b22";

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe("the page's forms", () => {
  it("read the filing form as the create body", () => {
    const body = contentFromForm(
      formOf([
        ["account", "Acme"],
        ["insight", "Too dear"],
        ["tags", "pricing"],
        ["tags", "objection"],
        ["planId", PLAN],
        ["related", `campaign:${ROW}`],
      ]),
    );
    expect(body).toEqual({
      account: "Acme",
      insight: "Too dear",
      tags: ["pricing", "objection"],
      planId: PLAN,
      targetMarketId: null,
      campaignId: ROW,
    });
    expect(FeedbackCreateSchema.parse(body)).toMatchObject({
      tags: ["objection", "pricing"],
      campaignId: ROW,
    });
  });

  it("read no plan and no related row as nulls, and no tags as none", () => {
    const body = contentFromForm(
      formOf([
        ["account", "Acme"],
        ["insight", "x"],
        ["planId", ""],
        ["related", ""],
      ]),
    );
    expect(body).toMatchObject({ tags: [], planId: null, targetMarketId: null, campaignId: null });
    expect(FeedbackCreateSchema.safeParse(body).success).toBe(false);
  });

  it("read the triage form: only the fields it posts", () => {
    expect(
      triageFromForm(
        formOf([
          ["status", "planned"],
          ["reply", ""],
        ]),
      ),
    ).toEqual({ status: "planned", reply: "" });
    expect(
      FeedbackUpdateSchema.parse(
        triageFromForm(
          formOf([
            ["status", "done"],
            ["reply", ""],
            ["section", ""],
          ]),
        ),
      ),
    ).toEqual({
      status: "done",
      reply: null,
      section: null,
    });
    expect(triageFromForm(formOf([["section", "journey"]]))).toEqual({ section: "journey" });
  });

  it("round-trip the related select's value", () => {
    expect(relatedLink(`market:${ROW}`)).toEqual({ targetMarketId: ROW, campaignId: null });
    expect(relatedLink("market:")).toEqual({ targetMarketId: null, campaignId: null });
    expect(relatedLink("plan:x")).toEqual({ targetMarketId: null, campaignId: null });
    expect(relatedValue({ targetMarket: { id: ROW }, campaign: null })).toBe(`market:${ROW}`);
    expect(relatedValue({ targetMarket: null, campaign: null })).toBe("");
  });
});

describe("words", () => {
  it("say what happened to the item", () => {
    expect(feedbackTriagedPhrase("Acme", "planned")).toBe("marked your feedback on Acme as planned");
    expect(feedbackTriagedPhrase("Acme", null)).toBe("replied to your feedback on Acme");
    expect(feedbackItemPath(ROW)).toBe(`/feedback?item=${ROW}`);
  });
});
