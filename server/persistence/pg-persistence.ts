import type * as Y from "yjs";
import { loadDocument } from "../../db/queries/documents";
import type { Sql } from "../../db/sql";
import type { Logger } from "../logger";
import { compactDocument, type CompactResult } from "./compaction";
import type { DocPersistence } from "./doc-persistence";
import { GroupCommit, type GroupCommitOptions } from "./group-commit";
import { buildDoc } from "./stored-doc";

export interface PgPersistenceOptions extends Partial<GroupCommitOptions> {
  /** Compact a plan once about this many log rows have piled up behind its snapshot. */
  compactThreshold?: number;
}

/** DocPersistence plus what tests and operators need beyond the room's contract. */
export interface PgPersistence extends DocPersistence {
  /** Compacts the plan now (it happens by itself past `compactThreshold`). */
  compact(planId: string): Promise<CompactResult>;
}

const DEFAULTS = {
  commitIntervalMs: 5,
  commitTimeoutMs: 5_000,
  retryMinMs: 50,
  retryMaxMs: 2_000,
  slowCommitMs: 100,
  compactThreshold: 500,
} satisfies Required<PgPersistenceOptions>;

/**
 * Plan documents in PostgreSQL (DESIGN.md section 3): an append-only log
 * written by per-plan group commit (./group-commit.ts), folded into a
 * snapshot by background compaction (./compaction.ts). Several processes may
 * share the database: every read and compaction works from the database,
 * never from one process's memory.
 */
export function createPgPersistence(
  sql: Sql,
  logger: Logger,
  options: PgPersistenceOptions = {},
): PgPersistence {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const log = logger.child({ module: "persistence" });
  const listeners = new Set<(planId: string) => void>();
  const loading = new Map<string, Promise<Y.Doc>>();
  const compacting = new Map<string, Promise<CompactResult | undefined>>();
  /** Log rows behind the snapshot as far as this process knows: set by load, raised by its commits. */
  const behindSnapshot = new Map<string, number>();
  let closed = false;

  const writer = new GroupCommit(sql, log, settings, (planId) => {
    behindSnapshot.set(planId, (behindSnapshot.get(planId) ?? 0) + 1);
    for (const listener of listeners) {
      try {
        listener(planId);
      } catch (error) {
        log.error({ planId, err: error }, "onCommit listener failed");
      }
    }
    compactIfDue(planId);
  });

  async function loadFresh(planId: string): Promise<Y.Doc> {
    const started = performance.now();
    // Taken before the read: whatever commits during it is in the read or in this list (or both: harmless).
    const local = writer.uncommitted(planId);
    const stored = await loadDocument(sql, planId);
    const { doc, bytes } = buildDoc(stored, planId, log, local);
    behindSnapshot.set(planId, stored.updates.length);
    log.info(
      {
        planId,
        updates: stored.updates.length,
        snapshot: Boolean(stored.snapshot),
        pending: local.length,
        bytes,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "load",
    );
    compactIfDue(planId);
    return doc;
  }

  /** Starts a background compaction if the plan's log has grown past the threshold. */
  function compactIfDue(planId: string): void {
    if (closed || compacting.has(planId)) return;
    if ((behindSnapshot.get(planId) ?? 0) < settings.compactThreshold) return;
    const run = compact(planId).catch((error: unknown) => {
      log.warn({ planId, err: error }, "compaction failed");
      return undefined;
    });
    compacting.set(planId, run);
    void run.finally(() => compacting.delete(planId));
  }

  async function compact(planId: string): Promise<CompactResult> {
    behindSnapshot.set(planId, 0);
    const result = await compactDocument(sql, planId, log, settings.compactThreshold);
    // Too small (another process compacted lately): count from what the log holds. Busy: another
    // process is compacting right now, so start counting from zero like after our own.
    if (!result.compacted && result.reason === "small") {
      behindSnapshot.set(planId, (behindSnapshot.get(planId) ?? 0) + result.updates);
    }
    return result;
  }

  return {
    /** Concurrent loads of one plan share one read and get the same Y.Doc. */
    load(planId) {
      const running = loading.get(planId);
      if (running) return running;
      const load = loadFresh(planId).finally(() => loading.delete(planId));
      loading.set(planId, load);
      return load;
    },
    store(planId, update) {
      writer.store(planId, update);
    },
    flush(planId) {
      return writer.flush(planId);
    },
    pendingCount(planId) {
      return writer.pendingCount(planId);
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      closed = true;
      await writer.flushAll();
      await Promise.all(compacting.values());
    },
    compact(planId) {
      return compactDocument(sql, planId, log, 1);
    },
  };
}

/** The options that were actually given, so `undefined` does not override a default. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
