/**
 * The shape of a plan's Y.Doc (DESIGN.md section 2): one name per top-level
 * shared type and the keys of every row map. Editor, server, projection and
 * seeding all read these names from here, never from string literals.
 */

/** Top-level shared types of the plan document. */
export const SECTION = {
  /** Y.Map: title, period, currency. */
  meta: "meta",
  /** Y.XmlFragment (TipTap): positioning, products, pricing, channels. */
  strategy: "strategy",
  /** Y.Array<Y.Map>: rows of TARGET_MARKET_KEYS. */
  targetMarkets: "targetMarkets",
  /** Y.Array<Y.Map>: rows of REVENUE_GOAL_KEYS. */
  revenueGoals: "revenueGoals",
  /** Y.Array<Y.Map>: rows of CAMPAIGN_KEYS. */
  campaigns: "campaigns",
  /** Y.Map: mqlCriteria, sqlCriteria (Y.XmlFragment), handoffFields (Y.Array<string>), slaHours (number). */
  leadDefinitions: "leadDefinitions",
  /** Y.XmlFragment (TipTap): journey stages, tollgates, owners of touch points. */
  journey: "journey",
  /** Y.Array<Y.Map>: rows of GLOSSARY_KEYS. */
  glossary: "glossary",
} as const;

export type SectionName = keyof typeof SECTION;

/** The plan's content sections (all but meta), in the plan page's reading order. */
export const CONTENT_SECTIONS = [
  "strategy",
  "targetMarkets",
  "revenueGoals",
  "campaigns",
  "leadDefinitions",
  "journey",
  "glossary",
] as const satisfies readonly Exclude<SectionName, "meta">[];
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

export const META_KEYS = ["title", "period", "currency"] as const;

/** Every row map has a client-made UUID `id`; comments anchor to it. */
export const TARGET_MARKET_KEYS = [
  "id",
  "segment",
  "icp",
  "region",
  "companySize",
  "priority",
  "ownerId",
] as const;

/** Rates are fractions in 0..1 (0.25 = 25 %); money in the plan's currency. */
export const REVENUE_GOAL_KEYS = [
  "id",
  "targetMarketId",
  "period",
  "revenueTarget",
  "pipelineTarget",
  "avgDealSize",
  "winRate",
  "mqlToSqlRate",
  "marketingSourcedShare",
] as const;

/** Dates are ISO `YYYY-MM-DD` strings. */
export const CAMPAIGN_KEYS = [
  "id",
  "name",
  "channel",
  "targetMarketId",
  "start",
  "end",
  "budget",
  "expectedMqls",
  "ownerId",
  "status",
] as const;

export const LEAD_DEFINITION_KEYS = ["mqlCriteria", "sqlCriteria", "handoffFields", "slaHours"] as const;

export const GLOSSARY_KEYS = ["id", "term", "salesMeaning", "marketingMeaning", "agreedDefinition"] as const;

/** The rich-text fragments of the document, by where they live. */
export const RICH_TEXT = {
  strategy: { section: SECTION.strategy },
  journey: { section: SECTION.journey },
  mqlCriteria: { section: SECTION.leadDefinitions, key: "mqlCriteria" },
  sqlCriteria: { section: SECTION.leadDefinitions, key: "sqlCriteria" },
} as const;
