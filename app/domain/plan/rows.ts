import * as Y from "yjs";
import { type TableSection } from "./columns";
import { CAMPAIGN_KEYS, GLOSSARY_KEYS, REVENUE_GOAL_KEYS, TARGET_MARKET_KEYS } from "./layout";
import { type CampaignRow, type GlossaryRow, type RevenueGoalRow, type TargetMarketRow } from "./schemas";

/**
 * New table rows. Every client adds rows the same way, with every key
 * present and a fresh UUID made on the client (comments anchor to it at
 * once, before any server round trip).
 */

export interface RowOf {
  targetMarkets: TargetMarketRow;
  revenueGoals: RevenueGoalRow;
  campaigns: CampaignRow;
  glossary: GlossaryRow;
}

export const ROW_KEYS = {
  targetMarkets: TARGET_MARKET_KEYS,
  revenueGoals: REVENUE_GOAL_KEYS,
  campaigns: CAMPAIGN_KEYS,
  glossary: GLOSSARY_KEYS,
} as const satisfies Record<TableSection, readonly string[]>;

/**
 * An empty row of a table: text "", numbers, dates and references null;
 * priority `medium` and status `planned` because nearly every new row starts
 * so. Channel stays empty: there is no sensible guess.
 */
export function blankRow<S extends TableSection>(section: S, id: string = crypto.randomUUID()): RowOf[S] {
  const rows: { [K in TableSection]: () => RowOf[K] } = {
    targetMarkets: () => ({
      id,
      segment: "",
      icp: "",
      region: "",
      companySize: "",
      priority: "medium",
      ownerId: null,
    }),
    revenueGoals: () => ({
      id,
      targetMarketId: null,
      period: "",
      revenueTarget: null,
      pipelineTarget: null,
      avgDealSize: null,
      winRate: null,
      mqlToSqlRate: null,
      marketingSourcedShare: null,
    }),
    campaigns: () => ({
      id,
      name: "",
      channel: null,
      targetMarketId: null,
      start: null,
      end: null,
      budget: null,
      expectedMqls: null,
      ownerId: null,
      status: "planned",
    }),
    glossary: () => ({ id, term: "", salesMeaning: "", marketingMeaning: "", agreedDefinition: "" }),
  };
  return rows[section]();
}

/** A row as the Y.Map to insert into its section's Y.Array (all keys set; empty is null). */
export function rowMap<S extends TableSection>(section: S, row: RowOf[S]): Y.Map<unknown> {
  const record = row as unknown as Record<string, unknown>;
  return new Y.Map<unknown>(ROW_KEYS[section].map((key) => [key, record[key] ?? null]));
}
