import { describe, expect, it } from "vitest";
import { can } from "./policy";

describe("can", () => {
  it("lets only owners manage members", () => {
    expect(can({ role: "owner" }, "members.manage")).toBe(true);
    expect(can({ role: "editor" }, "members.manage")).toBe(false);
    expect(can({ role: "commenter" }, "members.manage")).toBe(false);
    expect(can({ role: "viewer" }, "members.manage")).toBe(false);
  });

  it("lets owners and editors create and edit plans", () => {
    for (const role of ["owner", "editor"] as const) {
      expect(can({ role }, "plan.create")).toBe(true);
      expect(can({ role }, "plan.edit")).toBe(true);
    }
    for (const role of ["commenter", "viewer"] as const) {
      expect(can({ role }, "plan.create")).toBe(false);
      expect(can({ role }, "plan.edit")).toBe(false);
    }
  });

  it("lets commenters comment but not viewers", () => {
    expect(can({ role: "commenter" }, "plan.comment")).toBe(true);
    expect(can({ role: "viewer" }, "plan.comment")).toBe(false);
    expect(can({ role: "viewer" }, "plan.read")).toBe(true);
  });

  it("lets only owners share a plan outside the workspace", () => {
    expect(can({ role: "owner" }, "plan.share")).toBe(true);
    for (const role of ["editor", "commenter", "viewer"] as const) {
      expect(can({ role }, "plan.share")).toBe(false);
    }
  });

  it("refuses everything to a non-member", () => {
    expect(can(null, "plan.read")).toBe(false);
    expect(can(undefined, "members.read")).toBe(false);
  });
});
