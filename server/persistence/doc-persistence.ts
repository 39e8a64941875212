import type * as Y from "yjs";

/**
 * How a room's document reaches Postgres and comes back (DESIGN.md section 3).
 * The room applies every update in memory and broadcasts it at once; it hands
 * the same update to `store`, and group commit writes it within ~100 ms.
 */
export interface DocPersistence {
  /** The stored document: the latest snapshot plus every update after it. */
  load(planId: string): Promise<Y.Doc>;
  /**
   * Queues an update the room has already applied. Never throws and never
   * drops it: on database trouble it is retried until it is committed.
   */
  store(planId: string, update: Uint8Array): void;
  /** Resolves once everything stored so far for the plan is committed. */
  flush(planId: string): Promise<void>;
  /** Updates stored for the plan and not yet committed. */
  pendingCount(planId: string): number;
  /** Called after each commit of a plan's updates. Returns an unsubscribe function. */
  onCommit(listener: (planId: string) => void): () => void;
  /** Flushes everything and stops the timers. */
  close(): Promise<void>;
}
