import * as Y from "yjs";
import { closeClients, openClients } from "../clients/client";
import { sleep } from "../clock";
import { rssBytes } from "../proc";
import type { Target } from "../servers/target";
import { median } from "../stats";
import { alternate, withServers, type ScenarioResult, type SuiteContext } from "../suite";

/**
 * Scenario 3, memory: `plans` plans open at once, two clients each, every
 * plan holding a small document (a 2 KB text and 60 table cells, what a
 * freshly filled-in plan weighs). Figure: (server RSS with them open − RSS
 * idle) / plans. Idle is measured after a warm-up that opened and closed a
 * few plans, so code that loads on first use is not counted as per-plan.
 */
export interface MemoryRun {
  plans: number;
  idleRss: number;
  openRss: number;
  /** RSS some seconds after every client left (Accord unloads empty rooms; the reference never does). */
  afterCloseRss: number;
  perPlanBytes: number;
  connectMs: number;
  reconnects: number;
}

export async function runMemory(
  target: Target,
  options: { plans: number; settleMs: number; samples: number },
): Promise<MemoryRun> {
  const content = planContent();
  const docFor = (i: number) => {
    const doc = new Y.Doc();
    if (i % 2 === 0) Y.applyUpdate(doc, content);
    return doc;
  };

  // Warm-up: first connections load code and fill caches that every plan shares.
  const warmPlans = await target.newPlans(5);
  closeClients(
    await openClients(
      target,
      warmPlans.flatMap((p) => [p, p]),
      { docFor },
    ),
  );
  await sleep(Math.max(1_000, target.unloadMs));
  const idleRss = await sampleRss(target.pid, options.samples);

  const plans = await target.newPlans(options.plans);
  const started = performance.now();
  const clients = await openClients(
    target,
    plans.flatMap((p) => [p, p]),
    { docFor, concurrency: 32, timeoutMs: 60_000 },
  );
  const connectMs = performance.now() - started;
  let openRss: number;
  let reconnects: number;
  try {
    await sleep(options.settleMs);
    openRss = await sampleRss(target.pid, options.samples);
    reconnects = clients.reduce((n, c) => n + c.closes, 0);
  } finally {
    closeClients(clients);
  }
  await sleep(Math.max(1_000, target.unloadMs * 2));
  const afterCloseRss = await sampleRss(target.pid, options.samples);
  return {
    plans: options.plans,
    idleRss,
    openRss,
    afterCloseRss,
    perPlanBytes: (openRss - idleRss) / options.plans,
    connectMs,
    reconnects,
  };
}

/** Median of `count` readings 300 ms apart. */
async function sampleRss(pid: number, count: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i) await sleep(300);
    samples.push(rssBytes(pid));
  }
  return median(samples);
}

/** The document every plan starts with, as one update. */
function planContent(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.transact(() => {
    doc.getText("notes").insert(0, "Joint plan notes. ".repeat(115));
    const cells = doc.getMap<string | number>("cells");
    for (let i = 0; i < 60; i++) cells.set(`c${i}`, i % 3 ? i * 1000 : `Campaign ${i}`);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The memory row: one round on fresh processes. */
export async function memoryScenario(ctx: SuiteContext): Promise<ScenarioResult> {
  const { plans } = ctx.options.memory;
  ctx.say(`  memory: ${plans} plans open, 2 clients each`);
  return withServers(ctx, "memory", async (servers) => {
    // One round: the figure needs fresh processes, and a second round would start from the first one's heap.
    const runs = await alternate(
      { ...ctx, options: { ...ctx.options, rounds: 1 } },
      servers,
      (t) =>
        runMemory(t, {
          plans,
          settleMs: ctx.options.quick ? 1_500 : 3_000,
          samples: ctx.options.quick ? 3 : 5,
        }),
      (r) =>
        `idle ${(r.idleRss / 2 ** 20).toFixed(1)} MiB, open ${(r.openRss / 2 ** 20).toFixed(1)} MiB, after close ${(r.afterCloseRss / 2 ** 20).toFixed(1)} MiB, connect ${(r.connectMs / 1000).toFixed(1)} s`,
    );
    const perPlan = (kind: "accord" | "reference") => runs[kind][0]!.perPlanBytes / 1024;
    return {
      figures: [
        {
          key: "memory.perPlan",
          label: `server RSS per open plan (${plans} plans × 2 clients)`,
          unit: "KiB",
          better: "lower",
          accord: perPlan("accord"),
          reference: perPlan("reference"),
          note:
            "Accord's PostgreSQL is a separate process and not counted" +
            (plans < 1_000
              ? `; with ${plans} plans the growth is too small for a stable per-plan figure`
              : ""),
        },
      ],
      raw: runs,
    };
  });
}
