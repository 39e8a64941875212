import path from "node:path";

/**
 * What a bench run does, from the environment: BENCH_QUICK=1 for a short
 * smoke run, BENCH_ONLY=fanout,join,memory,throughput,commit,comments,actuals to pick
 * scenarios, BENCH_THROUGHPUT_CLIENTS=provider for stock providers in the
 * throughput scenario, BENCH_ACCORD_DIR=<checkout> to measure another
 * checkout's server (a worktree with a change). Every loop in the bench is
 * bounded by these numbers.
 */

export const SCENARIOS = ["fanout", "join", "memory", "throughput", "commit", "comments", "actuals"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  only: ReadonlySet<ScenarioName>;
  /** BENCH_ACCORD_DIR: the checkout whose server/main.ts is measured (default: this one). */
  accordDir?: string;
  /** Each measured scenario runs this many rounds per server, alternating which goes first. */
  rounds: number;
  fanout: { clients: number[]; edits: number; perSecond: number };
  join: { updates: number; perSecond: number; coldJoins: number; warmJoins: number };
  memory: { plans: number };
  /** `clients`: lean protocol-level clients (default) or stock providers (BENCH_THROUGHPUT_CLIENTS=provider). */
  throughput: { writers: number; seconds: number; window: number; clients: "lean" | "provider" };
  commit: { steadyEdits: number; loadSeconds: number };
  /** A plan with `threads` threads of `commentsPerThread` comments; `listRequests` listings; `liveComments` posted at `perSecond`. */
  comments: {
    threads: number;
    commentsPerThread: number;
    listRequests: number;
    liveComments: number;
    perSecond: number;
  };
  /** Metrics of a plan with `markets` markets × `months` months of actuals, `metricsRequests` times; `imports` imports of a `csvRows`-line CSV. */
  actuals: { markets: number; months: number; metricsRequests: number; csvRows: number; imports: number };
}

export function readOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true";
  const only = new Set<ScenarioName>();
  for (const name of (env.BENCH_ONLY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_ONLY: unknown scenario "${name}"; pick from ${SCENARIOS.join(", ")}`);
    }
    only.add(name as ScenarioName);
  }
  return {
    quick,
    only: only.size ? only : new Set(SCENARIOS),
    accordDir: env.BENCH_ACCORD_DIR ? path.resolve(env.BENCH_ACCORD_DIR) : undefined,
    rounds: quick ? 1 : 2,
    fanout: quick
      ? { clients: [20, 50], edits: 100, perSecond: 100 }
      : { clients: [50, 200], edits: 500, perSecond: 100 },
    join: quick
      ? { updates: 2_000, perSecond: 4_000, coldJoins: 2, warmJoins: 3 }
      : { updates: 20_000, perSecond: 4_000, coldJoins: 5, warmJoins: 9 },
    memory: { plans: quick ? 100 : 1_000 },
    throughput: {
      writers: 10,
      seconds: quick ? 3 : 10,
      window: 8,
      clients: env.BENCH_THROUGHPUT_CLIENTS === "provider" ? "provider" : "lean",
    },
    commit: { steadyEdits: quick ? 100 : 500, loadSeconds: quick ? 2 : 5 },
    comments: quick
      ? { threads: 2_000, commentsPerThread: 10, listRequests: 20, liveComments: 50, perSecond: 20 }
      : { threads: 2_000, commentsPerThread: 10, listRequests: 50, liveComments: 200, perSecond: 20 },
    actuals: {
      markets: 50,
      months: 36,
      metricsRequests: quick ? 20 : 100,
      csvRows: 50_000,
      imports: quick ? 1 : 3,
    },
  };
}
