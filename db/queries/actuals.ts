import type { ActualsRow, CampaignSpendRow } from "../../app/domain/actuals";
import type { Db, Tx } from "../sql";

/**
 * A plan's actuals (migration 0006): per target market and month, and the
 * spend and MQLs of each campaign per month. Writes upsert by key, in
 * batches through postgres.js's multi-row insert helper, so a 50,000-row
 * import is a few dozen statements rather than 50,000.
 */

/** Rows per insert: 11 parameters a row stays well under PostgreSQL's 65,535 per statement. */
const BATCH = 2000;

/** Told after each batch with the rows written so far, for an import's progress bar. */
export type OnBatch = (written: number) => void;

/** Writes rows BATCH at a time: one statement per batch keeps parameters within PostgreSQL's limit. */
async function inBatches<T>(
  rows: readonly T[],
  onBatch: OnBatch | undefined,
  write: (batch: readonly T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await write(batch);
    onBatch?.(start + batch.length);
  }
}

export async function listActuals(db: Db, planId: string): Promise<ActualsRow[]> {
  return db<ActualsRow[]>`
    select target_market_id as "targetMarketId", month,
      revenue_won::float8 as "revenueWon", deals_won as "dealsWon",
      pipeline_created::float8 as "pipelineCreated", mqls, sqls,
      followed_up_in_sla as "leadsFollowedUpInSla", handed_off as "leadsHandedOff"
    from plan_actuals
    where plan_id = ${planId}
    order by month, target_market_id`;
}

export async function listCampaignSpend(db: Db, planId: string): Promise<CampaignSpendRow[]> {
  return db<CampaignSpendRow[]>`
    select campaign_id as "campaignId", month, spend::float8 as spend, mqls
    from campaign_spend
    where plan_id = ${planId}
    order by month, campaign_id`;
}

/** Inserts or overwrites market months; runs inside the caller's transaction, so a failed batch writes nothing. */
export async function upsertActuals(
  tx: Tx,
  planId: string,
  updatedBy: string,
  rows: readonly ActualsRow[],
  onBatch?: OnBatch,
): Promise<void> {
  await inBatches(rows, onBatch, async (slice) => {
    const batch = slice.map((row) => ({
      plan_id: planId,
      target_market_id: row.targetMarketId,
      month: row.month,
      revenue_won: row.revenueWon,
      deals_won: row.dealsWon,
      pipeline_created: row.pipelineCreated,
      mqls: row.mqls,
      sqls: row.sqls,
      followed_up_in_sla: row.leadsFollowedUpInSla,
      handed_off: row.leadsHandedOff,
      updated_by: updatedBy,
    }));
    await tx`
      insert into plan_actuals ${tx(batch)}
      on conflict (plan_id, target_market_id, month) do update set
        revenue_won = excluded.revenue_won, deals_won = excluded.deals_won,
        pipeline_created = excluded.pipeline_created, mqls = excluded.mqls, sqls = excluded.sqls,
        followed_up_in_sla = excluded.followed_up_in_sla, handed_off = excluded.handed_off,
        updated_by = excluded.updated_by, updated_at = now()`;
  });
}

/** Inserts or overwrites campaign months, batched like upsertActuals. */
export async function upsertCampaignSpend(
  tx: Tx,
  planId: string,
  updatedBy: string,
  rows: readonly CampaignSpendRow[],
  onBatch?: OnBatch,
): Promise<void> {
  await inBatches(rows, onBatch, async (slice) => {
    const batch = slice.map((row) => ({
      plan_id: planId,
      campaign_id: row.campaignId,
      month: row.month,
      spend: row.spend,
      mqls: row.mqls,
      updated_by: updatedBy,
    }));
    await tx`
      insert into campaign_spend ${tx(batch)}
      on conflict (plan_id, campaign_id, month) do update set
        spend = excluded.spend, mqls = excluded.mqls,
        updated_by = excluded.updated_by, updated_at = now()`;
  });
}
