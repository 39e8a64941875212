import { randomUUID } from "node:crypto";
import * as encoding from "lib0/encoding";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE } from "../../app/domain/collab";
import {
  blankRow,
  rowMap,
  SECTION,
  TABLE_SECTIONS,
  type RowOf,
  type TableSection,
} from "../../app/domain/plan";
import { appendUpdate, loadDocument } from "../../db/queries/documents";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import type { Db } from "../../db/sql";
import { TestClient } from "./client";
import type { CreatedMember } from "./factories";

/**
 * Helpers for tests of the /collab websocket: the stock y-websocket
 * provider in Node (cookie or token), raw sockets for hand-made frames, and
 * the document as Postgres holds it.
 */

/** A `ws` WebSocket class that sends fixed headers, as a browser sends Cookie and Origin. */
export function webSocketWithHeaders(
  headers: Record<string, string>,
): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class HeaderWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** The Cookie header a browser would send for the client's jar. */
export function cookieHeaderOf(client: TestClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** `ws://127.0.0.1:PORT/collab`, the provider's serverUrl (it appends `/<planId>`). */
export function collabServerUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, "ws")}/collab`;
}

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the provider has synced with the server the first time. */
  synced: Promise<void>;
  /** Close events the provider saw, newest last. */
  closes: Array<{ code: number; reason: string }>;
  destroy: () => void;
}

export interface PeerOptions {
  /** A logged-in client: its cookie is sent, with the app's Origin unless `origin` says otherwise. */
  client?: TestClient;
  origin?: string;
  /** A collab token instead of the cookie. */
  token?: string;
  /** More query parameters, e.g. `{ committed: "1" }`. */
  params?: Record<string, string>;
  doc?: Y.Doc;
}

// Every WebsocketProvider listens for the process's "exit"; tests open dozens.
process.setMaxListeners(100);

/** The stock WebsocketProvider on a plan, as a browser tab (cookie) or a tool (token) would open it. */
export function openPeer(httpUrl: string, planId: string, options: PeerOptions = {}): Peer {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = {};
  if (options.client) {
    headers.cookie = cookieHeaderOf(options.client);
    headers.origin = options.origin ?? httpUrl;
  } else if (options.origin) {
    headers.origin = options.origin;
  }
  const provider = new WebsocketProvider(collabServerUrl(httpUrl), planId, doc, {
    WebSocketPolyfill: webSocketWithHeaders(headers) as unknown as typeof globalThis.WebSocket,
    params: { ...options.params, ...(options.token ? { token: options.token } : {}) },
    // Providers of one process would otherwise sync over BroadcastChannel, past the server.
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: Peer["closes"] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
  return {
    doc,
    provider,
    synced,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The peers a test file opens, destroyed together (in afterEach or afterAll). */
export class PeerSet {
  private peers: Peer[] = [];

  /** openPeer, kept for destroyAll. */
  open(httpUrl: string, planId: string, options: PeerOptions = {}): Peer {
    const peer = openPeer(httpUrl, planId, options);
    this.peers.push(peer);
    return peer;
  }

  /** open, then waits for the peer's first sync. */
  async synced(httpUrl: string, planId: string, options: PeerOptions = {}): Promise<Peer> {
    const peer = this.open(httpUrl, planId, options);
    await peer.synced;
    return peer;
  }

  /** Destroys every peer opened so far, oldest first, and forgets them. */
  destroyAll(): void {
    for (const peer of this.peers) peer.destroy();
    this.peers = [];
  }
}

/**
 * A logged-in client per member, logged in once (clearing the login rate
 * limit first) and kept in `clients` for the next call.
 */
export async function memberClient(
  server: { url: string; sql: Db },
  clients: Map<string, TestClient>,
  member: CreatedMember,
): Promise<TestClient> {
  const known = clients.get(member.user.id);
  if (known) return known;
  await server.sql`delete from rate_limits`;
  const client = new TestClient(server.url);
  await client.login(member.email, member.password);
  clients.set(member.user.id, client);
  return client;
}

/** A draft plan inserted straight into Postgres, titled `Plan <random>` for the 2027-Q1 period. */
export function insertTestPlan(
  db: Db,
  plan: { workspaceId: string; createdBy: string; currency: string },
): Promise<PlanRow> {
  return insertPlan(db, {
    workspaceId: plan.workspaceId,
    title: `Plan ${randomUUID().slice(0, 8)}`,
    period: "2027-Q1",
    currency: plan.currency,
    createdBy: plan.createdBy,
  });
}

/** Waits (up to 5 s) for the peer's socket to be closed with `code`. */
export async function closedWithCode(peer: Peer, code: number): Promise<void> {
  // node:assert, not vitest's expect: the browser tests (Playwright) import this file too.
  await eventually(
    () =>
      assert.ok(
        peer.closes.some((c) => c.code === code),
        `not closed with ${code}`,
      ),
    5_000,
    10,
  );
}

/** Waits for the socket to be told its rights changed, and for it to be back. */
export async function reconnected(peer: Peer): Promise<void> {
  await closedWithCode(peer, CLOSE.accessChanged);
  await eventually(
    () => assert.ok(peer.provider.wsconnected && peer.provider.synced, "not back yet"),
    5_000,
    10,
  );
  peer.closes.length = 0;
}

export interface RawSocket {
  ws: WebSocket;
  /** Every binary frame received. */
  received: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare socket for hand-made frames. */
export function openRawSocket(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers });
  const received: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, received, opened, closed };
}

/** Tries an upgrade: "open", or the refusal's HTTP status and body. */
export function tryUpgrade(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: "open" } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on("error", () => {});
    ws.once("open", () => {
      ws.close();
      resolve({ status: "open" });
    });
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
  });
}

/** Polls until `check` passes (returns without throwing), or rethrows its last failure. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}

/** The plan's document as Postgres holds it: snapshot plus every log row. */
export async function storedDoc(db: Db, planId: string): Promise<Y.Doc> {
  const stored = await loadDocument(db, planId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Writes table rows into a plan's stored document as one Yjs update, the way
 * the persistence layer stores an editor's change.
 */
export async function storePlanRows(
  db: Db,
  planId: string,
  rows: { [S in TableSection]?: ReadonlyArray<RowOf[S]> },
): Promise<void> {
  const doc = new Y.Doc();
  for (const section of TABLE_SECTIONS) {
    const list = (rows[section] ?? []) as ReadonlyArray<RowOf[typeof section]>;
    if (list.length)
      doc.getArray<Y.Map<unknown>>(SECTION[section]).push(list.map((row) => rowMap(section, row)));
  }
  await appendUpdate(db, planId, Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

/** A revenue goal for 2027-Q1 of one market: $90,000 won from $270,000 of pipeline, deals of $15,000. */
export function quarterGoal(targetMarketId: string | null): RowOf["revenueGoals"] {
  return {
    ...blankRow("revenueGoals"),
    targetMarketId,
    period: "2027-Q1",
    revenueTarget: 90_000,
    pipelineTarget: 270_000,
    avgDealSize: 15_000,
    winRate: 0.25,
    mqlToSqlRate: 0.2,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Hand-made y-websocket frames, for clients that misbehave. */
export const frames = {
  syncStep1(doc: Y.Doc): Uint8Array {
    return frame([0, 0], Y.encodeStateVector(doc));
  },
  /** Sync step 1 with whatever bytes as the state vector. */
  syncStep1Raw(stateVector: Uint8Array): Uint8Array {
    return frame([0, 0], stateVector);
  },
  syncStep2(update: Uint8Array): Uint8Array {
    return frame([0, 1], update);
  },
  update(update: Uint8Array): Uint8Array {
    return frame([0, 2], update);
  },
  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    return frame([1], awarenessUpdate);
  },
};

function frame(types: number[], payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const type of types) encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A Yjs update that decodes fine and then throws half-way through Y.applyUpdate. */
export { poisonUpdate } from "../../server/collab/test-fakes";
