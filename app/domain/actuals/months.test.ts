import { describe, expect, it } from "vitest";
import { daysElapsedInMonth, daysInMonth, isMonth, monthInPeriod, periodMonths } from "./months";

describe("periodMonths", () => {
  it("gives the three months of each quarter", () => {
    expect(periodMonths("2027-Q1")).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(periodMonths("2027-Q4")).toEqual(["2027-10", "2027-11", "2027-12"]);
    expect(periodMonths(" 2027-q2 ")).toEqual(["2027-04", "2027-05", "2027-06"]);
  });

  it("gives nothing for a period that is not a quarter", () => {
    expect(periodMonths("")).toEqual([]);
    expect(periodMonths("2027-Q5")).toEqual([]);
    expect(periodMonths("2027-01")).toEqual([]);
  });
});

describe("monthInPeriod", () => {
  it("accepts the period's months only", () => {
    expect(monthInPeriod("2027-03", "2027-Q1")).toBe(true);
    expect(monthInPeriod("2027-04", "2027-Q1")).toBe(false);
    expect(monthInPeriod("2026-01", "2027-Q1")).toBe(false);
  });
});

describe("isMonth", () => {
  it("wants YYYY-MM with a real month", () => {
    expect(isMonth("2027-01")).toBe(true);
    expect(isMonth("2027-13")).toBe(false);
    expect(isMonth("2027-1")).toBe(false);
    expect(isMonth("2027-01-01")).toBe(false);
  });
});

describe("days", () => {
  it("knows month lengths and leap years", () => {
    expect(daysInMonth("2027-01")).toBe(31);
    expect(daysInMonth("2027-02")).toBe(28);
    expect(daysInMonth("2028-02")).toBe(29);
    expect(daysInMonth("2027-04")).toBe(30);
  });

  it("counts days passed in a month, today included", () => {
    expect(daysElapsedInMonth("2027-02", "2027-01-31")).toBe(0);
    expect(daysElapsedInMonth("2027-02", "2027-02-01")).toBe(1);
    expect(daysElapsedInMonth("2027-02", "2027-02-14")).toBe(14);
    expect(daysElapsedInMonth("2027-02", "2027-03-01")).toBe(28);
    expect(daysElapsedInMonth("2027-02", "2030-01-01")).toBe(28);
  });
});
