import { columnSpec, type CellSection, type ColumnSpec } from "./columns";
import { cellSchema, type CellKeyOf, type CellValue } from "./schemas";

/**
 * Typed text to a stored cell value and back. The table UI calls
 * `parseCell` when a cell is committed (it writes only `ok` values into the
 * Y.Map, so numbers are stored as numbers) and `formatCell` to show one.
 * Rates are stored as fractions but typed and shown as percentages.
 */

export type ParseResult<V> = { ok: true; value: V } | { ok: false; message: string };

export interface FormatOptions {
  /** The plan's currency (meta.currency); without it money shows as a plain number. */
  currency?: string | null;
  /** BCP 47 locale; defaults to en-US so server and browser render the same text. */
  locale?: string;
  /** `edit`: the text to put in the input, which `parseCell` reads back to the same value. */
  mode?: "display" | "edit";
}

export const DEFAULT_LOCALE = "en-US";
const ENTER_NUMBER = "Enter a number.";

/**
 * Parses what a person typed into one cell and validates it with the cell's
 * schema. Empty text means "no value" (null, or "" for text), which required
 * cells refuse with their own message. Money accepts `1,200,000`, `$1.2M`,
 * `250k`; rates accept `25`, `25 %`, `12.5`.
 */
export function parseCell<S extends CellSection, K extends CellKeyOf<S>>(
  section: S,
  key: K,
  raw: string,
): ParseResult<CellValue<S, K>> {
  const spec = columnSpec(section, key);
  if (!spec) return { ok: false, message: "This column does not exist." };
  const candidate = toCandidate(spec, typeof raw === "string" ? raw.trim() : "");
  if (candidate === NOT_A_NUMBER) return { ok: false, message: ENTER_NUMBER };
  const result = cellSchema(section, key).safeParse(candidate);
  if (result.success) return { ok: true, value: result.data as CellValue<S, K> };
  return { ok: false, message: result.error.issues[0]?.message ?? "Check this value." };
}

/** How a stored cell value reads in the table (`display`) or in its input (`edit`). Null shows as "". */
export function formatCell(
  section: CellSection,
  key: string,
  value: unknown,
  options: FormatOptions = {},
): string {
  const spec = columnSpec(section, key);
  if (value === null || value === undefined || !spec) return "";
  const edit = options.mode === "edit";
  const locale = options.locale ?? DEFAULT_LOCALE;
  switch (spec.kind) {
    case "money":
      if (typeof value !== "number") return "";
      return edit ? String(value) : formatMoney(value, options.currency, locale);
    case "rate":
      if (typeof value !== "number") return "";
      return edit ? String(Number((value * 100).toFixed(4))) : formatPercent(value, locale);
    case "count":
    case "hours":
      if (typeof value !== "number") return "";
      return edit ? String(value) : formatNumber(value, locale);
    case "enum":
      return edit ? String(value) : (spec.optionLabels?.[String(value)] ?? String(value));
    case "date":
      return edit || typeof value !== "string" ? String(value) : formatDate(value, locale);
    case "list":
      return Array.isArray(value) ? value.join(", ") : "";
    default:
      return String(value);
  }
}

/** Money in the plan currency: whole amounts without cents (`$1,200,000`), others with two decimals. */
export function formatMoney(
  amount: number,
  currency: string | null | undefined,
  locale = DEFAULT_LOCALE,
): string {
  const fraction = Number.isInteger(amount) ? 0 : 2;
  try {
    if (!currency) throw new RangeError("no currency");
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    }).format(amount);
  } catch {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: fraction }).format(amount);
  }
}

/** A stored fraction as a percentage: 0.25 → `25%`, 0.333 → `33.3%`. */
export function formatPercent(rate: number, locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** A count or an amount of hours with grouping: 1200 → `1,200`. */
export function formatNumber(value: number, locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function formatDate(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

const NOT_A_NUMBER = Symbol("not a number");

function toCandidate(spec: ColumnSpec, text: string): unknown {
  switch (spec.kind) {
    case "text":
    case "period":
    case "id":
      return text;
    case "enum":
      return text === "" ? null : matchOption(spec, text);
    case "ref":
    case "date":
      return text === "" ? null : text;
    case "money":
    case "count":
    case "hours":
      return text === "" ? null : (parseAmount(text) ?? NOT_A_NUMBER);
    case "rate":
      return text === "" ? null : (parsePercent(text) ?? NOT_A_NUMBER);
    case "list":
      return text
        .split(/[\n,;]/)
        .map((item) => item.trim())
        .filter(Boolean);
  }
}

function matchOption(spec: ColumnSpec, text: string): string {
  const wanted = text.toLowerCase();
  const found = spec.options?.find(
    (option) => option.toLowerCase() === wanted || spec.optionLabels?.[option]?.toLowerCase() === wanted,
  );
  return found ?? text;
}

const SUFFIX_EXPONENT: Record<string, number> = { k: 3, m: 6, mm: 6, b: 9, bn: 9 };
// 1234 | 1,234,567 | .5 | 1234.56, then an optional k / m / mm / b / bn.
const AMOUNT = /^([-+]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?)(k|mm|m|bn|b)?$/i;

/**
 * `1,200,000`, `$1.2M`, `250k`, `EUR 5000`, `1 200` → a number, or undefined.
 * A comma is only a thousands separator (`1,5` is refused, not read as 15).
 * Scaling goes through the decimal string so `1.1k` is exactly 1100.
 */
export function parseAmount(text: string): number | undefined {
  const compact = text
    .replace(/[\s_']/g, "")
    .replace(/\p{Sc}/gu, "")
    .replace(/^[A-Za-z]{3}(?=[-+\d.])/, "")
    .replace(/(?<=[\d.])[A-Za-z]{3}$/, "");
  const match = AMOUNT.exec(compact);
  const digits = match?.[2];
  if (!match || !digits || !/\d/.test(digits)) return undefined;
  const exponent = SUFFIX_EXPONENT[(match[3] ?? "").toLowerCase()] ?? 0;
  const value = Number(`${match[1]}${digits.replace(/,/g, "")}e${exponent}`);
  return Number.isFinite(value) ? value : undefined;
}

/** `25`, `25%`, `12.5 %` → 0.25, 0.125 (the stored fraction), or undefined. */
export function parsePercent(text: string): number | undefined {
  const match = /^([-+]?\d*(?:\.\d+)?)\s*%?$/.exec(text.replace(/\s/g, ""));
  const digits = match?.[1];
  if (!digits || !/\d/.test(digits)) return undefined;
  const value = Number(`${digits}e-2`);
  return Number.isFinite(value) ? value : undefined;
}
