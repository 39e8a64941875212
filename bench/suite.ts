import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "./options";
import type { Figure } from "./report";
import { startAccord } from "./servers/accord";
import type { BenchDatabase } from "./servers/database";
import { startReference } from "./servers/reference";
import type { Target } from "./servers/target";

/**
 * What every scenario of a run shares (bench/scenarios/*): each runs against
 * fresh server processes (so one scenario's leftovers do not weigh on the
 * next one's memory or CPU), with the two servers measured back to back,
 * alternating which goes first.
 */
export interface SuiteContext {
  options: BenchOptions;
  db: BenchDatabase;
  /** Temporary directory of this run. */
  dir: string;
  sessionSecret: string;
  say: (line: string) => void;
}

export interface ScenarioResult {
  figures: Figure[];
  raw: unknown;
}

/** Time for the presence announcements of many joins to die down before measuring. */
export const SETTLE_MS = 1_500;

/** Starts a fresh Accord and a fresh reference, runs `work`, stops both whatever happens. */
export async function withServers<T>(
  ctx: SuiteContext,
  name: string,
  work: (servers: { accord: Target; reference: Target }) => Promise<T>,
  accordEnv: Record<string, string> = {},
): Promise<T> {
  const accord = await startAccord(ctx.db, {
    dataDir: path.join(ctx.dir, `accord-${name}`),
    sessionSecret: ctx.sessionSecret,
    env: accordEnv,
    root: ctx.options.accordDir,
  });
  let reference: Target | undefined;
  try {
    reference = await startReference();
    return await work({ accord, reference });
  } finally {
    await Promise.all([accord.stop(), reference?.stop()]);
  }
}

/** `rounds` rounds of `run` on both servers: Accord first in even rounds, the reference first in odd ones. */
export async function alternate<R>(
  ctx: SuiteContext,
  servers: { accord: Target; reference: Target },
  run: (target: Target) => Promise<R>,
  describe: (r: R) => string,
): Promise<{ accord: Array<R & { loadavg: number }>; reference: Array<R & { loadavg: number }> }> {
  const out = {
    accord: [] as Array<R & { loadavg: number }>,
    reference: [] as Array<R & { loadavg: number }>,
  };
  for (let round = 0; round < ctx.options.rounds; round++) {
    const order = round % 2 === 0 ? (["accord", "reference"] as const) : (["reference", "accord"] as const);
    for (const kind of order) {
      const loadavg = os.loadavg()[0]!;
      const result = await run(servers[kind]);
      out[kind].push({ ...result, loadavg });
      ctx.say(
        `    ${servers[kind].label.padEnd(20)} round ${round + 1}: ${describe(result)}  (load ${loadavg.toFixed(2)})`,
      );
    }
  }
  return out;
}

/** A duration for progress lines. */
export const ms = (v: number) => `${v.toFixed(1)} ms`;
