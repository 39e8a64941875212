import { describe, expect, it } from "vitest";
import type { Pacing } from "../../domain/metrics";
import { compactMoney, dayLabel, figureText, money, monthLabel, paceLabel, percent } from "./figures";

describe("dashboard figures in words", () => {
  it("formats a value and tells the reason of a missing one", () => {
    expect(figureText({ value: 0.425, reason: null }, percent)).toBe("42.5%");
    expect(figureText({ value: null, reason: "no target" }, percent)).toBe("No target");
    expect(figureText({ value: null, reason: "no MQLs" }, money("USD"))).toBe("No MQLs yet");
    expect(figureText({ value: 1250.5, reason: null }, money("EUR"))).toBe("€1,251");
    expect(figureText({ value: 29_629.629, reason: null }, money("USD"))).toBe("$29,630");
    expect(figureText({ value: 12.345, reason: null }, money("USD"))).toBe("$12.35");
    expect(figureText({ value: 40, reason: null }, money("USD"))).toBe("$40");
  });

  it("never writes NaN or Infinity for a ratio the metrics left out", () => {
    for (const reason of ["no target", "no budget", "not started", "no deals won"] as const) {
      const text = figureText({ value: null, reason }, percent);
      expect(text).not.toMatch(/NaN|Infinity|^—$/);
    }
  });

  it("shortens money for chart axes in the plan's currency", () => {
    expect(compactMoney(1_200_000, "USD")).toBe("$1.2M");
    expect(compactMoney(450_000, "EUR")).toBe("€450K");
    expect(compactMoney(5, "NOPE")).toBe("5");
  });

  it("labels pacing by status, or says why there is none", () => {
    const base = { elapsedShare: 0.5, achievedShare: { value: 0.5, reason: null } } as const;
    const onTrack: Pacing = { ...base, pace: { value: 1, reason: null }, status: "on_track" };
    expect(paceLabel(onTrack)).toEqual({ text: "On track", tone: "on_track" });
    const early: Pacing = {
      ...base,
      elapsedShare: 0,
      pace: { value: null, reason: "not started" },
      status: null,
    };
    expect(paceLabel(early)).toEqual({ text: "Not started", tone: "none" });
    const noTarget: Pacing = {
      elapsedShare: 0.5,
      achievedShare: { value: null, reason: "no target" },
      pace: { value: null, reason: "no target" },
      status: null,
    };
    expect(paceLabel(noTarget)).toEqual({ text: "No target", tone: "none" });
  });

  it("writes months and days in UTC", () => {
    expect(monthLabel("2027-01")).toBe("Jan 2027");
    expect(dayLabel("2027-02-15")).toBe("15 Feb 2027");
    expect(dayLabel("not a day")).toBe("not a day");
  });
});
