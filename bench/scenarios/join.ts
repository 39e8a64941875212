import { closeClients, openClient, openClients, within } from "../clients/client";
import { buildHistory, holdsHistory, type History } from "../clients/history";
import { sendUpdates } from "../clients/raw-sender";
import { now, sleep, waitUntil } from "../clock";
import type { Figure } from "../report";
import type { Target } from "../servers/target";
import { median } from "../stats";
import { alternate, ms, withServers, type ScenarioResult, type SuiteContext } from "../suite";

/**
 * Scenario 2, join: a plan whose document was built by `history.updates`
 * (20,000 small updates sent one message each, through the server, so
 * Accord's log, group commit and compaction really happened), then opened by
 * a new client: time from creating the provider to its `synced`.
 *
 * Cold: nobody had the plan open, and long enough that Accord unloaded it
 * (it loads snapshot + log from PostgreSQL; `target.unloadMs`). The reference keeps every
 * document in memory forever, so for it cold and warm are the same thing.
 * Warm: another client has the plan open.
 */
export interface JoinRun {
  updates: number;
  historyBytes: number;
  /** Time to send the history and see it whole on a checking client. */
  buildMs: number;
  coldMs: number[];
  warmMs: number[];
  /** The same joins, until the document had arrived (before the client applied it): the server's share. */
  coldArrivedMs: number[];
  warmArrivedMs: number[];
  /** Joins whose document did not hold the whole history at `synced`. */
  incomplete: number;
  /** What Accord stored for the plan right before the cold joins. */
  storage?: { logRows: number; logBytes: number; snapshotBytes: number };
}

export interface JoinOptions {
  perSecond: number;
  coldJoins: number;
  warmJoins: number;
  storage?: (planId: string) => Promise<JoinRun["storage"]>;
}

export async function runJoin(target: Target, history: History, options: JoinOptions): Promise<JoinRun> {
  const [planId] = await target.newPlans(1);
  const buildStart = now();
  await sendUpdates(target, planId!, history.updates, options.perSecond);
  // A checking client proves the server holds the whole history.
  const [checker] = await openClients(target, [planId!]);
  const whole = await waitUntil(() => holdsHistory(checker!.doc, history), 60_000, 20);
  closeClients([checker]);
  if (!whole) throw new Error(`${target.label}: the plan never held the whole history`);
  const buildMs = now() - buildStart;

  let incomplete = 0;
  const join = async () => {
    const client = openClient(target, planId!);
    try {
      const syncedAt = await within(client.synced, 60_000, `${target.label}: join`);
      if (!holdsHistory(client.doc, history)) incomplete++;
      return {
        synced: syncedAt - client.openedAt,
        arrived: (await client.documentArrived) - client.openedAt,
      };
    } finally {
      client.close();
    }
  };

  await sleep(target.unloadMs);
  const storage = await options.storage?.(planId!);
  const coldMs: number[] = [];
  const coldArrivedMs: number[] = [];
  for (let i = 0; i < options.coldJoins; i++) {
    const times = await join();
    coldMs.push(times.synced);
    coldArrivedMs.push(times.arrived);
    await sleep(target.unloadMs);
  }

  const warmMs: number[] = [];
  const warmArrivedMs: number[] = [];
  const [holder] = await openClients(target, [planId!]);
  try {
    for (let i = 0; i < options.warmJoins; i++) {
      const times = await join();
      warmMs.push(times.synced);
      warmArrivedMs.push(times.arrived);
      await sleep(200);
    }
  } finally {
    closeClients([holder]);
  }
  return {
    updates: history.updates.length,
    historyBytes: history.bytes,
    buildMs,
    coldMs,
    warmMs,
    coldArrivedMs,
    warmArrivedMs,
    incomplete,
    storage,
  };
}

/** The join rows: one history for both servers, cold and warm joins, `rounds` rounds. */
export async function joinScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const { updates, perSecond, coldJoins, warmJoins } = ctx.options.join;
  const started = performance.now();
  const history: History = buildHistory(updates);
  ctx.say(
    `  join: history of ${history.updates.length} updates (${(history.bytes / 1024).toFixed(0)} KiB) made in ${(performance.now() - started).toFixed(0)} ms`,
  );
  return withServers(
    ctx,
    "join",
    async (servers) => {
      // Accord logs each document load at info, with its duration: how much of a cold join is the load.
      const loads: Array<{ planId: string; ms: number; updates: number }> = [];
      const off = servers.accord.onLine((line) => {
        if (!line.includes('"msg":"load"')) return;
        try {
          const entry = JSON.parse(line) as { planId?: string; ms?: number; updates?: number };
          if (entry.planId && typeof entry.ms === "number")
            loads.push({ planId: entry.planId, ms: entry.ms, updates: entry.updates ?? 0 });
        } catch {
          // not a log line
        }
      });
      const runs = await alternate(
        ctx,
        { ...servers },
        (t) =>
          runJoin(t, history, {
            perSecond,
            coldJoins,
            warmJoins,
            storage: t.kind === "accord" ? (planId) => ctx.db.storageOf(planId) : undefined,
          }),
        (r) =>
          `cold ${r.coldMs.map(ms).join(", ")} (document arrived after ${r.coldArrivedMs.map(ms).join(", ")}); ` +
          `warm median ${ms(median(r.warmMs))} (arrived ${ms(median(r.warmArrivedMs))})` +
          (r.incomplete ? `; ${r.incomplete} incomplete` : ""),
      );
      off();
      const loadMs = loads.filter((l) => l.updates > 0).map((l) => l.ms);
      type JoinTimes = "coldMs" | "warmMs" | "coldArrivedMs" | "warmArrivedMs";
      const med = (kind: "accord" | "reference", key: JoinTimes) => median(runs[kind].flatMap((r) => r[key]));
      const row = (key: JoinTimes, label: string, note?: string): Figure => ({
        key: `join.${key}`,
        label,
        unit: "ms",
        better: "lower",
        accord: med("accord", key),
        reference: med("reference", key),
        note,
      });
      const incomplete = [...runs.accord, ...runs.reference].reduce((n, r) => n + r.incomplete, 0);
      const figures: Figure[] = [
        row(
          "coldMs",
          `join ${updates} updates, nobody in (median)`,
          "Accord loads snapshot + log from PostgreSQL" +
            (loadMs.length ? ` (server-side load: median ${median(loadMs).toFixed(0)} ms of it)` : "") +
            "; the reference never unloads a document, so its cold join is a warm one",
        ),
        row("coldArrivedMs", "  until the document arrived, before the client applies it"),
        row(
          "warmMs",
          `join ${updates} updates, plan open (median)`,
          incomplete ? `${incomplete} joins did not hold the whole history at synced` : undefined,
        ),
        row("warmArrivedMs", "  until the document arrived, before the client applies it"),
      ];
      return { figures, raw: { historyBytes: history.bytes, accordLoadsMs: loads, ...runs } };
    },
    // Info level for the "load" lines; a join scenario logs little else.
    { LOG_LEVEL: "info" },
  );
}
