import type { CAMPAIGN_KEYS, GLOSSARY_KEYS, REVENUE_GOAL_KEYS, TARGET_MARKET_KEYS } from "./layout";
import { CURRENCIES } from "../forms";

/**
 * What every cell of the plan holds and how people talk about it: kind,
 * label and hint per key. The zod schemas (schemas.ts), the cell parser and
 * formatter (cells.ts), the projection and the table UI are all driven by
 * this one table, so a column added here is validated, parsed, projected and
 * labelled everywhere at once.
 */

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

export const CHANNELS = [
  "email",
  "events",
  "paid-search",
  "paid-social",
  "content",
  "webinar",
  "partner",
  "outbound",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  email: "E-mail",
  events: "Events",
  "paid-search": "Paid search",
  "paid-social": "Paid social",
  content: "Content",
  webinar: "Webinar",
  partner: "Partner",
  outbound: "Outbound",
  other: "Other",
};

/** `cancelled` campaigns stay in the plan for the record but count for nothing in the funnel. */
export const CAMPAIGN_STATUSES = ["planned", "active", "done", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  planned: "Planned",
  active: "Active",
  done: "Done",
  cancelled: "Cancelled",
};

export const CURRENCY_LABELS: Record<(typeof CURRENCIES)[number], string> = {
  USD: "US dollar",
  EUR: "Euro",
  GBP: "Pound sterling",
  CHF: "Swiss franc",
  CAD: "Canadian dollar",
  AUD: "Australian dollar",
  JPY: "Japanese yen",
  SEK: "Swedish krona",
};

/**
 * How a cell is stored and edited:
 * - `id`: the row's UUID, made by the client, never edited.
 * - `text`: a plain string ("" when empty), up to `maxLength`.
 * - `enum`: one of `options`, or null when unset.
 * - `ref`: the UUID of another row or member, or null.
 * - `money`: a number in the plan's currency (never a string), or null.
 * - `rate`: a fraction 0..1 (0.25 is 25 %), shown and typed as a percentage.
 * - `count`: a whole number >= 0, or null.
 * - `hours`: a number of hours > 0, or null.
 * - `date`: an ISO calendar date `YYYY-MM-DD`, or null.
 * - `period`: a plan quarter like `2027-Q1` (meta only).
 * - `list`: an array of short strings (hand-off fields).
 */
export type CellKind =
  "id" | "text" | "enum" | "ref" | "money" | "rate" | "count" | "hours" | "date" | "period" | "list";

export interface ColumnSpec {
  kind: CellKind;
  /** Column header and the name used in messages. */
  label: string;
  /** One-line hint for an empty cell or a tooltip. */
  hint: string;
  /** Refuses an empty value with this message; absent means empty is allowed. */
  required?: string;
  /** `text` and `list` items: longest accepted string. */
  maxLength?: number;
  /** `money`: the amount must be above 0, not just 0 or more. */
  positive?: boolean;
  /** `enum`: the allowed values and their labels. */
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, string>>;
  /** `ref`: what the UUID points at, so the UI knows which list to offer. */
  refersTo?: "targetMarket" | "member";
}

type Columns<K extends string> = Readonly<Record<K, ColumnSpec>>;
const ID: ColumnSpec = { kind: "id", label: "ID", hint: "Made by the client; comments anchor to it." };
const OWNER: ColumnSpec = { kind: "ref", refersTo: "member", label: "Owner", hint: "Who answers for it." };
const MARKET: ColumnSpec = {
  kind: "ref",
  refersTo: "targetMarket",
  label: "Target market",
  hint: "Leave empty for the whole plan.",
};
const SHORT = 200;
const LONG = 4000;

export const TARGET_MARKET_COLUMNS: Columns<(typeof TARGET_MARKET_KEYS)[number]> = {
  id: ID,
  segment: {
    kind: "text",
    maxLength: SHORT,
    label: "Segment",
    hint: "e.g. Mid-market fintech",
    required: "Name the segment.",
  },
  icp: {
    kind: "text",
    maxLength: LONG,
    label: "Ideal customer profile",
    hint: "Who buys, why, and what they look like.",
  },
  region: { kind: "text", maxLength: SHORT, label: "Region", hint: "e.g. DACH, North America" },
  companySize: { kind: "text", maxLength: SHORT, label: "Company size", hint: "e.g. 200–1,000 employees" },
  priority: {
    kind: "enum",
    options: PRIORITIES,
    optionLabels: PRIORITY_LABELS,
    label: "Priority",
    hint: "High, medium or low.",
    required: "Choose a priority.",
  },
  ownerId: OWNER,
};

export const REVENUE_GOAL_COLUMNS: Columns<(typeof REVENUE_GOAL_KEYS)[number]> = {
  id: ID,
  targetMarketId: MARKET,
  period: { kind: "text", maxLength: 40, label: "Period", hint: "e.g. 2027-Q1 or 2027-01" },
  revenueTarget: {
    kind: "money",
    label: "Revenue target",
    hint: "Closed-won revenue to reach.",
    required: "Enter a revenue target.",
  },
  pipelineTarget: {
    kind: "money",
    label: "Pipeline target",
    hint: "Qualified pipeline to build.",
    required: "Enter a pipeline target.",
  },
  avgDealSize: { kind: "money", positive: true, label: "Average deal size", hint: "Revenue per won deal." },
  winRate: { kind: "rate", label: "Win rate", hint: "Share of SQLs that close as won." },
  mqlToSqlRate: { kind: "rate", label: "MQL → SQL rate", hint: "Share of MQLs that sales accepts as SQLs." },
  marketingSourcedShare: {
    kind: "rate",
    label: "Marketing-sourced share",
    hint: "Part of the pipeline marketing sources.",
  },
};

export const CAMPAIGN_COLUMNS: Columns<(typeof CAMPAIGN_KEYS)[number]> = {
  id: ID,
  name: {
    kind: "text",
    maxLength: SHORT,
    label: "Campaign",
    hint: "e.g. Spring webinar series",
    required: "Name the campaign.",
  },
  channel: {
    kind: "enum",
    options: CHANNELS,
    optionLabels: CHANNEL_LABELS,
    label: "Channel",
    hint: "Where it reaches people.",
    required: "Choose a channel.",
  },
  targetMarketId: MARKET,
  start: { kind: "date", label: "Start", hint: "First day, YYYY-MM-DD." },
  end: { kind: "date", label: "End", hint: "Last day, YYYY-MM-DD." },
  budget: { kind: "money", label: "Budget", hint: "Planned spend." },
  expectedMqls: { kind: "count", label: "Expected MQLs", hint: "MQLs this campaign should bring." },
  ownerId: OWNER,
  status: {
    kind: "enum",
    options: CAMPAIGN_STATUSES,
    optionLabels: CAMPAIGN_STATUS_LABELS,
    label: "Status",
    hint: "Planned, active, done or cancelled.",
    required: "Choose a status.",
  },
};

export const GLOSSARY_COLUMNS: Columns<(typeof GLOSSARY_KEYS)[number]> = {
  id: ID,
  term: {
    kind: "text",
    maxLength: SHORT,
    label: "Term",
    hint: "e.g. Qualified lead",
    required: "Enter the term.",
  },
  salesMeaning: {
    kind: "text",
    maxLength: LONG,
    label: "What sales means",
    hint: "How sales uses the word today.",
  },
  marketingMeaning: {
    kind: "text",
    maxLength: LONG,
    label: "What marketing means",
    hint: "How marketing uses the word today.",
  },
  agreedDefinition: {
    kind: "text",
    maxLength: LONG,
    label: "Agreed definition",
    hint: "The one meaning both teams use from now on.",
  },
};

export const META_COLUMNS = {
  title: {
    kind: "text",
    maxLength: 120,
    label: "Title",
    hint: "e.g. 2027-Q1 joint plan",
    required: "Enter a title.",
  },
  period: { kind: "period", label: "Period", hint: "A quarter like 2027-Q1." },
  currency: {
    kind: "enum",
    options: CURRENCIES,
    optionLabels: CURRENCY_LABELS,
    label: "Currency",
    hint: "All money in the plan is in it.",
    required: "Choose a currency.",
  },
} as const satisfies Columns<"title" | "period" | "currency">;

/** The cells of leadDefinitions; mqlCriteria and sqlCriteria are rich text, not cells. */
export const LEAD_DEFINITION_COLUMNS = {
  handoffFields: {
    kind: "list",
    maxLength: 80,
    label: "Hand-off fields",
    hint: "What every lead passed to sales must carry.",
  },
  slaHours: {
    kind: "hours",
    label: "Follow-up SLA (hours)",
    hint: "Sales follows up every MQL within this time.",
  },
} as const satisfies Columns<"handoffFields" | "slaHours">;

/** Every section with cells, and its columns. */
export const COLUMNS = {
  meta: META_COLUMNS,
  targetMarkets: TARGET_MARKET_COLUMNS,
  revenueGoals: REVENUE_GOAL_COLUMNS,
  campaigns: CAMPAIGN_COLUMNS,
  glossary: GLOSSARY_COLUMNS,
  leadDefinitions: LEAD_DEFINITION_COLUMNS,
} as const;

export type CellSection = keyof typeof COLUMNS;

/** The sections that are tables of rows (Y.Array<Y.Map>). */
export const TABLE_SECTIONS = ["targetMarkets", "revenueGoals", "campaigns", "glossary"] as const;
export type TableSection = (typeof TABLE_SECTIONS)[number];

/** The column spec of one cell, or undefined for an unknown key (raw Yjs peers write anything). */
export function columnSpec(section: CellSection, key: string): ColumnSpec | undefined {
  const columns: Readonly<Record<string, ColumnSpec>> = COLUMNS[section];
  return Object.hasOwn(columns, key) ? columns[key] : undefined;
}
