import type * as Y from "yjs";
import { closeClients, openClients, within } from "../clients/client";
import { openLeanClient } from "../clients/lean-client";
import { now, sleep, waitUntil } from "../clock";
import type { Figure } from "../report";
import type { Target } from "../servers/target";
import { distribution, round } from "../stats";
import { alternate, SETTLE_MS, withServers, type ScenarioResult, type SuiteContext } from "../suite";
import { startUsage, type Usage } from "../usage";

/**
 * Scenarios 4 and 5, throughput and server CPU per edit: `writers` clients
 * on one plan, each editing as fast as the server lets it for `seconds`.
 * Back-pressure: a writer keeps at most `window` edits that not every other
 * client has seen yet, so the clients cannot flood the server with work
 * nobody can absorb.
 *
 * Writer w sets key `w/<n mod 32>` of a shared Y.Map to n, its running edit
 * count: cell overwrites, like a team typing into a table. Each edit is one
 * transaction, so one Yjs clock of w; a client that has w's changes up to
 * clock n has every earlier edit of w too (Yjs integrates one client's
 * changes in order), so "highest clock seen" is exact even when the server
 * merges several edits into one message.
 *
 * `clients: "lean"` (the default) uses protocol-level clients that do not
 * apply what they receive (../clients/lean-client.ts); `"provider"` uses
 * stock WebsocketProviders, which saturate the bench's one core first.
 */
export interface ThroughputRun {
  planId: string;
  clients: "lean" | "provider";
  writers: number;
  seconds: number;
  /** Edits seen by every other client within the timed window, per second. */
  editsPerSecond: number;
  /** Edits sent, in the window and while draining. */
  sent: number;
  /** Edits every other client saw by the end of the drain. */
  delivered: number;
  /** Send → seen by every other client, ms, for edits delivered in the window. */
  deliveryMs: number[];
  /** Server CPU per edit over window + drain + 1 s tail, µs. */
  serverCpuPerEditUs: number;
  /** The same with the server's helpers (Accord's PostgreSQL) included, µs. */
  totalCpuPerEditUs: number;
  reconnects: number;
  usage: Usage;
  /** Per writer: its clientID and the send time of each edit (edit n is clock n). */
  sentLog: Array<{ clientId: number; sentAt: number[] }>;
}

export interface ThroughputOptions {
  writers: number;
  seconds: number;
  window: number;
  settleMs: number;
  clients?: "lean" | "provider";
}

/** One writer-observer, whatever kind of client it is. */
interface Participant {
  doc: Y.Doc;
  /** Calls `seen(clientId, nextClock)` whenever it learns of others' changes. */
  watch: (seen: (clientId: number, nextClock: number) => void) => void;
  closes: () => number;
  close: () => void;
}

const SLOTS = 32;

export async function runThroughput(target: Target, options: ThroughputOptions): Promise<ThroughputRun> {
  const kind = options.clients ?? "lean";
  const [planId] = await target.newPlans(1);
  const participants =
    kind === "lean"
      ? await openLean(target, planId!, options.writers)
      : await openProviders(target, planId!, options.writers);
  try {
    await sleep(options.settleMs);
    return { planId: planId!, clients: kind, ...(await drive(target, participants, options)) };
  } finally {
    for (const p of participants) p.close();
  }
}

async function openLean(target: Target, planId: string, count: number): Promise<Participant[]> {
  const clients = Array.from({ length: count }, () => openLeanClient(target, planId));
  try {
    await within(Promise.all(clients.map((c) => c.synced)), 30_000, `${target.label}: lean clients sync`);
  } catch (error) {
    for (const c of clients) c.close();
    throw error;
  }
  return clients.map((c) => ({
    doc: c.doc,
    watch: (seen) => c.onClocks((clocks) => clocks.forEach((clock, clientId) => seen(clientId, clock))),
    closes: () => c.closes,
    close: c.close,
  }));
}

async function openProviders(target: Target, planId: string, count: number): Promise<Participant[]> {
  const clients = await openClients(target, new Array<string>(count).fill(planId));
  return clients.map((c) => ({
    doc: c.doc,
    watch: (seen) =>
      c.doc.on("afterTransaction", (tr: Y.Transaction) => {
        if (tr.local) return;
        tr.afterState.forEach((clock, clientId) => {
          if (clock !== tr.beforeState.get(clientId)) seen(clientId, clock);
        });
      }),
    closes: () => c.closes,
    close: () => closeClients([c]),
  }));
}

async function drive(
  target: Target,
  participants: Participant[],
  options: { seconds: number; window: number },
): Promise<Omit<ThroughputRun, "clients" | "planId">> {
  const W = participants.length;
  const writerOf = new Map(participants.map((p, w) => [p.doc.clientID, w]));
  /** highest[c * W + w]: the highest edit of writer w that client c has (edit n is clock n). */
  const highest = new Float64Array(W * W).fill(-1);
  const acked = new Float64Array(W).fill(-1);
  const sent = new Array<number>(W).fill(0);
  const sentLog = participants.map((p) => ({ clientId: p.doc.clientID, sentAt: [] as number[] }));
  const deliveryMs: number[] = [];
  let running = false;
  let windowOpen = false;
  const pumpScheduled = new Array<boolean>(W).fill(false);
  const maps = participants.map((p) => p.doc.getMap<number>("throughput"));

  const pump = (w: number) => {
    pumpScheduled[w] = false;
    while (running && sent[w]! - 1 - acked[w]! < options.window) {
      const n = sent[w]!;
      sentLog[w]!.sentAt.push(now());
      maps[w]!.set(`${w}/${n % SLOTS}`, n);
      sent[w] = n + 1;
    }
  };
  const schedulePump = (w: number) => {
    if (pumpScheduled[w] || !running) return;
    pumpScheduled[w] = true;
    setImmediate(pump, w);
  };

  participants.forEach((p, c) => {
    p.watch((clientId, nextClock) => {
      const w = writerOf.get(clientId);
      if (w === undefined || w === c) return;
      const n = nextClock - 1;
      if (n <= highest[c * W + w]!) return;
      highest[c * W + w] = n;
      let min = Infinity;
      for (let o = 0; o < W; o++) if (o !== w) min = Math.min(min, highest[o * W + w]!);
      if (min <= acked[w]!) return;
      const at = now();
      if (windowOpen) for (let k = acked[w]! + 1; k <= min; k++) deliveryMs.push(at - sentLog[w]!.sentAt[k]!);
      acked[w] = min;
      schedulePump(w);
    });
  });

  const usage = startUsage(target);
  const deliveredNow = () => acked.reduce((sum, a) => sum + a + 1, 0);
  const sentNow = () => sent.reduce((a, b) => a + b, 0);
  running = true;
  windowOpen = true;
  const start = now();
  for (let w = 0; w < W; w++) schedulePump(w);
  await sleep(options.seconds * 1000);
  running = false;
  windowOpen = false;
  const inWindow = deliveredNow();
  const windowSeconds = (now() - start) / 1000;
  await waitUntil(() => deliveredNow() === sentNow(), 20_000, 5);
  // Work a server does after the last delivery (group commit, compaction) is part of the cost.
  await sleep(1_000);
  const used = usage();
  const sentTotal = sentNow();

  return {
    writers: W,
    seconds: options.seconds,
    editsPerSecond: inWindow / windowSeconds,
    sent: sentTotal,
    delivered: deliveredNow(),
    deliveryMs,
    serverCpuPerEditUs: (used.serverCpuMs * 1000) / sentTotal,
    totalCpuPerEditUs: ((used.serverCpuMs + used.helperCpuMs) * 1000) / sentTotal,
    reconnects: participants.reduce((n, p) => n + p.closes(), 0),
    usage: used,
    sentLog,
  };
}

/** The throughput and CPU-per-edit rows, `rounds` rounds. */
export async function throughputScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const { writers, seconds, window, clients } = ctx.options.throughput;
  ctx.say(
    `  throughput: ${writers} writers for ${seconds} s, at most ${window} unseen edits each, ${clients} clients`,
  );
  return withServers(ctx, "throughput", async (servers) => {
    const runs = await alternate(
      ctx,
      servers,
      (t) => runThroughput(t, { writers, seconds, window, settleMs: SETTLE_MS, clients }),
      (r) =>
        `${r.editsPerSecond.toFixed(0)} edits/s, server ${r.serverCpuPerEditUs.toFixed(1)} µs/edit (${r.totalCpuPerEditUs.toFixed(1)} with helpers), server ${((r.usage.serverCpuMs / r.usage.wallMs) * 100).toFixed(0)}% busy, client loop ${(r.usage.clientLoopBusy * 100).toFixed(0)}% busy`,
    );
    const mean = (rs: ThroughputRun[]) => rs.reduce((s, r) => s + r.editsPerSecond, 0) / rs.length;
    const cpu = (rs: ThroughputRun[], helpers: boolean) =>
      (rs.reduce((s, r) => s + r.usage.serverCpuMs + (helpers ? r.usage.helperCpuMs : 0), 0) * 1000) /
      rs.reduce((s, r) => s + r.sent, 0);
    const latency = (rs: ThroughputRun[]) => distribution(rs.flatMap((r) => r.deliveryMs));
    const lat = { accord: latency(runs.accord), reference: latency(runs.reference) };
    const figures: Figure[] = [
      {
        key: "throughput.editsPerSecond",
        label: `throughput, ${writers} writers (edits/s seen by all others)`,
        unit: "/s",
        better: "higher",
        accord: mean(runs.accord),
        reference: mean(runs.reference),
      },
      {
        key: "throughput.deliveryP99",
        label: "  delivery to all others under that load, p99",
        unit: "ms",
        better: "lower",
        accord: lat.accord.p99,
        reference: lat.reference.p99,
      },
      {
        key: "cpu.perEdit",
        label: "server CPU per edit (throughput load)",
        unit: "µs",
        better: "lower",
        accord: cpu(runs.accord, false),
        reference: cpu(runs.reference, false),
        goal: { text: "≤ 39 µs", limit: 39 },
      },
      {
        key: "cpu.perEditWithDatabase",
        label: "  the same, Accord + its PostgreSQL",
        unit: "µs",
        better: "lower",
        accord: cpu(runs.accord, true),
        reference: cpu(runs.reference, false),
      },
    ];
    const summary = (rs: ThroughputRun[]) =>
      rs.map((r) => ({
        clients: r.clients,
        editsPerSecond: round(r.editsPerSecond, 1),
        sent: r.sent,
        delivered: r.delivered,
        serverCpuPerEditUs: round(r.serverCpuPerEditUs, 2),
        totalCpuPerEditUs: round(r.totalCpuPerEditUs, 2),
        deliveryMs: distribution(r.deliveryMs),
        reconnects: r.reconnects,
        usage: r.usage,
        loadavg: (r as ThroughputRun & { loadavg?: number }).loadavg,
      }));
    return { figures, raw: { accord: summary(runs.accord), reference: summary(runs.reference) } };
  });
}
