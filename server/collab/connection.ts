import WebSocket, { type RawData } from "ws";
import { CLOSE } from "../../app/domain/collab";
import type { Logger } from "../logger";
import type { CollabMember } from "./authorize";
import { decodeMessage, ProtocolError } from "./protocol";
import type { Room, RoomConnection } from "./room";

/** Close code for a failure on our side while handling a message. */
export const INTERNAL_ERROR_CLOSE = CLOSE.internalError;

export interface ConnectionOptions {
  /** A socket that has not answered a ping by the next one is dropped. */
  pingIntervalMs: number;
  /** A client that reads this far behind is dropped rather than buffered without end. */
  maxBufferedBytes: number;
  /** The client asked for MESSAGE_COMMITTED frames (`?committed=1`). */
  wantsCommitted?: boolean;
}

let nextId = 1;

/**
 * One member's socket in one room: reads frames, decodes them, hands them to
 * the room, and closes itself, and only itself, on a bad one (1008, or 1009
 * when ws refuses a frame over maxPayload). Also the handle the lead's
 * revocation works with: `close(code, reason)` and `setReadOnly(true)`.
 */
export class Connection implements RoomConnection {
  readonly id = nextId++;
  readonly openedAt = Date.now();
  #readOnly: boolean;
  #alive = true;
  #pinger: NodeJS.Timeout | undefined;
  /** The code we closed with, if we did; the close event reports the peer's echo or 1005/1006. */
  #closeCode: number | undefined;
  readonly #log: Logger;
  #resolveClosed: () => void = () => {};
  /** Settles once the socket has closed and the room has forgotten it. */
  readonly closed = new Promise<void>((resolve) => (this.#resolveClosed = resolve));

  constructor(
    private readonly ws: WebSocket,
    readonly member: CollabMember,
    readonly room: Room,
    log: Logger,
    private readonly options: ConnectionOptions,
    private readonly onClosed: (connection: Connection) => void,
  ) {
    this.#readOnly = member.readOnly;
    this.#log = log.child({ planId: member.planId, userId: member.userId, connId: this.id });
  }

  get wantsCommitted(): boolean {
    return this.options.wantsCommitted ?? false;
  }

  get planId(): string {
    return this.member.planId;
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** Lowers (or restores) the connection's right to edit from the next message on. */
  setReadOnly(readOnly: boolean): void {
    if (this.#readOnly === readOnly) return;
    this.#readOnly = readOnly;
    this.#log.info({ readOnly }, "collab access changed");
  }

  start(): void {
    this.ws.on("message", this.#onMessage);
    this.ws.on("pong", () => (this.#alive = true));
    this.ws.on("error", this.#onError);
    this.ws.once("close", this.#onClose);
    this.#pinger = setInterval(this.#ping, this.options.pingIntervalMs);
    this.#pinger.unref();
    this.#log.info(
      {
        role: this.member.role,
        readOnly: this.#readOnly,
        via: this.member.via,
        planStatus: this.member.planStatus,
      },
      "collab connect",
    );
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.#log.warn({ buffered: this.ws.bufferedAmount }, "collab client too slow, dropped");
      this.#closeCode = INTERNAL_ERROR_CLOSE;
      this.ws.terminate();
      return;
    }
    this.ws.send(message, { binary: true });
  }

  /** Closes with a code of app/domain/collab.ts CLOSE (or a standard one); the room forgets it on close. */
  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.CLOSED || this.ws.readyState === WebSocket.CLOSING) return;
    this.#closeCode = code;
    this.ws.close(code, reason);
  }

  /** Drops the socket at once, without the closing handshake (shutdown after a grace period). */
  terminate(): void {
    this.ws.terminate();
  }

  #onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (!isBinary) return this.#violation("text frame");
    try {
      this.room.receive(this, decodeMessage(toBytes(data)));
    } catch (error) {
      if (error instanceof ProtocolError) return this.#violation(error.message);
      this.#log.error({ err: error }, "collab message failed");
      this.close(INTERNAL_ERROR_CLOSE, "internal error");
    }
  };

  #violation(reason: string): void {
    this.#log.warn({ reason }, "collab protocol violation");
    this.close(CLOSE.policyViolation, "protocol violation");
  }

  #onError = (error: Error & { code?: string }): void => {
    if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
      // ws has already answered with 1009 and closes the socket.
      this.#closeCode = CLOSE.tooLarge;
      this.#log.warn({ reason: "frame over the size limit" }, "collab protocol violation");
      return;
    }
    this.#closeCode ??= CLOSE.policyViolation;
    this.#log.warn({ reason: error.code ?? error.message }, "collab socket error");
  };

  #ping = (): void => {
    if (!this.#alive) {
      this.#log.info("collab client stopped answering pings");
      this.ws.terminate();
      return;
    }
    this.#alive = false;
    this.ws.ping();
  };

  #onClose = (code: number): void => {
    clearInterval(this.#pinger);
    this.ws.off("message", this.#onMessage);
    this.#log.info(
      {
        code: this.#closeCode ?? code,
        byServer: this.#closeCode !== undefined,
        ms: Date.now() - this.openedAt,
      },
      "collab close",
    );
    this.onClosed(this);
    this.#resolveClosed();
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
