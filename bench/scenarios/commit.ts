import path from "node:path";
import { sleep } from "../clock";
import type { Figure } from "../report";
import { startAccord } from "../servers/accord";
import {
  installCommitCapture,
  parseCommitLogLine,
  sentToCommit,
  type CommitCapture,
  type CommitLogLine,
} from "../servers/commit-capture";
import type { Target } from "../servers/target";
import { distribution } from "../stats";
import { ms, SETTLE_MS, type ScenarioResult, type SuiteContext } from "../suite";
import { runFanout } from "./fanout";
import { runThroughput } from "./throughput";

/**
 * Scenario 6, Accord only: how long an edit waits for PostgreSQL. Two loads:
 * steady (one writer, 100 edits/s, nine readers) and heavy (the throughput
 * workload). Two measures:
 *
 * - receipt → commit, from the server's own clock, if it prints a commit log
 *   (ACCORD_BENCH_COMMIT_LOG=1, see bench/README.md); otherwise "not measured";
 * - sent → committed, from the bench's send time to PostgreSQL's commit
 *   timestamp of the first row holding the edit (./commit-capture.ts): an
 *   upper bound of the former that also counts the trip to the server.
 */
export interface CommitRun {
  load: "steady" | "heavy";
  edits: number;
  /** Server-reported receipt → commit per update, ms; empty when the server has no commit log. */
  receiptToCommitMs: number[];
  /** Bench send → PostgreSQL commit timestamp per edit, ms. */
  sentToCommitMs: number[];
  /** Bench send → the INSERT holding the edit reached PostgreSQL, ms. */
  sentToStatementMs: number[];
  /** Edits no committed row held. */
  uncommitted: number;
}

export async function runCommit(
  target: Target,
  capture: CommitCapture,
  options: { steadyEdits: number; loadSeconds: number; settleMs: number },
): Promise<CommitRun[]> {
  const lines: CommitLogLine[] = [];
  const off = target.onLine((line) => {
    const parsed = parseCommitLogLine(line);
    if (parsed) lines.push(parsed);
  });
  try {
    const steady = await runFanout(target, {
      clients: 10,
      edits: options.steadyEdits,
      perSecond: 100,
      settleMs: options.settleMs,
    });
    const heavy = await runThroughput(target, {
      writers: 10,
      seconds: options.loadSeconds,
      window: 8,
      settleMs: options.settleMs,
    });
    // The last commits land within the group-commit interval; give them room.
    await sleep(1_000);
    const runs: CommitRun[] = [];
    const loads: Array<{
      load: CommitRun["load"];
      planId: string;
      writers: Array<{ clientId: number; sentAt: number[] }>;
    }> = [
      { load: "steady", planId: steady.planId, writers: [steady.writer] },
      { load: "heavy", planId: heavy.planId, writers: heavy.sentLog },
    ];
    for (const { load, planId, writers } of loads) {
      const fromDb = sentToCommit(await capture.rows(planId), writers);
      runs.push({
        load,
        edits: writers.reduce((n, w) => n + w.sentAt.length, 0),
        receiptToCommitMs: lines
          .filter((l) => l.planId === planId)
          .flatMap((l) => l.receivedAt.map((t) => l.committedAt - t)),
        sentToCommitMs: fromDb.toCommitMs,
        sentToStatementMs: fromDb.toStatementMs,
        uncommitted: fromDb.missing,
      });
    }
    return runs;
  } finally {
    off();
  }
}

/** The commit rows: Accord alone, started with the commit-log hook asked for and the capture trigger installed. */
export async function commitScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const { steadyEdits, loadSeconds } = ctx.options.commit;
  ctx.say(
    `  commit latency (Accord only): ${steadyEdits} edits at 100/s, then ${loadSeconds} s of the throughput load`,
  );
  const capture = await installCommitCapture(ctx.db.sql);
  try {
    const accord = await startAccord(ctx.db, {
      dataDir: path.join(ctx.dir, "accord-commit"),
      sessionSecret: ctx.sessionSecret,
      env: { ACCORD_BENCH_COMMIT_LOG: "1" },
      root: ctx.options.accordDir,
    });
    let runs;
    try {
      runs = await runCommit(accord, capture, { steadyEdits, loadSeconds, settleMs: SETTLE_MS });
    } finally {
      await accord.stop();
    }
    const figures: Figure[] = [];
    for (const run of runs) {
      const hook = distribution(run.receiptToCommitMs);
      const db = distribution(run.sentToCommitMs);
      const statement = distribution(run.sentToStatementMs);
      const loadText = run.load === "steady" ? "100 edits/s" : "throughput load";
      ctx.say(
        `    ${run.load}: receipt→commit ${hook.n ? `p50 ${ms(hook.p50)} p99 ${ms(hook.p99)}` : "not measured"}; sent→committed p50 ${ms(db.p50)} p99 ${ms(db.p99)} (of which sent→INSERT reached PostgreSQL p50 ${ms(statement.p50)} p99 ${ms(statement.p99)}); ${run.uncommitted} uncommitted`,
      );
      for (const p of ["p50", "p99"] as const) {
        figures.push({
          key: `commit.${run.load}.receipt.${p}`,
          label: `commit, receipt → commit ${p} (${loadText})`,
          unit: "ms",
          better: "lower",
          accord: hook.n ? hook[p] : undefined,
          goal: p === "p99" ? { text: "< 100 ms", limit: 100 } : undefined,
          note:
            p === "p99" && !hook.n
              ? "the server prints no commit log: ACCORD_BENCH_COMMIT_LOG=1 is not implemented (bench/README.md)"
              : undefined,
        });
      }
      for (const p of ["p50", "p99"] as const) {
        figures.push({
          key: `commit.${run.load}.sent.${p}`,
          label: `commit, edit sent → committed ${p} (${loadText})`,
          unit: "ms",
          better: "lower",
          accord: db.n ? db[p] : undefined,
          goal: p === "p99" ? { text: "< 100 ms", limit: 100 } : undefined,
          note:
            p === "p99" && run.uncommitted ? `${run.uncommitted} edits were in no committed row` : undefined,
        });
      }
    }
    return {
      figures,
      raw: runs.map((r) => ({
        load: r.load,
        edits: r.edits,
        uncommitted: r.uncommitted,
        receiptToCommitMs: distribution(r.receiptToCommitMs),
        sentToCommitMs: distribution(r.sentToCommitMs),
        sentToStatementMs: distribution(r.sentToStatementMs),
      })),
    };
  } finally {
    await capture.remove();
  }
}
