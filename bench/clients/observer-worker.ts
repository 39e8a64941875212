import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/**
 * A worker thread of fan-out observers: stock WebsocketProviders that note
 * when each edit (key `<seq>` of the Y.Map "fanout") reaches their document.
 * Spreading observers over threads keeps the bench from adding its own
 * queueing to the latency (one thread applies 200 documents' updates one
 * after the other). Talks to ./observers.ts by messages.
 */
export interface ObserverWorkerData {
  collabUrl: string;
  planId: string;
  /** Query parameters of each observer's connection (its count is the observer count). */
  params: Array<Record<string, string>>;
  edits: number;
}

export type ToWorker = { type: "start" } | { type: "collect" } | { type: "close" };
export type FromWorker =
  | { type: "synced" }
  | { type: "failed"; message: string }
  | { type: "complete" }
  | {
      type: "result";
      lastSeen: Float64Array;
      seenBy: Uint32Array;
      deliveries: Float64Array;
      loopBusy: number;
      reconnects: number;
    };

const data = workerData as ObserverWorkerData;
const port = parentPort!;
const now = () => performance.timeOrigin + performance.now();
const post = (message: FromWorker) => port.postMessage(message);

process.setMaxListeners(0);
const lastSeen = new Float64Array(data.edits).fill(Number.NaN);
const seenBy = new Uint32Array(data.edits);
const deliveries: number[] = [];
let complete = 0;
let reconnects = 0;

const providers = data.params.map((params) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(data.collabUrl, data.planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: 2_000,
  });
  provider.on("connection-close", () => reconnects++);
  doc.getMap<number>("fanout").observe((event: Y.YMapEvent<number>) => {
    const at = now();
    for (const key of event.keysChanged) {
      const seq = Number(key);
      if (!(seq >= 0 && seq < data.edits)) continue;
      const sentAt = event.target.get(key)!;
      deliveries.push(at - sentAt);
      if (!(at <= lastSeen[seq]!)) lastSeen[seq] = at;
      if (++seenBy[seq]! === data.params.length && ++complete === data.edits) post({ type: "complete" });
    }
  });
  return provider;
});

const synced = providers.map(
  (provider) =>
    new Promise<void>((resolve) => {
      if (provider.synced) return resolve();
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off("sync", onSync);
        resolve();
      };
      provider.on("sync", onSync);
    }),
);
const timeout = setTimeout(
  () => post({ type: "failed", message: "observers did not sync within 60 s" }),
  60_000,
);
void Promise.all(synced).then(() => {
  clearTimeout(timeout);
  post({ type: "synced" });
});

let loopStart = performance.eventLoopUtilization();
port.on("message", (message: ToWorker) => {
  if (message.type === "start") {
    loopStart = performance.eventLoopUtilization();
  } else if (message.type === "collect") {
    post({
      type: "result",
      lastSeen,
      seenBy,
      deliveries: Float64Array.from(deliveries),
      loopBusy: performance.eventLoopUtilization(loopStart).utilization,
      reconnects,
    });
  } else {
    for (const provider of providers) {
      provider.destroy();
      provider.doc.destroy();
    }
    port.close();
  }
});
