import { describe, expect, it } from "vitest";
import { exactTime, relativeTime } from "./time-format";

const NOW = new Date("2027-03-12T14:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe("relativeTime", () => {
  it("says how long ago, coarser as time passes", () => {
    expect(relativeTime(ago(10_000), NOW)).toBe("just now");
    expect(relativeTime(ago(5 * 60_000), NOW)).toBe("5 min ago");
    expect(relativeTime(ago(3 * 3_600_000), NOW)).toBe("3 h ago");
    expect(relativeTime(ago(30 * 3_600_000), NOW)).toBe("yesterday");
    expect(relativeTime(ago(4 * 86_400_000), NOW)).toBe("4 days ago");
    expect(relativeTime("2027-01-02T10:00:00Z", NOW)).toBe("Jan 2");
    expect(relativeTime("2026-01-02T10:00:00Z", NOW)).toBe("Jan 2, 2026");
  });

  it("says nothing for a time it cannot read", () => {
    expect(relativeTime("soon", NOW)).toBe("");
    expect(exactTime("soon")).toBe("");
  });

  it("spells the exact time out for the title", () => {
    expect(exactTime("2027-03-12T14:05:00Z")).toMatch(/12 March 2027/);
  });
});
