import path from "node:path";
import { validateActualsCsv } from "../../app/domain/actuals";
import { upsertActuals } from "../../db/queries/actuals";
import { timedGet } from "../clients/http";
import { now, sleep } from "../clock";
import type { Figure } from "../report";
import { startAccord } from "../servers/accord";
import { actualsCsv, seedActualsPlan, seedActualsRows, type ActualsPlan } from "../servers/actuals-data";
import { loginCookie } from "../servers/login-cookie";
import { distribution, rawDistribution } from "../stats";
import { ms, type ScenarioResult, type SuiteContext } from "../suite";

/**
 * Scenario 8, actuals (Accord only: the reference server has no actuals).
 *
 * - metrics: `GET /api/plans/:id/metrics` of a plan with `markets` target
 *   markets (a revenue goal and two campaigns each) and `months` months of
 *   actuals per market and campaign, `metricsRequests` times, interleaved
 *   with as many `GET /api/plans/:id` of the same plan as a baseline of the
 *   same server, same run. Server time = time to the first byte on loopback.
 * - import: `POST /api/plans/:id/actuals.csv` of a `csvRows`-line file into
 *   a fresh plan with enough markets, `imports` times. The baseline is the
 *   database alone: the same rows upserted by the bench itself in one
 *   transaction with the same batched statement, so the ratio is what
 *   reading, checking and the HTTP round trip add. While each import runs,
 *   another member's `GET /api/plans/:id` goes out back to back: its
 *   slowest answer shows how long the import kept the server from others.
 */
export interface ActualsRun {
  markets: number;
  months: number;
  storedRows: number;
  metricsBytes: number;
  metricsMs: number[];
  planMs: number[];
  csvRows: number;
  csvBytes: number;
  importMs: number[];
  databaseMs: number[];
  /** GET /api/plans/:id while an import ran. */
  duringImportMs: number[];
  /** The same, sent once the import had loaded the plan and was checking and writing the file. */
  duringCheckMs: number[];
}

export async function actualsScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const options = ctx.options.actuals;
  const accord = await startAccord(ctx.db, {
    dataDir: path.join(ctx.dir, "accord-actuals"),
    sessionSecret: ctx.sessionSecret,
    root: ctx.options.accordDir,
  });
  try {
    const origin = accord.collabUrl.replace(/^ws/, "http").replace(/\/collab$/, "");
    const cookie = await loginCookie(ctx.db, ctx.sessionSecret, ctx.db.userId);
    const plan = await seedActualsPlan(ctx.db, options.markets);
    const storedRows = await seedActualsRows(ctx.db, plan, options.months);
    ctx.say(`  actuals: ${options.markets} markets × ${options.months} months (${storedRows} market-months)`);
    const metrics = await measureMetrics(origin, cookie, plan, options.metricsRequests);
    const imports = await measureImports(ctx, origin, cookie, plan, options);
    const run: ActualsRun = {
      markets: options.markets,
      months: options.months,
      storedRows,
      ...metrics,
      ...imports,
    };
    const m = distribution(run.metricsMs);
    const p = distribution(run.planMs);
    const i = distribution(run.importMs);
    ctx.say(
      `    metrics p50 ${ms(m.p50)} (GET /api/plans/:id p50 ${ms(p.p50)}); ` +
        `import of ${run.csvRows} rows p50 ${ms(i.p50)} (database alone ${ms(distribution(run.databaseMs).p50)}), ` +
        `slowest other request meanwhile ${ms(distribution(run.duringImportMs).max)}, ` +
        `once checking ${ms(distribution(run.duringCheckMs).max)}`,
    );
    return { figures: actualsFigures(run), raw: summarise(run) };
  } finally {
    await accord.stop();
  }
}

async function measureMetrics(origin: string, cookie: string, plan: ActualsPlan, requests: number) {
  const metricsUrl = `${origin}/api/plans/${plan.planId}/metrics?today=2027-02-14`;
  const planUrl = `${origin}/api/plans/${plan.planId}`;
  for (let i = 0; i < 3; i++) {
    await timedGet(metricsUrl, cookie);
    await timedGet(planUrl, cookie);
  }
  const out = { metricsMs: [] as number[], planMs: [] as number[], metricsBytes: 0 };
  for (let i = 0; i < requests; i++) {
    const metrics = await timedGet(metricsUrl, cookie);
    out.metricsMs.push(metrics.firstByte);
    out.metricsBytes = metrics.bytes;
    out.planMs.push((await timedGet(planUrl, cookie)).firstByte);
  }
  return out;
}

async function measureImports(
  ctx: SuiteContext,
  origin: string,
  cookie: string,
  other: ActualsPlan,
  options: SuiteContext["options"]["actuals"],
) {
  const marketsNeeded = Math.ceil(options.csvRows / 3);
  const out = {
    csvRows: options.csvRows,
    csvBytes: 0,
    importMs: [] as number[],
    databaseMs: [] as number[],
    duringImportMs: [] as number[],
    duringCheckMs: [] as number[],
  };
  for (let run = 0; run < options.imports; run++) {
    const plan = await seedActualsPlan(ctx.db, marketsNeeded, false);
    const csv = actualsCsv(plan, options.csvRows);
    out.csvBytes = Buffer.byteLength(csv);

    // Another member's requests, back to back, each noted with when it went out.
    let importing = true;
    const pings: Array<{ sentAt: number; ms: number }> = [];
    const pinger = (async () => {
      while (importing) {
        const sentAt = now();
        pings.push({ sentAt, ms: (await timedGet(`${origin}/api/plans/${other.planId}`, cookie)).total });
        await sleep(5);
      }
    })();
    const start = now();
    const { lines, firstProgressAt } = await importWithProgress(
      `${origin}/api/plans/${plan.planId}/actuals.csv`,
      cookie,
      csv,
    );
    out.importMs.push(now() - start);
    importing = false;
    await pinger;
    const done = lines.at(-1) as { type?: string; imported?: number } | undefined;
    if (done?.type !== "done" || done.imported !== options.csvRows) {
      throw new Error(`import ended with ${JSON.stringify(done).slice(0, 300)}`);
    }
    out.duringImportMs.push(...pings.map((p) => p.ms));
    // From the first progress line on, the plan's document is loaded: what is left is checking and writing.
    out.duringCheckMs.push(...pings.filter((p) => p.sentAt >= firstProgressAt).map((p) => p.ms));
    const [stored] = await ctx.db.sql<{ count: number }[]>`
      select count(*)::int as count from plan_actuals where plan_id = ${plan.planId}`;
    if (stored!.count !== options.csvRows) throw new Error(`import stored ${stored!.count} rows`);

    // The baseline: the same rows, checked here, upserted by the database alone.
    const target = await seedActualsPlan(ctx.db, marketsNeeded, false);
    const refs = {
      period: "2027-Q1",
      markets: target.marketIds.map((id, n) => ({ id, name: `Market ${n}` })),
      campaigns: [],
    };
    const { rows } = validateActualsCsv(csv, refs);
    const dbStart = now();
    await ctx.db.sql.begin((tx) => upsertActuals(tx, target.planId, ctx.db.userId, rows));
    out.databaseMs.push(now() - dbStart);
  }
  return out;
}

/**
 * POST of a CSV asking for progress (`Accept: application/x-ndjson`, as the
 * actuals page does): every line of the answer, and when the first progress
 * line arrived.
 */
async function importWithProgress(
  url: string,
  cookie: string,
  csv: string,
): Promise<{ lines: unknown[]; firstProgressAt: number }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { cookie, "content-type": "text/csv", accept: "application/x-ndjson" },
    body: csv,
  });
  if (response.status !== 200 || !response.body) throw new Error(`import answered ${response.status}`);
  const lines: unknown[] = [];
  let firstProgressAt = Infinity;
  let buffered = "";
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as { type?: string };
      buffered = buffered.slice(newline + 1);
      if (line.type === "progress" && firstProgressAt === Infinity) firstProgressAt = now();
      lines.push(line);
    }
  }
  return { lines, firstProgressAt };
}

function actualsFigures(run: ActualsRun): Figure[] {
  const metrics = distribution(run.metricsMs);
  const plan = distribution(run.planMs);
  const imports = distribution(run.importMs);
  const database = distribution(run.databaseMs);
  const during = distribution(run.duringImportMs);
  const duringCheck = distribution(run.duringCheckMs);
  const size = `${run.markets} markets × ${run.months} months`;
  const baseline = "GET /api/plans/:id (time to first byte)";
  return [
    {
      key: "actuals.metrics.p50",
      label: `dashboard metrics (${size}), p50 server time`,
      unit: "ms",
      better: "lower",
      accord: metrics.p50,
      reference: plan.p50,
      baseline,
      note: `time to first byte on loopback; ${(run.metricsBytes / 1e3).toFixed(0)} kB of JSON; plans are quarterly, so ${run.markets * 3} of the ${run.storedRows} market-months count`,
    },
    {
      key: "actuals.metrics.p95",
      label: `dashboard metrics (${size}), p95 server time`,
      unit: "ms",
      better: "lower",
      accord: metrics.p95,
      reference: plan.p95,
      baseline,
    },
    {
      key: "actuals.import.p50",
      label: `import a ${run.csvRows.toLocaleString("en")}-row CSV, p50 until answered`,
      unit: "ms",
      better: "lower",
      accord: imports.p50,
      reference: database.p50,
      baseline: "the same rows upserted by the database alone, one transaction",
      note: `${(run.csvBytes / 1e6).toFixed(1)} MB, ${run.importMs.length} imports`,
    },
    {
      key: "actuals.import.others.max",
      label: "slowest GET /api/plans/:id while an import ran",
      unit: "ms",
      better: "lower",
      accord: during.max,
      reference: plan.p50,
      baseline: "GET /api/plans/:id p50 with nothing else running",
      note: `${during.n} requests during the imports, p50 ${during.p50.toFixed(1)} ms; the slowest fall before the first progress line, while the import reads the body and loads its plan document (16,667 markets)`,
    },
    {
      key: "actuals.import.others.checking.max",
      label: "slowest GET /api/plans/:id while the file was checked and written",
      unit: "ms",
      better: "lower",
      accord: duringCheck.max,
      reference: plan.p50,
      baseline: "GET /api/plans/:id p50 with nothing else running",
      note: `${duringCheck.n} requests sent after the first progress line, p50 ${duringCheck.p50.toFixed(1)} ms`,
    },
  ];
}

function summarise(run: ActualsRun) {
  return {
    markets: run.markets,
    months: run.months,
    storedRows: run.storedRows,
    metricsBytes: run.metricsBytes,
    metricsFirstByteMs: rawDistribution(run.metricsMs),
    planFirstByteMs: rawDistribution(run.planMs),
    csvRows: run.csvRows,
    csvBytes: run.csvBytes,
    importMs: rawDistribution(run.importMs),
    databaseMs: rawDistribution(run.databaseMs),
    duringImportMs: rawDistribution(run.duringImportMs),
    duringCheckMs: rawDistribution(run.duringCheckMs),
  };
}
