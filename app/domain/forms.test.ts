import { describe, expect, it } from "vitest";
import { PeriodSchema, PlanCreateSchema, SignupSchema, nextQuarter } from "./forms";

describe("PeriodSchema", () => {
  it.each(["2027-Q1", "2027-q4", " 2030-Q2 "])("accepts %s", (p) => {
    expect(PeriodSchema.safeParse(p).success).toBe(true);
  });
  it.each(["2027Q1", "2027-Q5", "27-Q1", "2027-Q0", "Q1 2027", "1999-Q1", ""])("refuses %j", (p) => {
    expect(PeriodSchema.safeParse(p).success).toBe(false);
  });
  it("normalises case and whitespace", () => {
    expect(PeriodSchema.parse(" 2027-q3 ")).toBe("2027-Q3");
  });
});

describe("SignupSchema", () => {
  const good = { name: "Ada", email: "Ada@Example.com", password: "correct horse", workspace: "Acme" };
  it("lower-cases the e-mail", () => {
    expect(SignupSchema.parse(good).email).toBe("ada@example.com");
  });
  it("refuses a password under 10 characters with a clear message", () => {
    const r = SignupSchema.safeParse({ ...good, password: "short" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Use at least 10 characters.");
  });
  it("refuses a blank workspace name", () => {
    expect(SignupSchema.safeParse({ ...good, workspace: "   " }).success).toBe(false);
  });
});

describe("PlanCreateSchema", () => {
  it("defaults the currency", () => {
    expect(PlanCreateSchema.parse({ title: "Q1", period: "2027-Q1" }).currency).toBe("USD");
  });
});

describe("nextQuarter", () => {
  it("rolls over the year", () => {
    expect(nextQuarter(new Date("2026-11-22T00:00:00Z"))).toBe("2027-Q1");
    expect(nextQuarter(new Date("2026-02-01T00:00:00Z"))).toBe("2026-Q2");
  });
});
