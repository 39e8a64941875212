import { describe, expect, it } from "vitest";
import { ROLES, TEAMS } from "../membership";
import { canChangeFeedback, canEditFeedback, canTriageFeedback } from "./policy";

describe("canTriageFeedback", () => {
  it("lets the owner of any team and marketing's editors triage", () => {
    const allowed = ROLES.flatMap((role) =>
      TEAMS.filter((team) => canTriageFeedback({ role, team })).map((team) => `${role}/${team}`),
    );
    expect(allowed.sort()).toEqual(
      ["editor/marketing", "owner/leadership", "owner/marketing", "owner/other", "owner/sales"].sort(),
    );
  });

  it("refuses sales editors, marketing commenters and viewers", () => {
    expect(canTriageFeedback({ role: "editor", team: "sales" })).toBe(false);
    expect(canTriageFeedback({ role: "commenter", team: "marketing" })).toBe(false);
    expect(canTriageFeedback({ role: "viewer", team: "marketing" })).toBe(false);
  });
});

describe("canEditFeedback", () => {
  const me = { userId: "u1" };
  it("lets the author change their item while it is new only", () => {
    expect(canEditFeedback(me, { authorId: "u1", status: "new" })).toBe(true);
    for (const status of ["planned", "done", "declined"] as const)
      expect(canEditFeedback(me, { authorId: "u1", status })).toBe(false);
    expect(canEditFeedback(me, { authorId: "u2", status: "new" })).toBe(false);
  });
});

describe("canChangeFeedback", () => {
  it("is either right", () => {
    const item = { authorId: "u1", status: "planned" as const };
    expect(canChangeFeedback({ userId: "u2", role: "editor", team: "marketing" }, item)).toBe(true);
    expect(canChangeFeedback({ userId: "u1", role: "viewer", team: "sales" }, item)).toBe(false);
    expect(
      canChangeFeedback({ userId: "u1", role: "viewer", team: "sales" }, { ...item, status: "new" }),
    ).toBe(true);
    expect(
      canChangeFeedback({ userId: "u2", role: "commenter", team: "sales" }, { ...item, status: "new" }),
    ).toBe(false);
  });
});
