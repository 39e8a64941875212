import { describe, expect, it } from "vitest";
import { formatCell, formatMoney, formatPercent, parseAmount, parseCell, parsePercent } from "./cells";

describe("parseCell", () => {
  it.each([
    ["1200000", 1_200_000],
    ["1,200,000", 1_200_000],
    ["$1,200,000", 1_200_000],
    ["€ 5 000", 5000],
    ["1.2M", 1_200_000],
    ["250k", 250_000],
    ["1.1k", 1100],
    ["2bn", 2_000_000_000],
    ["EUR 5000", 5000],
    ["5000 USD", 5000],
    ["0", 0],
    ["  42.50 ", 42.5],
  ])("reads the amount %s", (raw, value) => {
    expect(parseCell("revenueGoals", "revenueTarget", raw)).toEqual({ ok: true, value });
  });

  it.each(["abc", "1,5", "12..3", "1e5", "Infinity", "--5", "5 apples"])(
    "refuses %j with 'Enter a number.'",
    (raw) => {
      expect(parseCell("revenueGoals", "revenueTarget", raw)).toEqual({
        ok: false,
        message: "Enter a number.",
      });
    },
  );

  it("refuses a negative amount", () => {
    expect(parseCell("campaigns", "budget", "-5")).toEqual({
      ok: false,
      message: "Enter an amount of 0 or more.",
    });
  });

  it("wants an average deal size above 0, but allows it empty", () => {
    expect(parseCell("revenueGoals", "avgDealSize", "0")).toEqual({
      ok: false,
      message: "Enter an amount above 0.",
    });
    expect(parseCell("revenueGoals", "avgDealSize", "")).toEqual({ ok: true, value: null });
  });

  it("refuses to empty a required cell, with its own message", () => {
    expect(parseCell("revenueGoals", "revenueTarget", "  ")).toEqual({
      ok: false,
      message: "Enter a revenue target.",
    });
    expect(parseCell("targetMarkets", "segment", " ")).toEqual({ ok: false, message: "Name the segment." });
  });

  it.each([
    ["25", 0.25],
    ["25%", 0.25],
    ["25 %", 0.25],
    ["12.5", 0.125],
    ["33.3", 0.333],
    ["0", 0],
    ["100", 1],
  ])("stores the percentage %j as the fraction %d", (raw, value) => {
    expect(parseCell("revenueGoals", "winRate", raw)).toEqual({ ok: true, value });
  });

  it.each(["101", "-1", "150%"])("refuses the percentage %j", (raw) => {
    expect(parseCell("revenueGoals", "mqlToSqlRate", raw)).toEqual({
      ok: false,
      message: "Use a percentage between 0 and 100.",
    });
  });

  it("wants whole MQLs", () => {
    expect(parseCell("campaigns", "expectedMqls", "1,200")).toEqual({ ok: true, value: 1200 });
    expect(parseCell("campaigns", "expectedMqls", "12.5")).toEqual({
      ok: false,
      message: "Enter a whole number.",
    });
  });

  it("reads SLA hours", () => {
    expect(parseCell("leadDefinitions", "slaHours", "24")).toEqual({ ok: true, value: 24 });
    expect(parseCell("leadDefinitions", "slaHours", "0")).toEqual({
      ok: false,
      message: "Enter a number of hours above 0.",
    });
  });

  it("matches enum values and labels, ignoring case", () => {
    expect(parseCell("campaigns", "channel", "Paid search")).toEqual({ ok: true, value: "paid-search" });
    expect(parseCell("campaigns", "channel", "WEBINAR")).toEqual({ ok: true, value: "webinar" });
    expect(parseCell("campaigns", "channel", "carrier pigeon")).toEqual({
      ok: false,
      message: "Choose a channel.",
    });
    expect(parseCell("targetMarkets", "priority", "")).toEqual({ ok: false, message: "Choose a priority." });
  });

  it("checks dates", () => {
    expect(parseCell("campaigns", "start", "2027-01-31")).toEqual({ ok: true, value: "2027-01-31" });
    expect(parseCell("campaigns", "start", "")).toEqual({ ok: true, value: null });
    expect(parseCell("campaigns", "start", "31/01/2027")).toEqual({
      ok: false,
      message: "Use a date like 2027-01-31.",
    });
    expect(parseCell("campaigns", "end", "2027-02-30")).toEqual({
      ok: false,
      message: "That date does not exist.",
    });
  });

  it("trims text and limits its length", () => {
    expect(parseCell("glossary", "term", "  MQL ")).toEqual({ ok: true, value: "MQL" });
    expect(parseCell("glossary", "term", "x".repeat(201))).toEqual({
      ok: false,
      message: "Keep it under 201 characters.",
    });
  });

  it("reads references as ids or empty", () => {
    const id = "8f14e45f-ceea-4e67-a9d3-d5bfcf8c0e5a";
    expect(parseCell("campaigns", "targetMarketId", id)).toEqual({ ok: true, value: id });
    expect(parseCell("campaigns", "ownerId", "")).toEqual({ ok: true, value: null });
    expect(parseCell("campaigns", "ownerId", "bob").ok).toBe(false);
  });

  it("splits hand-off fields", () => {
    expect(parseCell("leadDefinitions", "handoffFields", "Company, Contact\nRole;; ")).toEqual({
      ok: true,
      value: ["Company", "Contact", "Role"],
    });
  });

  it("normalises the plan period and refuses a bad one", () => {
    expect(parseCell("meta", "period", "2027-q2")).toEqual({ ok: true, value: "2027-Q2" });
    expect(parseCell("meta", "period", "Q2")).toEqual({ ok: false, message: "Use a quarter like 2027-Q1." });
  });
});

describe("formatCell", () => {
  const usd = { currency: "USD" };

  it("shows money in the plan currency", () => {
    expect(formatCell("revenueGoals", "revenueTarget", 1_200_000, usd)).toBe("$1,200,000");
    expect(formatCell("revenueGoals", "avgDealSize", 1234.5, usd)).toBe("$1,234.50");
    expect(formatCell("campaigns", "budget", 5000, { currency: "EUR", locale: "de-DE" })).toBe(
      "5.000\u00a0€",
    );
  });

  it("shows rates as percentages", () => {
    expect(formatCell("revenueGoals", "winRate", 0.25)).toBe("25%");
    expect(formatCell("revenueGoals", "winRate", 0.333)).toBe("33.3%");
  });

  it("gives edit text that parses back to the same value", () => {
    const cases = [
      ["revenueGoals", "winRate", 0.333],
      ["revenueGoals", "mqlToSqlRate", 0.07],
      ["revenueGoals", "revenueTarget", 1_234_567.89],
      ["campaigns", "expectedMqls", 1200],
      ["campaigns", "channel", "paid-social"],
    ] as const;
    for (const [section, key, value] of cases) {
      const text = formatCell(section, key, value, { ...usd, mode: "edit" });
      const parse = parseCell as (section: string, key: string, raw: string) => unknown;
      expect(parse(section, key, text)).toEqual({ ok: true, value });
    }
  });

  it("shows labels for enum values and empty for null", () => {
    expect(formatCell("campaigns", "channel", "paid-search")).toBe("Paid search");
    expect(formatCell("campaigns", "budget", null, usd)).toBe("");
    expect(formatCell("campaigns", "nope", 5)).toBe("");
  });

  it("shows counts with grouping and dates readably", () => {
    expect(formatCell("campaigns", "expectedMqls", 1200)).toBe("1,200");
    expect(formatCell("campaigns", "start", "2027-01-31")).toBe("Jan 31, 2027");
    expect(formatCell("campaigns", "start", "2027-01-31", { mode: "edit" })).toBe("2027-01-31");
  });

  it("does not throw on a value of the wrong type", () => {
    expect(formatCell("revenueGoals", "winRate", "25")).toBe("");
  });
});

describe("helpers", () => {
  it("formats money without a known currency as a plain number", () => {
    expect(formatMoney(1500, null)).toBe("1,500");
    expect(formatMoney(1500, "XYZ!")).toBe("1,500");
  });
  it("formats a percentage", () => {
    expect(formatPercent(0.125)).toBe("12.5%");
  });
  it("parses amounts and percentages", () => {
    expect(parseAmount("1'000'000")).toBe(1_000_000);
    expect(parseAmount("")).toBeUndefined();
    expect(parsePercent("7")).toBe(0.07);
    expect(parsePercent("%")).toBeUndefined();
  });
});
