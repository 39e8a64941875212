import { describe, expect, it } from "vitest";
import { defaultPlanOf } from "./feedback.server";

describe("defaultPlanOf: the plan a new feedback item is about unless its author picks another", () => {
  const plans = [
    { id: "next", period: "2027-Q1" },
    { id: "running", period: "2026-Q4" },
    { id: "past", period: "2026-Q3" },
  ];

  it("is the plan the list is filtered to", () => {
    expect(defaultPlanOf(plans, "past", "2026-11")).toBe("past");
  });

  it("else the running quarter's plan, not the newest", () => {
    expect(defaultPlanOf(plans, undefined, "2026-11")).toBe("running");
    expect(defaultPlanOf(plans, "not-offered", "2026-11")).toBe("running");
  });

  it("else the newest plan, or none at all", () => {
    expect(defaultPlanOf(plans, undefined, "2028-05")).toBe("next");
    expect(defaultPlanOf([], undefined, "2026-11")).toBe("");
  });
});
