import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../server/build";
import { createLogger } from "../server/logger";
import { PROJECT_ROOT } from "../server/paths";
import { probeSync } from "./disk";
import { readOptions, SCENARIOS, type ScenarioName } from "./options";
import { formatTable, metOf, ratioOf, writeResults, type Figure } from "./report";
import { startBenchDatabase } from "./servers/database";
import { actualsScenario } from "./scenarios/actuals";
import { commentsScenario } from "./scenarios/comments";
import { commitScenario } from "./scenarios/commit";
import { fanoutScenario } from "./scenarios/fanout";
import { joinScenario } from "./scenarios/join";
import { memoryScenario } from "./scenarios/memory";
import { throughputScenario } from "./scenarios/throughput";
import type { ScenarioResult, SuiteContext } from "./suite";

/**
 * `npm run bench`: Accord (production build, PostgreSQL persistence) against
 * the reference in-memory @y/websocket-server, same workload, same run.
 * See bench/README.md for what each figure means.
 */
const SCENARIO_RUNNERS: Record<ScenarioName, (ctx: SuiteContext) => Promise<ScenarioResult>> = {
  fanout: fanoutScenario,
  join: joinScenario,
  memory: memoryScenario,
  throughput: throughputScenario,
  commit: commitScenario,
  comments: commentsScenario,
  actuals: actualsScenario,
};

async function main(): Promise<void> {
  const options = readOptions();
  const startedAt = new Date();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const cpus = os.cpus();
  say(`Accord bench${options.quick ? " (BENCH_QUICK)" : ""}: ${[...options.only].join(", ")}`);
  say(
    `  ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  if (os.loadavg()[0]! > 1) say("  warning: the machine is busy; figures will be noisy");
  if (options.accordDir) say(`  Accord from ${options.accordDir}`);

  const log = createLogger("warn");
  const buildStart = performance.now();
  await ensureBuild(log);
  say(`  production build ready (${((performance.now() - buildStart) / 1000).toFixed(1)} s)`);

  const dir = await mkdtemp(path.join(os.tmpdir(), "accord-bench-"));
  // As root, PostgreSQL runs as `postgres` and must be able to pass through.
  await chmod(dir, 0o711);
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const sync = probeSync(dir);
  say(`  disk: 8 KiB write + fdatasync p50 ${sync.p50.toFixed(2)} ms, p99 ${sync.p99.toFixed(2)} ms`);
  const loadAtStart = os.loadavg();
  const db = await startBenchDatabase(path.join(dir, "postgres"), log);
  const ctx: SuiteContext = { options, db, dir, sessionSecret: randomBytes(32).toString("hex"), say };

  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  const failures: Record<string, string> = {};
  try {
    for (const name of SCENARIOS) {
      if (!options.only.has(name)) continue;
      const scenarioStart = performance.now();
      try {
        const result = await SCENARIO_RUNNERS[name](ctx);
        figures.push(...result.figures);
        raw[name] = result.raw;
      } catch (error) {
        // One broken scenario must not hide the others' figures.
        failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
        say(`  ${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
      }
      say(`  (${name}: ${((performance.now() - scenarioStart) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await db.stop();
  }

  say("");
  say(formatTable(figures));
  const file = await writeResults(path.join(PROJECT_ROOT, "bench/results"), startedAt, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...options, only: [...options.only] },
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model,
      node: process.version,
      loadavgAtStart: loadAtStart,
      loadavgAtEnd: os.loadavg(),
      diskSyncMs: sync,
    },
    figures: figures.map((f) => ({ ...f, ratio: ratioOf(f), met: metOf(f) })),
    failures,
    raw,
  });
  say(`\nRaw figures: ${path.relative(process.cwd(), file)} (and bench/results/latest.json)`);
  if (Object.keys(failures).length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
