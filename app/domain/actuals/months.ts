import { PERIOD_PATTERN } from "../forms";

/**
 * Months and days of a plan period. Actuals are kept per calendar month and
 * a plan covers one quarter (`2027-Q1`), so import, the grid and the
 * dashboard all need the same answer to "which months belong to this plan"
 * and "how many days of it have passed". Dates are ISO strings read as UTC
 * calendar days, so the answer never depends on the server's time zone.
 */

/** A calendar month written `YYYY-MM`, month 01..12. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written like `2027-01`. */
export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** The three months of a quarter, `2027-Q1` → 2027-01, 2027-02, 2027-03; [] for anything else. */
export function periodMonths(period: string): string[] {
  const match = PERIOD_PATTERN.exec(period.trim().toUpperCase());
  if (!match) return [];
  const year = match[1] as string;
  const first = (Number(match[2]) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => `${year}-${String(m).padStart(2, "0")}`);
}

/** True when `month` is one of the plan period's months. */
export function monthInPeriod(month: string, period: string): boolean {
  return periodMonths(period).includes(month);
}

/** Days in a `YYYY-MM` month (February knows leap years). */
export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return new Date(Date.UTC(year, index, 0)).getUTCDate();
}

/**
 * How many days of `month` have passed on `today` (a `YYYY-MM-DD` day),
 * counting today as passed: the numbers of the day are in by the meeting.
 * 0 before the month, all of them after it.
 */
export function daysElapsedInMonth(month: string, today: string): number {
  const current = today.slice(0, 7);
  if (current < month) return 0;
  if (current > month) return daysInMonth(month);
  return Math.min(Number(today.slice(8, 10)), daysInMonth(month));
}
