import * as Y from "yjs";
import { ACTUALS_COLUMNS } from "../../app/domain/actuals";
import { planTemplate, writePlanContent, type PlanSections } from "../../app/domain/plan";
import { appendUpdate } from "../../db/queries/documents";
import type { BenchDatabase } from "./database";

/**
 * The actuals scenario's plans, written straight into PostgreSQL: a plan
 * document with `markets` target markets, one revenue goal each and two
 * campaigns each, as editors would have typed them. Actuals go in by SQL
 * too when the scenario measures reading them, or through the import API
 * when it measures the import.
 */
export interface ActualsPlan {
  planId: string;
  marketIds: string[];
  campaignIds: string[];
}

const PERIOD = "2027-Q1";

export async function seedActualsPlan(
  db: BenchDatabase,
  markets: number,
  /** Revenue goals and campaigns beside the markets: the dashboard's plan has them, an import's need not. */
  withTargets = true,
): Promise<ActualsPlan> {
  const [planId] = await db.createPlans(1);
  const content: PlanSections = planTemplate({
    title: "Bench actuals plan",
    period: PERIOD,
    currency: "USD",
  });
  for (let i = 0; i < markets; i++) {
    const marketId = crypto.randomUUID();
    content.targetMarkets.push({
      id: marketId,
      segment: `Market ${i}`,
      icp: "",
      region: "",
      companySize: "",
      priority: "medium",
      ownerId: null,
    });
    if (!withTargets) continue;
    content.revenueGoals.push({
      id: crypto.randomUUID(),
      targetMarketId: marketId,
      period: PERIOD,
      revenueTarget: 300_000 + i * 1_000,
      pipelineTarget: 900_000,
      avgDealSize: 25_000,
      winRate: 0.25,
      mqlToSqlRate: 0.2,
      marketingSourcedShare: 0.5,
    });
    for (const channel of ["webinar", "paid-search"] as const) {
      content.campaigns.push({
        id: crypto.randomUUID(),
        name: `Campaign ${i} ${channel}`,
        channel,
        targetMarketId: marketId,
        start: "2027-01-01",
        end: "2027-03-31",
        budget: 20_000,
        expectedMqls: 100,
        ownerId: null,
        status: "active",
      });
    }
  }
  const doc = new Y.Doc();
  writePlanContent(doc, content);
  await appendUpdate(db.sql, planId!, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return {
    planId: planId!,
    marketIds: content.targetMarkets.map((m) => m.id),
    campaignIds: content.campaigns.map((c) => c.id),
  };
}

/**
 * `months` months of actuals for every market and campaign, ending with the
 * plan's quarter (so 36 months are the 33 before it and its 3). Plans are
 * quarterly: the months before the quarter are stored rows the dashboard
 * reads and leaves out.
 */
export async function seedActualsRows(db: BenchDatabase, plan: ActualsPlan, months: number): Promise<number> {
  const { sql } = db;
  const markets = sql.json(plan.marketIds.map((id, n) => ({ id, n })));
  const campaigns = sql.json(plan.campaignIds.map((id, n) => ({ id, n })));
  const monthList = sql`
    select to_char(date '2027-03-01' - (m || ' months')::interval, 'YYYY-MM') as month, m
    from generate_series(0, ${months - 1}::int) m`;
  const [rows] = await sql<{ count: number }[]>`
    with inserted as (
      insert into plan_actuals (plan_id, target_market_id, month, revenue_won, deals_won, pipeline_created,
                                mqls, sqls, followed_up_in_sla, handed_off, updated_by)
      select ${plan.planId}, k.id, ms.month, 80000 + (k.n * 37 + ms.m * 11) % 40000, 3 + (k.n + ms.m) % 4,
             250000 + (k.n * 13 + ms.m) % 90000, 40 + (k.n + ms.m) % 30, 8 + (k.n + ms.m) % 6,
             30 + (k.n + ms.m) % 8, 38 + (k.n + ms.m) % 8 + 0, ${db.userId}
      from jsonb_to_recordset(${markets}) as k(id uuid, n int)
      cross join (${monthList}) ms
      returning 1)
    select count(*)::int as count from inserted`;
  await sql`
    insert into campaign_spend (plan_id, campaign_id, month, spend, mqls, updated_by)
    select ${plan.planId}, k.id, ms.month, 5000 + (k.n * 91 + ms.m) % 3000, 20 + (k.n + ms.m) % 15, ${db.userId}
    from jsonb_to_recordset(${campaigns}) as k(id uuid, n int)
    cross join (${monthList}) ms`;
  await sql`analyze plan_actuals`;
  await sql`analyze campaign_spend`;
  return rows!.count;
}

/** A CSV of the actuals template with one line per market and month of the quarter, `rows` lines in all. */
export function actualsCsv(plan: ActualsPlan, rows: number): string {
  const months = ["2027-01", "2027-02", "2027-03"];
  const lines = [ACTUALS_COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const market = `Market ${Math.floor(i / 3)}`;
    const handedOff = 30 + (i % 20);
    lines.push(
      [
        months[i % 3],
        market,
        40_000 + (i % 977) * 10,
        i % 9,
        120_000 + i,
        40 + (i % 60),
        10 + (i % 12),
        handedOff - (i % 5),
        handedOff,
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
