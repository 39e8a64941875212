import type { Figure, NoValueReason, PaceStatus, Pacing } from "../../domain/metrics";
import { DEFAULT_LOCALE, formatMoney, formatNumber, formatPercent } from "../../domain/plan";

/**
 * The dashboard's figures in words: money in the plan's currency, shares as
 * percentages, and a figure that has no value as the reason why ("No
 * target"), so a reader never meets NaN, Infinity or a bare dash.
 */

/** Why a figure has no value, as a reader is told. */
export const REASON_WORDS: Readonly<Record<NoValueReason, string>> = {
  "no target": "No target",
  "no plan figure": "No plan figure",
  "no deals won": "No deals won yet",
  "no MQLs": "No MQLs yet",
  "no leads handed off": "No leads handed off yet",
  "no budget": "No budget",
  "not started": "Not started",
};

/** A figure through `format`, or its reason in words. */
export function figureText(figure: Figure, format: (value: number) => string): string {
  return figure.value === null ? REASON_WORDS[figure.reason] : format(figure.value);
}

export const percent = (value: number): string => formatPercent(value);

/**
 * Money in `currency`: whole amounts without cents, others with two
 * decimals; from 100 up, rounded to whole units, so an average or a cost
 * per MQL reads `$29,630` rather than `$29,629.63`.
 */
export const money =
  (currency: string) =>
  (value: number): string =>
    formatMoney(Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100, currency);

/** Money for a chart's axis: `$1.2M`, `€450K`. */
export function compactMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(DEFAULT_LOCALE, {
      style: "currency",
      currency,
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return new Intl.NumberFormat(DEFAULT_LOCALE, { notation: "compact", maximumFractionDigits: 1 }).format(
      value,
    );
  }
}

export const count = (value: number): string => formatNumber(value);

/** The words of a pace status, as its badge says them. */
export const PACE_WORDS: Readonly<Record<PaceStatus, string>> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
};

/** The badge of a pacing: its status, or why there is none ("Not started", "No target"). */
export function paceLabel(pacing: Pacing): { text: string; tone: PaceStatus | "none" } {
  if (pacing.status) return { text: PACE_WORDS[pacing.status], tone: pacing.status };
  const reason = pacing.pace.value === null ? pacing.pace.reason : pacing.achievedShare.reason;
  return { text: reason ? REASON_WORDS[reason] : "Not started", tone: "none" };
}

/** "Jan 2027" for `2027-01`, the same on the server and in the browser. */
export function monthLabel(month: string): string {
  const [year, index] = month.split("-").map(Number);
  if (!year || !index) return month;
  return new Intl.DateTimeFormat(DEFAULT_LOCALE, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, index - 1, 1)),
  );
}

/** "15 Feb 2027" for `2027-02-15`. */
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
