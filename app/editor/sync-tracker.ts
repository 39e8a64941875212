import * as Y from "yjs";
import { deleteSetCovered, isTransactionCommitted, type DeleteSet } from "../domain/sync-state";
import type { UnsyncedLedger } from "./unsynced-ledger";

/**
 * What the connection badge, the leave-page guard and the "N changes wait"
 * count know about this tab's edits. A change counts as saved only once a
 * MESSAGE_COMMITTED snapshot from the server covers it: "sent" or "the
 * server has it in memory" is not enough (DESIGN.md section 3, durability).
 */
export interface SyncStatus {
  /** The socket is open and the first sync is done: changes reach the server now. */
  connected: boolean;
  /** What the browser says about its network (`navigator.onLine`). */
  online: boolean;
  /** This tab has been connected at least once ("Connecting…" before, "Reconnecting…" after). */
  everConnected: boolean;
  /** This tab's changes that no committed snapshot covers yet. */
  unsynced: number;
  /**
   * Content restored from this browser (IndexedDB) that an earlier visit had
   * not seen committed; its count is unknown, so it is shown without one.
   */
  restoredUnsynced: boolean;
  /** The server closed the socket for good (the session ended); nothing syncs until a new login. */
  signedOut: boolean;
}

/** One local transaction, as `isTransactionCommitted` checks it. */
interface PendingChange {
  client: number;
  clockAfter: number;
  deleteSet: DeleteSet;
}

export function hasUnsynced(status: SyncStatus): boolean {
  return status.unsynced > 0 || status.restoredUnsynced;
}

/**
 * Tracks this tab's local transactions until a committed snapshot covers
 * them. A class because it holds state that outlives renders: React reads it
 * through `subscribe` / `getStatus` (useSyncExternalStore).
 */
export class SyncTracker {
  #status: SyncStatus;
  #pending: PendingChange[] = [];
  #committed: Y.Snapshot | null = null;
  /** The doc's state when IndexedDB content was restored, and the ledger entries that said it was unsynced. */
  #restored: { snapshot: Y.Snapshot; entries: string[] } | null = null;
  #tracking: boolean;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly ledger: UnsyncedLedger,
    options: { tracking: boolean; online: boolean },
  ) {
    this.#tracking = options.tracking;
    this.#status = {
      connected: false,
      online: options.online,
      everConnected: false,
      unsynced: 0,
      restoredUnsynced: false,
      signedOut: false,
    };
  }

  getStatus = (): SyncStatus => this.#status;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * The doc's `afterTransaction` handler. Counts local transactions that
   * changed something (inserted content or deleted some); remote ones
   * (provider, IndexedDB) are not this tab's to save.
   */
  onTransaction = (transaction: Y.Transaction): void => {
    if (!transaction.local || !this.#tracking) return;
    const client = this.doc.clientID;
    const before = transaction.beforeState.get(client) ?? 0;
    const after = transaction.afterState.get(client) ?? 0;
    if (after === before && transaction.deleteSet.clients.size === 0) return;
    this.#pending.push({ client, clockAfter: after, deleteSet: transaction.deleteSet });
    this.#update({});
  };

  /**
   * IndexedDB has put an earlier visit's content into the doc. If the ledger
   * says that visit (or another tab) left changes unsynced, they count as
   * unsynced until a committed snapshot covers the state restored here.
   */
  restored(): void {
    const entries = Object.entries(this.ledger.others())
      .filter(([, count]) => count > 0)
      .map(([id]) => id);
    if (!entries.length) return;
    const snapshot = Y.snapshot(this.doc);
    if (this.#committed && snapshotCovered(snapshot, this.#committed)) {
      this.ledger.forget(entries);
      return;
    }
    this.#restored = { snapshot, entries };
    this.#update({});
  }

  /** A MESSAGE_COMMITTED snapshot: everything it covers is in Postgres. */
  committed(snapshot: Y.Snapshot): void {
    this.#committed = snapshot;
    this.#pending = this.#pending.filter((change) => !isTransactionCommitted(change, snapshot));
    if (this.#restored && snapshotCovered(this.#restored.snapshot, snapshot)) {
      this.ledger.forget(this.#restored.entries);
      this.#restored = null;
    }
    this.#update({});
  }

  setConnected(connected: boolean): void {
    this.#update({ connected, everConnected: this.#status.everConnected || connected });
  }

  setOnline(online: boolean): void {
    this.#update({ online });
  }

  setSignedOut(signedOut: boolean): void {
    this.#update({ signedOut });
  }

  /** Read-only people write nothing the server keeps: their (accidental) local transactions are not counted. */
  setTracking(tracking: boolean): void {
    this.#tracking = tracking;
  }

  #update(patch: Partial<SyncStatus>): void {
    const next: SyncStatus = {
      ...this.#status,
      ...patch,
      unsynced: this.#pending.length,
      restoredUnsynced: this.#restored !== null,
    };
    const previous = this.#status;
    if (sameStatus(previous, next)) return;
    this.#status = next;
    if (next.unsynced !== previous.unsynced) this.ledger.write(next.unsynced);
    for (const listener of this.#listeners) listener();
  }
}

/** Does `outer` hold everything of `inner`: inserted content (state vector) and deletions (delete set)? */
export function snapshotCovered(inner: Y.Snapshot, outer: Y.Snapshot): boolean {
  for (const [client, clock] of inner.sv) {
    if ((outer.sv.get(client) ?? 0) < clock) return false;
  }
  return deleteSetCovered(inner.ds, outer.ds);
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (Object.keys(a) as Array<keyof SyncStatus>).every((key) => a[key] === b[key]);
}
