import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { now } from "../clock";
import type { Target } from "../servers/target";

/**
 * One collaborator as a browser tab would be one: the stock y-websocket
 * WebsocketProvider with its own Y.Doc and presence, over `ws`.
 */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** When the provider was created (connect started), ms since the epoch. */
  openedAt: number;
  /** Resolves with the time of the first `synced`. */
  synced: Promise<number>;
  /**
   * Resolves with the time the server's first sync step 2 (the document) had
   * arrived, before the provider applied it: the server's share of a join.
   */
  documentArrived: Promise<number>;
  /** Socket closes the provider saw: any is a failure of the run. */
  closes: number;
  close: () => void;
}

// Every provider listens for the process's "exit": the bench opens thousands.
process.setMaxListeners(0);

export function openClient(target: Target, planId: string, doc: Y.Doc = new Y.Doc()): BenchClient {
  let documentArrived: (at: number) => void = () => {};
  const arrived = new Promise<number>((resolve) => (documentArrived = resolve));
  /** A `ws` socket that notes when sync step 2 arrives; its listener runs before the provider's. */
  class TimedSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.on("message", (data: ArrayBuffer | Buffer) => {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data, 0, 2) : data;
        if (bytes[0] === 0 && bytes[1] === 1) documentArrived(now());
      });
    }
  }
  const openedAt = now();
  const provider = new WebsocketProvider(target.collabUrl, planId, doc, {
    WebSocketPolyfill: TimedSocket as unknown as typeof globalThis.WebSocket,
    params: target.params(planId),
    // Providers of one process would otherwise sync over BroadcastChannel, past the server.
    disableBc: true,
    maxBackoffTime: 2_000,
  });
  const client: BenchClient = {
    doc,
    provider,
    openedAt,
    documentArrived: arrived,
    closes: 0,
    synced: new Promise<number>((resolve) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off("sync", onSync);
        resolve(now());
      };
      provider.on("sync", onSync);
    }),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on("connection-close", () => client.closes++);
  return client;
}

/** Rejects after `ms` with `what` in the message. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens one client per entry of `plans` (a plan id may repeat), at most
 * `concurrency` connecting at a time, and resolves once all have synced.
 */
export async function openClients(
  target: Target,
  plans: readonly string[],
  options: { concurrency?: number; timeoutMs?: number; docFor?: (index: number) => Y.Doc } = {},
): Promise<BenchClient[]> {
  const clients: BenchClient[] = new Array(plans.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < plans.length; i = next++) {
      const client = openClient(target, plans[i]!, options.docFor?.(i));
      clients[i] = client;
      await within(client.synced, options.timeoutMs ?? 30_000, `${target.label}: client ${i} sync`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 32, plans.length) }, worker));
  } catch (error) {
    for (const client of clients) client?.close();
    throw error;
  }
  return clients;
}

export function closeClients(clients: Iterable<BenchClient | undefined>): void {
  for (const client of clients) client?.close();
}
