import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { CLOSE, COMMITTED_PARAM, MAX_MESSAGE_BYTES } from "../../app/domain/collab";
import type { Sql } from "../../db/sql";
import type { Logger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import { authorizeUpgrade } from "./authorize";
import { Connection } from "./connection";
import { Rooms } from "./rooms";

export interface CollabServerOptions {
  sql: Sql;
  log: Logger;
  persistence: DocPersistence;
  sessionSecret: string;
  /** The public origin when it differs from what the Host header says (a proxy). */
  appOrigin?: string;
  /** Largest frame accepted (ws maxPayload); bigger ones close the socket with 1009. */
  maxMessageBytes?: number;
  /** How long an empty room stays in memory (default 2 s). */
  unloadGraceMs?: number;
  /** Keep-alive ping period (default 30 s). */
  pingIntervalMs?: number;
  /** A client this far behind in reading is dropped (default 64 MiB). */
  maxBufferedBytes?: number;
  /** The clock tokens are checked against; injectable for tests. */
  now?: () => number;
}

/** Which connections to find: every field given must match. */
export interface ConnectionFilter {
  userId?: string;
  workspaceId?: string;
  planId?: string;
  sessionId?: string;
}

/** A live collaboration socket, as revocation and metrics see it. */
export interface CollabConnection {
  readonly id: number;
  readonly planId: string;
  readonly userId: string;
  readonly workspaceId: string;
  readonly sessionId: string;
  readonly readOnly: boolean;
  /** Closes the socket, e.g. with CLOSE.unauthorized or CLOSE.accessChanged. */
  close(code: number, reason: string): void;
  /** Drops this connection's document updates from its next message on. */
  setReadOnly(readOnly: boolean): void;
}

export interface CollabServer {
  /**
   * Takes an HTTP upgrade if its path is `/collab/...` (returns true) and
   * answers it: a websocket, or an HTTP refusal. Other paths return false.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  connectionsFor(filter: ConnectionFilter): CollabConnection[];
  roomCount(): number;
  /** The plan's loaded room, for tests and metrics. */
  room(planId: string): { doc: Y.Doc; awareness: Awareness; connectionCount: number } | undefined;
  /**
   * Holds the edits of the plan's room in this process (see Room.holdEdits);
   * undefined when the plan is not open here.
   */
  holdEdits(planId: string): ((apply: boolean) => void) | undefined;
  /** Refuses new sockets, closes every socket with 1001 and flushes every room. Persistence stays open. */
  close(): Promise<void>;
}

const COLLAB_PATH = /^\/collab\/([^/?#]*)$/;
/** How long sockets get for the closing handshake at shutdown before they are cut. */
const SHUTDOWN_CLOSE_MS = 2_000;

/**
 * The collaboration endpoint `ws://HOST/collab/<planId>` (DESIGN.md section
 * 3): the y-websocket protocol on the app's own HTTP server, authorized on
 * the upgrade (./authorize.ts), one room per plan (./rooms.ts, ./room.ts),
 * one Connection per socket (./connection.ts).
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const log = options.log.child({ module: "collab" });
  const now = options.now ?? Date.now;
  const rooms = new Rooms(options.persistence, log, { unloadGraceMs: options.unloadGraceMs ?? 2_000 });
  const connections = new Set<Connection>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES,
    clientTracking: false,
    perMessageDeflate: false,
  });
  const connectionOptions = {
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    maxBufferedBytes: options.maxBufferedBytes ?? 64 * 1024 * 1024,
  };
  let closing = false;
  let closed: Promise<void> | undefined;

  async function upgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    planIdText: string,
    token: string | null,
    wantsCommitted: boolean,
  ) {
    const auth = await authorizeUpgrade(req, planIdText, token, {
      sql: options.sql,
      sessionSecret: options.sessionSecret,
      appOrigin: options.appOrigin,
      now,
    });
    if (!auth.ok) {
      log.info(
        { planId: planIdText.slice(0, 64), userId: auth.userId, status: auth.status, reason: auth.reason },
        "collab refused",
      );
      return refuseUpgrade(socket, auth.status, auth.reason);
    }
    const { member } = auth;
    if (closing) return refuseUpgrade(socket, 503, "server shutting down");
    const room = await rooms.acquire(member.planId);
    if (closing || socket.destroyed) {
      rooms.release(room);
      return socket.destroy();
    }
    let accepted = false;
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true;
      const connection = new Connection(
        ws,
        member,
        room,
        log,
        { ...connectionOptions, wantsCommitted },
        (closed) => {
          connections.delete(closed);
          rooms.leave(room, closed);
        },
      );
      connections.add(connection);
      rooms.join(room, connection);
      connection.start();
    });
    // handleUpgrade calls back synchronously, or not at all (the socket was gone or not a websocket).
    if (!accepted) rooms.release(room);
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? "/", "http://collab.invalid");
      const match = COLLAB_PATH.exec(url.pathname);
      if (!match) return false;
      // Errors while the upgrade is being decided (the client gave up) must not crash the process.
      socket.on("error", (error) => log.debug({ err: error }, "collab upgrade socket error"));
      if (closing) {
        refuseUpgrade(socket, 503, "server shutting down");
        return true;
      }
      upgrade(
        req,
        socket,
        head,
        match[1]!,
        url.searchParams.get("token"),
        url.searchParams.get(COMMITTED_PARAM) === "1",
      ).catch((error: unknown) => {
        log.error({ err: error, planId: match[1]!.slice(0, 64) }, "collab upgrade failed");
        refuseUpgrade(socket, 503, "collaboration is unavailable, try again");
      });
      return true;
    },

    connectionsFor(filter) {
      return [...connections]
        .filter(
          (c) =>
            (filter.userId === undefined || c.member.userId === filter.userId) &&
            (filter.workspaceId === undefined || c.member.workspaceId === filter.workspaceId) &&
            (filter.planId === undefined || c.member.planId === filter.planId) &&
            (filter.sessionId === undefined || c.member.sessionId === filter.sessionId),
        )
        .map(handleOf);
    },

    roomCount: () => rooms.size,

    holdEdits: (planId) => rooms.get(planId)?.holdEdits(),

    room(planId) {
      const room = rooms.get(planId);
      if (!room) return undefined;
      return { doc: room.doc, awareness: room.awareness, connectionCount: room.connectionCount };
    },

    close() {
      closed ??= (async () => {
        closing = true;
        const open = [...connections];
        const allClosed = Promise.all(open.map((c) => c.closed));
        for (const connection of open) connection.close(CLOSE.goingAway, "server shutting down");
        const timer = setTimeout(() => open.forEach((c) => c.terminate()), SHUTDOWN_CLOSE_MS);
        await allClosed;
        clearTimeout(timer);
        await rooms.close();
        wss.close();
        log.info({ connections: open.length }, "collab closed");
      })();
      return closed;
    },
  };
}

function handleOf(connection: Connection): CollabConnection {
  return {
    id: connection.id,
    planId: connection.member.planId,
    userId: connection.member.userId,
    workspaceId: connection.member.workspaceId,
    sessionId: connection.member.sessionId,
    get readOnly() {
      return connection.readOnly;
    },
    close: (code, reason) => connection.close(code, reason),
    setReadOnly: (readOnly) => connection.setReadOnly(readOnly),
  };
}

/** Answers a refused upgrade with a plain HTTP response on the raw socket, then drops it. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${reason}\n`;
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n` +
      "Connection: close\r\n" +
      "Cache-Control: no-store\r\n" +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `\r\n${body}`,
  );
}
