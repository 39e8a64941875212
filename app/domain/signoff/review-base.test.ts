import { describe, expect, it } from "vitest";
import { reviewBaseOf } from "./review-base";

const v = (number: number, kind: "named" | "submitted" | "approved" | "restored") => ({
  id: `v${number}`,
  number,
  kind,
});

describe("reviewBaseOf", () => {
  it("is the last approved version before the one under review", () => {
    const versions = [
      v(1, "submitted"),
      v(2, "approved"),
      v(3, "named"),
      v(4, "submitted"),
      v(5, "submitted"),
    ];
    expect(reviewBaseOf(versions, v(5, "submitted"))).toBe("v2");
  });

  it("is the previous submission when nothing was approved yet", () => {
    const versions = [v(5, "submitted"), v(1, "submitted"), v(2, "named"), v(3, "submitted")];
    expect(reviewBaseOf(versions, v(5, "submitted"))).toBe("v3");
  });

  it("ignores later versions and named ones", () => {
    const versions = [v(1, "named"), v(2, "submitted"), v(3, "approved")];
    expect(reviewBaseOf(versions, v(2, "submitted"))).toBeNull();
  });

  it("is null for a first submission", () => {
    expect(reviewBaseOf([v(1, "submitted")], v(1, "submitted"))).toBeNull();
  });
});
