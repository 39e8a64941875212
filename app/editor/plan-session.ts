import * as decoding from "lib0/decoding";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE, COMMITTED_PARAM, MESSAGE_COMMITTED } from "../domain/collab";
import { decodeCommitted } from "../domain/sync-state";
import { createUndoManager, type SharedUndoManager } from "./shared-undo-manager";
import { SyncTracker } from "./sync-tracker";
import { browserLedger } from "./unsynced-ledger";

/**
 * One open plan in this tab: its Y.Doc, kept in the browser by y-indexeddb
 * (edits made offline survive a reload) and synced through the stock
 * y-websocket provider on `/collab/<planId>`, which the session cookie
 * authenticates. Browser-only: the page opens it in an effect.
 */

/** Where the page is in opening the plan: shown as "Opening the plan…" until `ready`. */
export type OpeningPhase = "opening" | "unreachable" | "ready";

/** Who this tab is, as its own presence state shows it (the server stamps the same for others). */
export interface LocalUser {
  id: string;
  name: string;
  team: string;
  color: string;
}

export interface PlanSessionOptions {
  planId: string;
  user: LocalUser;
  /** Whether this person's local changes count as unsynced work (false for read-only people). */
  tracking: boolean;
}

/** How long IndexedDB may take before the socket connects anyway. */
const STORAGE_WAIT_MS = 2_500;
/** After this long without content the page says it cannot reach Accord (and keeps trying). */
const UNREACHABLE_AFTER_MS = 8_000;

export function collabServerUrl(location: Location): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
}

export class PlanSession {
  readonly doc = new Y.Doc();
  /** The transaction origin of this person's edits outside TipTap (tables, title, lead fields). */
  readonly localOrigin: object = { name: "accord-local-edit" };
  readonly undoManager: SharedUndoManager;
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly tracker: SyncTracker;
  readonly #persistence: IndexeddbPersistence | null;
  #phase: OpeningPhase = "opening";
  readonly #phaseListeners = new Set<() => void>();
  readonly #accessListeners = new Set<() => void>();
  readonly #timers: Array<ReturnType<typeof setTimeout>> = [];
  #destroyed = false;

  constructor(readonly options: PlanSessionOptions) {
    const { planId } = options;
    this.undoManager = createUndoManager(this.doc, this.localOrigin);
    this.tracker = new SyncTracker(this.doc, browserLedger(planId, crypto.randomUUID()), {
      tracking: options.tracking,
      online: navigator.onLine,
    });
    this.doc.on("afterTransaction", this.tracker.onTransaction);

    this.provider = new WebsocketProvider(collabServerUrl(window.location), planId, this.doc, {
      connect: false,
      params: { [COMMITTED_PARAM]: "1" },
      // 4401: the session ended, reconnecting cannot help. CLOSE.accessChanged
      // reconnects to get the new rights; everything else is transient.
      shouldReconnect: (event) => event.code !== CLOSE.unauthorized,
    });
    this.awareness = this.provider.awareness;
    this.awareness.setLocalStateField("user", options.user);
    this.provider.messageHandlers[MESSAGE_COMMITTED] = (_encoder, decoder) => {
      let snapshot: Y.Snapshot;
      try {
        snapshot = decodeCommitted(decoding.readVarUint8Array(decoder));
      } catch {
        return; // A frame we cannot read proves nothing: the changes stay unsynced.
      }
      this.tracker.committed(snapshot);
    };
    this.provider.on("status", this.#onConnectionChange);
    this.provider.on("sync", this.#onSync);
    this.provider.on("connection-close", this.#onClose);
    this.provider.on("closed", this.#onClosedForGood);
    window.addEventListener("online", this.#onOnline);
    window.addEventListener("offline", this.#onOffline);

    this.#persistence = openStorage(planId, options.user.id, this.doc);
    const stored = this.#persistence?.whenSynced.then(() => this.#onRestored()) ?? Promise.resolve();
    const waited = new Promise<void>((resolve) => this.#timers.push(setTimeout(resolve, STORAGE_WAIT_MS)));
    void Promise.race([stored, waited]).then(() => {
      if (!this.#destroyed && navigator.onLine) this.provider.connect();
    });
    this.#timers.push(
      setTimeout(() => {
        if (this.#phase === "opening") this.#setPhase("unreachable");
      }, UNREACHABLE_AFTER_MS),
    );
  }

  get phase(): OpeningPhase {
    return this.#phase;
  }

  onPhase(listener: () => void): () => void {
    this.#phaseListeners.add(listener);
    return () => this.#phaseListeners.delete(listener);
  }

  /** The server closed the socket because this person's rights changed: the page reloads its data. */
  onAccessChanged(listener: () => void): () => void {
    this.#accessListeners.add(listener);
    return () => this.#accessListeners.delete(listener);
  }

  setTracking(tracking: boolean): void {
    this.tracker.setTracking(tracking);
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#timers.forEach(clearTimeout);
    window.removeEventListener("online", this.#onOnline);
    window.removeEventListener("offline", this.#onOffline);
    this.doc.off("afterTransaction", this.tracker.onTransaction);
    // Say goodbye while the socket is still open, so the avatar goes at once.
    this.awareness.setLocalState(null);
    this.provider.destroy();
    this.#persistence?.destroy().catch(() => {});
    this.undoManager.dispose();
    this.doc.destroy();
    this.#phaseListeners.clear();
    this.#accessListeners.clear();
  }

  #onRestored = (): void => {
    if (this.#destroyed) return;
    this.tracker.restored();
    // Content from an earlier visit is enough to start reading and editing offline.
    if (this.doc.store.clients.size > 0) this.#setPhase("ready");
  };

  #onSync = (synced: boolean): void => {
    this.tracker.setConnected(synced && this.provider.wsconnected);
    if (synced) this.#setPhase("ready");
  };

  #onConnectionChange = (): void => {
    this.tracker.setConnected(this.provider.wsconnected && this.provider.synced);
  };

  #onClose = (event: CloseEvent | null): void => {
    if (event?.code === CLOSE.accessChanged) this.#accessListeners.forEach((listener) => listener());
  };

  #onClosedForGood = (event: { code: number }): void => {
    if (event.code === CLOSE.unauthorized) this.tracker.setSignedOut(true);
  };

  /**
   * The browser says the network is back: connect now rather than after the
   * provider's backoff.
   */
  #onOnline = (): void => {
    this.tracker.setOnline(true);
    if (!this.tracker.getStatus().signedOut) this.provider.connect();
  };

  /**
   * The browser says the network is gone. An open socket can linger for
   * minutes on a dead network (browsers do not close it), and edits sent into
   * it are not saved; disconnect so the badge tells the truth and the edits
   * wait in IndexedDB for the sync on reconnect.
   */
  #onOffline = (): void => {
    this.tracker.setOnline(false);
    this.provider.disconnect();
  };

  #setPhase(phase: OpeningPhase): void {
    if (this.#destroyed || this.#phase === phase || this.#phase === "ready") return;
    this.#phase = phase;
    this.#phaseListeners.forEach((listener) => listener());
  }
}

/**
 * y-indexeddb on a database of this person and plan: on a shared computer,
 * the next person to log in never picks up (and sends as theirs) someone
 * else's offline edits. Null where IndexedDB is unavailable (private modes).
 */
function openStorage(planId: string, userId: string, doc: Y.Doc): IndexeddbPersistence | null {
  try {
    if (typeof indexedDB === "undefined") return null;
    return new IndexeddbPersistence(`accord-plan-${userId}-${planId}`, doc);
  } catch {
    return null;
  }
}
