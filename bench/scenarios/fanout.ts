import { closeClients, openClients } from "../clients/client";
import { startObservers } from "../clients/observers";
import { now, sleep } from "../clock";
import type { Figure } from "../report";
import type { Target } from "../servers/target";
import { distribution, round } from "../stats";
import { alternate, ms, SETTLE_MS, withServers, type ScenarioResult, type SuiteContext } from "../suite";
import { startUsage, type Usage } from "../usage";

/**
 * Scenario 1, fan-out: `clients` providers on one plan, one of them writing
 * `edits` small edits at `perSecond`. Edit `seq` sets key `<seq>` of a Y.Map
 * to its send time, and every other client notes when the key reaches its
 * document. The latency of an edit is when the LAST of them saw it minus
 * when it was sent. The writer is alone on the bench's main thread, the
 * observers are spread over `threads` worker threads (../clients/observers.ts).
 */
export interface FanoutRun {
  planId: string;
  clients: number;
  edits: number;
  /** Per edit: last observer's time − send time (ms); NaN if some observer never saw it. */
  lastSeenMs: number[];
  /** Every (edit, observer) delivery, ms. */
  deliveryMs: number[];
  /** Edits some observer had not seen when the run gave up waiting. */
  missing: number;
  /** Edits per second the writer actually managed to send. */
  sentPerSecond: number;
  /** Time to open and sync every client. */
  connectMs: number;
  reconnects: number;
  usage: Usage;
  /** Busy share of each observer thread's event loop while the edits flowed. */
  observerLoopBusy: number[];
  /** The writer's clientID and the send time of each edit (edit seq is its clock). */
  writer: { clientId: number; sentAt: number[] };
}

export async function runFanout(
  target: Target,
  options: { clients: number; edits: number; perSecond: number; settleMs: number; threads?: number },
): Promise<FanoutRun> {
  const [planId] = await target.newPlans(1);
  const { edits } = options;
  const connectStart = now();
  const [writer] = await openClients(target, [planId!]);
  const observerCount = options.clients - 1;
  let observers;
  try {
    observers = await startObservers({
      collabUrl: target.collabUrl,
      planId: planId!,
      params: Array.from({ length: observerCount }, () => target.params(planId!)),
      edits,
      threads: options.threads ?? 2,
    });
  } catch (error) {
    closeClients([writer]);
    throw error;
  }
  const connectMs = now() - connectStart;
  try {
    // Let the presence announcements of the joins die down.
    await sleep(options.settleMs);
    const sentAt = new Float64Array(edits).fill(Number.NaN);
    const map = writer!.doc.getMap<number>("fanout");
    const interval = 1000 / options.perSecond;
    observers.start();
    const usage = startUsage(target);
    const start = now();
    for (let seq = 0; seq < edits; seq++) {
      const due = start + seq * interval;
      const wait = due - now();
      if (wait > 0.5) await sleep(wait);
      sentAt[seq] = now();
      map.set(String(seq), sentAt[seq]!);
    }
    const sendEnd = now();
    await Promise.race([observers.complete, sleep(15_000)]);
    const used = usage();
    const seen = await observers.collect();

    const complete = (seq: number) => seen.seenBy[seq] === observerCount;
    return {
      planId: planId!,
      clients: options.clients,
      edits,
      lastSeenMs: Array.from(seen.lastSeen, (at, seq) => (complete(seq) ? at - sentAt[seq]! : Number.NaN)),
      deliveryMs: seen.deliveries,
      missing: Array.from(seen.seenBy).filter((_, seq) => !complete(seq)).length,
      sentPerSecond: edits > 1 ? (edits - 1) / ((sendEnd - start) / 1000) : Number.NaN,
      connectMs,
      reconnects: writer!.closes + seen.reconnects,
      usage: used,
      observerLoopBusy: seen.loopBusy,
      writer: { clientId: writer!.doc.clientID, sentAt: Array.from(sentAt) },
    };
  } finally {
    closeClients([writer]);
    await observers.close();
  }
}

/** An edit some client never saw counts as infinitely late. */
const lateness = (runs: FanoutRun[]) =>
  runs.flatMap((r) => r.lastSeenMs.map((v) => (Number.isNaN(v) ? Infinity : v)));

/** The fan-out rows of the table: each client count, both servers, `rounds` rounds. */
export async function fanoutScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const { clients, edits, perSecond } = ctx.options.fanout;
  return withServers(ctx, "fanout", async (servers) => {
    const figures: Figure[] = [];
    const raw: Record<string, unknown> = {};
    for (const n of clients) {
      ctx.say(`  fan-out, ${n} clients, ${edits} edits at ${perSecond}/s`);
      const runs = await alternate(
        ctx,
        servers,
        (t) => runFanout(t, { clients: n, edits, perSecond, settleMs: SETTLE_MS }),
        (r) => {
          const d = distribution(r.lastSeenMs.filter((v) => !Number.isNaN(v)));
          const busy = r.observerLoopBusy.map((b) => `${(b * 100).toFixed(0)}%`).join("/");
          return `p50 ${ms(d.p50)} p99 ${ms(d.p99)} missing ${r.missing}, server ${((r.usage.serverCpuMs / r.usage.wallMs) * 100).toFixed(0)}% busy, observer threads ${busy} busy`;
        },
      );
      const pooled = {
        accord: distribution(lateness(runs.accord)),
        reference: distribution(lateness(runs.reference)),
      };
      const missing = (rs: FanoutRun[]) => rs.reduce((s, r) => s + r.missing, 0);
      const note =
        missing(runs.accord) + missing(runs.reference) > 0
          ? `edits never seen by every client: Accord ${missing(runs.accord)}, reference ${missing(runs.reference)} (counted as infinitely late)`
          : undefined;
      for (const p of ["p50", "p95", "p99"] as const) {
        figures.push({
          key: `fanout${n}.${p}`,
          label: `fan-out ${n} clients, ${p} until all have it`,
          unit: "ms",
          better: "lower",
          accord: pooled.accord[p],
          reference: pooled.reference[p],
          note: p === "p99" ? note : undefined,
        });
      }
      const cpuPerEdit = (rs: FanoutRun[]) =>
        (rs.reduce((s, r) => s + r.usage.serverCpuMs, 0) * 1000) / rs.reduce((s, r) => s + r.edits, 0);
      figures.push({
        key: `fanout${n}.cpuPerEdit`,
        label: `  server CPU per edit sent to ${n - 1} clients`,
        unit: "µs",
        better: "lower",
        accord: cpuPerEdit(runs.accord),
        reference: cpuPerEdit(runs.reference),
      });
      raw[`clients${n}`] = {
        pooled,
        runs: Object.fromEntries(
          (["accord", "reference"] as const).map((kind) => [
            kind,
            runs[kind].map((r) => ({
              loadavg: r.loadavg,
              edits: r.edits,
              missing: r.missing,
              sentPerSecond: round(r.sentPerSecond, 1),
              connectMs: round(r.connectMs, 1),
              reconnects: r.reconnects,
              untilAllMs: distribution(lateness([r])),
              perDeliveryMs: distribution(r.deliveryMs),
              usage: r.usage,
              observerLoopBusy: r.observerLoopBusy,
              lastSeenMs: r.lastSeenMs.map((v) => round(v, 2)),
            })),
          ]),
        ),
      };
    }
    return { figures, raw };
  });
}
