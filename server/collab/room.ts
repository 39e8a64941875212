import * as encoding from "lib0/encoding";
import { CLOSE, MESSAGE_COMMITTED } from "../../app/domain/collab";
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeAwarenessStates,
  removeAwarenessStates,
} from "y-protocols/awareness";
import * as Y from "yjs";
import { encodeCommitted } from "../../app/domain/sync-state";
import type { Logger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import {
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  presenceUser,
  stampAwareness,
  type PresenceUser,
} from "./awareness-stamp";
import type { CollabMember } from "./authorize";
import {
  checkUpdate,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  type ClientMessage,
} from "./protocol";

/** What a room needs of a connection; server/collab/connection.ts implements it. */
export interface RoomConnection {
  readonly id: number;
  readonly member: CollabMember;
  /** Read each time: revocation may lower a live connection to read-only. */
  readonly readOnly: boolean;
  /** Asked for MESSAGE_COMMITTED frames: told what is committed after its own changes are. */
  readonly wantsCommitted?: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Awareness clientIDs one connection may introduce (a browser tab uses one; a few more for reconnects). */
const MAX_CLIENT_IDS_PER_CONNECTION = 8;

/** Edits a held room keeps aside (a hold lasts milliseconds; a flood past this closes its sender). */
const MAX_HELD_EDITS = 10_000;

/**
 * One plan's live document and presence, shared by every connection to it.
 * An update from a writer is checked, applied in memory, and then, once per
 * event-loop turn, merged with whatever else arrived in that turn, broadcast
 * to the other connections and handed to persistence. Read-only connections
 * are answered and see everything, but their updates are dropped here.
 */
export class Room {
  readonly awareness: Awareness;
  /** Each connection and the awareness clientIDs it introduced (removed when it leaves). */
  readonly #connections = new Map<RoomConnection, Set<number>>();
  #batch: Array<{ update: Uint8Array; origin: unknown }> = [];
  #flushScheduled = false;
  #destroyed = false;
  /** Connections whose changes were stored and that have not been told they are committed yet. */
  readonly #awaitingCommit = new Set<RoomConnection>();
  /** An update threw half-way through; the in-memory doc can no longer be trusted. */
  poisoned = false;
  /** Upgrades that hold the room while their socket opens; with connections, they keep it loaded. */
  reservations = 0;
  /** Set by the registry while the room waits, empty, to be unloaded. */
  graceTimer: NodeJS.Timeout | undefined;
  /** Identifies the unload in progress; any other value (a new hold) calls it off. */
  unloadAttempt: symbol | undefined;

  constructor(
    readonly planId: string,
    readonly doc: Y.Doc,
    private readonly persistence: DocPersistence,
    private readonly log: Logger,
    /** Called when an update failed half-way: the registry closes and reloads the room. */
    private readonly onPoisoned: (room: Room) => void,
  ) {
    this.awareness = new Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.#onAwarenessUpdate);
    doc.on("update", this.#onDocUpdate);
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Connections plus reservations: while above zero the room stays loaded. */
  get holds(): number {
    return this.#connections.size + this.reservations;
  }

  connections(): IterableIterator<RoomConnection> {
    return this.#connections.keys();
  }

  /** Greets a new connection: the server's state vector, then who is here. */
  /** Edits received while held (see `holdEdits`), in arrival order; null when not held. */
  #held: { connection: RoomConnection; update: Uint8Array }[] | null = null;
  #holds = 0;
  #dropHeld = false;

  /**
   * Keeps every incoming edit aside, unapplied, until the returned release
   * is called: the final approval compares the content hash and commits,
   * and an edit applied in between would change the plan after it was
   * signed. `release(true)` applies the held edits in order (nothing was
   * locked; their senders never notice); `release(false)` drops them (the
   * plan is locked now: the access watch closes the senders, which re-sync
   * read-only). Holds nest; edits go in when the last one is released.
   */
  holdEdits(): (apply: boolean) => void {
    this.#holds += 1;
    this.#held ??= [];
    let released = false;
    return (apply) => {
      if (released) return;
      released = true;
      this.#holds -= 1;
      if (!apply) this.#dropHeld = true;
      if (this.#holds > 0) return;
      const held = this.#held ?? [];
      const drop = this.#dropHeld;
      this.#held = null;
      this.#dropHeld = false;
      if (drop || this.#destroyed) return;
      for (const { connection, update } of held) {
        if (connection.readOnly || !this.#connections.has(connection)) continue;
        try {
          this.#applyUpdate(connection, update);
        } catch (error) {
          this.log.warn({ planId: this.planId, connId: connection.id, err: error }, "held edit refused");
          connection.close(CLOSE.policyViolation, "update could not be applied");
        }
      }
    };
  }

  join(connection: RoomConnection): void {
    this.#connections.set(connection, new Set());
    connection.send(encodeSyncStep1(this.doc));
    if (connection.wantsCommitted) {
      // A baseline to compare with; if something is in flight, it comes with the next commit.
      if (this.#idle()) connection.send(encodeCommittedMessage(this.doc));
      else this.#awaitingCommit.add(connection);
    }
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length) {
      connection.send(encodeAwarenessMessage(encodeAwarenessStates(this.awareness, clients)));
    }
  }

  /** Forgets a connection and removes the presence it introduced. */
  leave(connection: RoomConnection): void {
    const clientIds = this.#connections.get(connection);
    if (!clientIds) return;
    this.#connections.delete(connection);
    this.#awaitingCommit.delete(connection);
    if (clientIds.size && !this.#destroyed) {
      // Removing announces the departure to everyone left (origin null: not a connection).
      removeAwarenessStates(this.awareness, [...clientIds], null);
    }
  }

  /** Handles one decoded message; throws ProtocolError to have the sender's socket closed. */
  receive(connection: RoomConnection, message: ClientMessage): void {
    switch (message.kind) {
      case "sync-step1":
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case "sync-step2":
      case "update":
        if (connection.readOnly) return;
        if (this.#held) {
          if (this.#held.length >= MAX_HELD_EDITS) throw new ProtocolError("too many edits while held");
          this.#held.push({ connection, update: message.update });
          return;
        }
        this.#applyUpdate(connection, message.update);
        return;
      case "awareness":
        this.#applyAwareness(connection, message.update);
        return;
      case "query-awareness": {
        const clients = [...this.awareness.getStates().keys()];
        connection.send(encodeAwarenessMessage(encodeAwarenessStates(this.awareness, clients)));
        return;
      }
      case "auth":
        return;
    }
  }

  #applyUpdate(connection: RoomConnection, update: Uint8Array): void {
    checkUpdate(update);
    const mark = this.#batch.length;
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      // Whatever the failed update emitted is not broadcast nor stored; the doc itself is suspect.
      this.#batch.length = mark;
      this.poisoned = true;
      this.log.error(
        { planId: this.planId, connId: connection.id, err: error },
        "collab update failed half-way",
      );
      this.onPoisoned(this);
      throw new ProtocolError("update could not be applied");
    }
  }

  #applyAwareness(connection: RoomConnection, update: Uint8Array): void {
    const owned = this.#connections.get(connection);
    if (!owned) return;
    // What it controls once this update is in: the cap counts the clientIDs the update brings too.
    const claimed = new Set(owned);
    const entries = decodeAwarenessUpdate(update).filter((entry) =>
      this.#mayControl(connection, claimed, entry.clientId),
    );
    if (!entries.length) return;
    const user: PresenceUser = presenceUser(connection.member);
    applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(stampAwareness(entries, user)), connection);
  }

  /**
   * A connection controls the clientIDs it introduced. It may take over one
   * that another connection of the same user introduced (a reconnect whose
   * old socket has not closed yet), never someone else's.
   */
  #mayControl(connection: RoomConnection, claimed: Set<number>, clientId: number): boolean {
    if (claimed.has(clientId)) return true;
    if (claimed.size >= MAX_CLIENT_IDS_PER_CONNECTION) return false;
    for (const [other, ids] of this.#connections) {
      if (other === connection || !ids.has(clientId)) continue;
      if (other.member.userId !== connection.member.userId) return false;
      ids.delete(clientId);
    }
    claimed.add(clientId);
    return true;
  }

  #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.#connections.get(origin as RoomConnection);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of updated) owned.add(id);
      for (const id of removed) owned.delete(id);
    } else {
      // Timeouts and departures: nobody controls these clientIDs any more.
      for (const ids of this.#connections.values()) for (const id of removed) ids.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const message = encodeAwarenessMessage(encodeAwarenessStates(this.awareness, changed));
    for (const connection of this.#connections.keys()) {
      if (connection !== origin) connection.send(message);
    }
  };

  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#batch.push({ update, origin });
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // Same turn of the event loop, after every socket's pending frames: low latency, fewer messages.
    setImmediate(this.flushBatch);
  };

  /**
   * Broadcasts and stores the updates applied since the last flush, merged
   * into one message. When one connection sent them all, it is left out;
   * when several did, everyone gets the same message (Yjs ignores what a
   * client already has): one merge and one encoding per turn rather than one
   * per sender, which is most of the server's CPU under heavy typing.
   */
  flushBatch = (): void => {
    this.#flushScheduled = false;
    const batch = this.#batch;
    if (!batch.length) return;
    this.#batch = [];
    const merged = mergeAll(batch.map((entry) => entry.update));
    const origins = new Set(batch.map((entry) => entry.origin));
    const message = encodeUpdate(merged);
    const soleOrigin = origins.size === 1 ? batch[0]!.origin : undefined;
    for (const connection of this.#connections.keys()) {
      if (connection !== soleOrigin) connection.send(message);
    }
    for (const origin of origins) {
      const connection = origin as RoomConnection;
      if (this.#connections.has(connection) && connection.wantsCommitted)
        this.#awaitingCommit.add(connection);
    }
    this.persistence.store(this.planId, merged);
  };

  /** Nothing applied here is waiting to be stored or committed: the doc is what Postgres has. */
  #idle(): boolean {
    return this.#batch.length === 0 && this.persistence.pendingCount(this.planId) === 0;
  }

  /**
   * Called by the registry after each commit of this plan: tells the connections waiting for it what is committed
   * now, but only when nothing else is in flight: then the in-memory doc is
   * exactly the committed state, and "saved" can never be said too early.
   */
  committed(): void {
    if (this.#destroyed || this.#awaitingCommit.size === 0 || !this.#idle()) return;
    const message = encodeCommittedMessage(this.doc);
    for (const connection of this.#awaitingCommit) connection.send(message);
    this.#awaitingCommit.clear();
  }

  /** Frees the document and presence; the registry calls it after the last flush. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    clearTimeout(this.graceTimer);
    this.#awaitingCommit.clear();
    this.doc.off("update", this.#onDocUpdate);
    this.awareness.off("update", this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.#connections.clear();
  }
}

/** `[MESSAGE_COMMITTED][varUint8Array snapshot]`, as the client's handler reads it. */
function encodeCommittedMessage(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_COMMITTED);
  encoding.writeVarUint8Array(encoder, encodeCommitted(doc));
  return encoding.toUint8Array(encoder);
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
