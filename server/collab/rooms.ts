import { CLOSE } from "../../app/domain/collab";
import type { Logger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import { Room, type RoomConnection } from "./room";

/** Close code for connections of a room whose document had to be reloaded: clients reconnect and resync. */
export const ROOM_RESET_CLOSE = CLOSE.internalError;

export interface RoomsOptions {
  /** How long an empty room stays loaded before it is flushed and unloaded. */
  unloadGraceMs: number;
}

/**
 * The rooms of one process, one per plan, and their lifecycle (STYLE.md
 * points 8 and 9): load (concurrent first joins share ONE load), hold
 * (reservations while sockets open, then connections), and unload (after a
 * grace period with nobody in: flush the batch, wait for persistence to
 * commit, then drop it from memory). Whoever joins while an unload waits for
 * the database calls it off and gets the room as it is, edits and all; once
 * a room is gone from the map, everything it held is committed, so a fresh
 * load sees it.
 */
export class Rooms {
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();
  /** Rooms being torn down at once (poisoned); joins wait for the teardown, then load afresh. */
  readonly #tearingDown = new Map<string, Promise<void>>();
  #closed = false;
  readonly #unsubscribeCommit: () => void;

  constructor(
    private readonly persistence: DocPersistence,
    private readonly log: Logger,
    private readonly options: RoomsOptions,
  ) {
    // One subscription for all rooms: a commit costs a map lookup, not a pass over every room.
    this.#unsubscribeCommit = persistence.onCommit((planId) => this.#rooms.get(planId)?.committed());
  }

  get size(): number {
    return this.#rooms.size;
  }

  get(planId: string): Room | undefined {
    return this.#rooms.get(planId);
  }

  all(): IterableIterator<Room> {
    return this.#rooms.values();
  }

  /**
   * The plan's room, loaded if need be, with a reservation that keeps it
   * loaded until `join` or `release`. Throws when the load fails.
   */
  async acquire(planId: string): Promise<Room> {
    for (;;) {
      if (this.#closed) throw new Error("collab server is closed");
      const room = this.#rooms.get(planId);
      if (room && !room.poisoned) {
        room.reservations++;
        this.#callOffUnload(room);
        return room;
      }
      const tearingDown = this.#tearingDown.get(planId);
      if (tearingDown) {
        await tearingDown;
        continue;
      }
      let loading = this.#loading.get(planId);
      if (!loading) {
        loading = this.#load(planId);
        this.#loading.set(planId, loading);
        void loading.then(
          () => this.#loading.delete(planId),
          () => this.#loading.delete(planId),
        );
      }
      await loading;
    }
  }

  /** Turns the caller's reservation into a connection of the room. */
  join(room: Room, connection: RoomConnection): void {
    if (room.poisoned) {
      // Being reloaded: the client reconnects and gets the fresh room.
      connection.close(ROOM_RESET_CLOSE, "document reloaded");
    } else {
      room.join(connection);
    }
    this.release(room);
  }

  /** Drops a reservation that did not become a connection (the socket went away). */
  release(room: Room): void {
    room.reservations = Math.max(0, room.reservations - 1);
    this.#unloadIfIdle(room);
  }

  leave(room: Room, connection: RoomConnection): void {
    room.leave(connection);
    this.#unloadIfIdle(room);
  }

  async #load(planId: string): Promise<Room> {
    const started = performance.now();
    const doc = await this.persistence.load(planId);
    const room = new Room(planId, doc, this.persistence, this.log, (poisoned) => this.#tearDown(poisoned));
    if (this.#closed) {
      room.destroy();
      throw new Error("collab server is closed");
    }
    this.#rooms.set(planId, room);
    this.log.debug({ planId, ms: Math.round(performance.now() - started) }, "collab room loaded");
    return room;
  }

  #unloadIfIdle(room: Room): void {
    if (room.holds > 0 || room.poisoned || this.#closed || room.graceTimer) return;
    room.graceTimer = setTimeout(() => void this.#unload(room), this.options.unloadGraceMs);
  }

  #callOffUnload(room: Room): void {
    clearTimeout(room.graceTimer);
    room.graceTimer = undefined;
    room.unloadAttempt = undefined;
  }

  async #unload(room: Room): Promise<void> {
    room.graceTimer = undefined;
    if (room.holds > 0 || this.#rooms.get(room.planId) !== room) return;
    const attempt = Symbol("unload");
    room.unloadAttempt = attempt;
    room.flushBatch();
    try {
      await this.persistence.flush(room.planId);
    } catch (error) {
      // Keep the document in memory and try again later: it may hold the only copy.
      this.log.error({ planId: room.planId, err: error }, "collab room flush failed; unload retried later");
      if (room.unloadAttempt === attempt) {
        room.unloadAttempt = undefined;
        this.#unloadIfIdle(room);
      }
      return;
    }
    if (room.unloadAttempt !== attempt || room.holds > 0 || room.poisoned) return;
    this.#rooms.delete(room.planId);
    room.destroy();
    this.log.info({ planId: room.planId }, "collab room flushed and unloaded");
  }

  /**
   * A room whose document failed half-way through an update: store what was
   * good, close every connection (clients reconnect and resync by state
   * vector, so nothing they hold is lost) and reload it from the database.
   */
  #tearDown(room: Room): void {
    if (this.#tearingDown.has(room.planId)) return;
    this.#callOffUnload(room);
    const done = (async () => {
      room.flushBatch();
      for (const connection of room.connections()) connection.close(ROOM_RESET_CLOSE, "document reloaded");
      try {
        await this.persistence.flush(room.planId);
      } catch (error) {
        this.log.error({ planId: room.planId, err: error }, "collab flush before reload failed");
      }
      if (this.#rooms.get(room.planId) === room) this.#rooms.delete(room.planId);
      room.destroy();
    })();
    this.#tearingDown.set(room.planId, done);
    void done.finally(() => this.#tearingDown.delete(room.planId));
  }

  /** Flushes every room and frees them; joins fail from now on. Connections are the caller's to close. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#unsubscribeCommit();
    await Promise.allSettled(this.#loading.values());
    await Promise.allSettled(this.#tearingDown.values());
    const rooms = [...this.#rooms.values()];
    for (const room of rooms) {
      this.#callOffUnload(room);
      room.flushBatch();
    }
    await Promise.all(
      rooms.map((room) =>
        this.persistence.flush(room.planId).catch((error: unknown) => {
          this.log.error({ planId: room.planId, err: error }, "collab flush at shutdown failed");
        }),
      ),
    );
    for (const room of rooms) room.destroy();
    this.#rooms.clear();
  }
}
