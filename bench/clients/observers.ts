import { Worker } from "node:worker_threads";
import { within } from "./client";
import type { FromWorker, ObserverWorkerData, ToWorker } from "./observer-worker";

/**
 * Fan-out observers spread over `threads` worker threads (./observer-worker.ts).
 * `params` has one entry per observer: the query of its connection.
 */
export interface ObserverPool {
  /** Marks the start of the measured stretch (event-loop use is counted from here). */
  start: () => void;
  /** Resolves when every observer has seen every edit. */
  complete: Promise<void>;
  collect: () => Promise<{
    lastSeen: Float64Array;
    seenBy: Uint32Array;
    deliveries: number[];
    loopBusy: number[];
    reconnects: number;
  }>;
  close: () => Promise<void>;
}

export async function startObservers(options: {
  collabUrl: string;
  planId: string;
  params: Array<Record<string, string>>;
  edits: number;
  threads: number;
}): Promise<ObserverPool> {
  const { threads, edits } = options;
  const shares = Array.from({ length: threads }, (_, t) =>
    options.params.filter((_, i) => i % threads === t),
  ).filter((s) => s.length);
  const workers = shares.map((params) => {
    const workerData: ObserverWorkerData = {
      collabUrl: options.collabUrl,
      planId: options.planId,
      params,
      edits,
    };
    return new Worker(new URL("./observer-thread.mjs", import.meta.url), { workerData });
  });
  const next = (worker: Worker, type: FromWorker["type"]) =>
    new Promise<FromWorker>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === "failed") return reject(new Error(message.message));
        if (message.type !== type) return;
        worker.off("message", onMessage);
        resolve(message);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
  const send = (message: ToWorker) => workers.forEach((w) => w.postMessage(message));
  const complete = Promise.all(workers.map((w) => next(w, "complete"))).then(() => undefined);
  complete.catch(() => {});
  const close = async () => {
    send({ type: "close" });
    await Promise.all(
      workers.map((w) =>
        within(new Promise((r) => w.once("exit", r)), 10_000, "observer thread exit").catch(() =>
          w.terminate(),
        ),
      ),
    );
  };
  try {
    await within(Promise.all(workers.map((w) => next(w, "synced"))), 90_000, "fan-out observers sync");
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }

  return {
    start: () => send({ type: "start" }),
    complete,
    collect: async () => {
      const results = (await Promise.all(
        workers.map((w) => {
          const result = next(w, "result");
          w.postMessage({ type: "collect" } satisfies ToWorker);
          return result;
        }),
      )) as Array<Extract<FromWorker, { type: "result" }>>;
      const lastSeen = new Float64Array(edits).fill(Number.NaN);
      const seenBy = new Uint32Array(edits);
      for (const r of results) {
        for (let i = 0; i < edits; i++) {
          seenBy[i]! += r.seenBy[i]!;
          if (!(r.lastSeen[i]! <= lastSeen[i]!))
            lastSeen[i] = Number.isNaN(r.lastSeen[i]!) ? lastSeen[i]! : r.lastSeen[i]!;
        }
      }
      return {
        lastSeen,
        seenBy,
        deliveries: results.flatMap((r) => Array.from(r.deliveries)),
        loopBusy: results.map((r) => r.loopBusy),
        reconnects: results.reduce((n, r) => n + r.reconnects, 0),
      };
    },
    close,
  };
}
