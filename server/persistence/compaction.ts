import * as Y from "yjs";
import {
  countUpdatesSince,
  loadDocument,
  tryLockForCompaction,
  writeSnapshotAndPrune,
} from "../../db/queries/documents";
import type { Sql } from "../../db/sql";
import type { Logger } from "../logger";
import { buildDoc } from "./stored-doc";

export type CompactResult =
  | { compacted: true; merged: number; bytesBefore: number; bytesAfter: number; ms: number }
  /** `busy`: another process is compacting the plan; `small`: fewer log rows than asked for. */
  | { compacted: false; reason: "busy" | "small"; updates: number };

/**
 * Folds the plan's log into its snapshot, in ONE transaction: take the plan's
 * compaction lock (skip if another process holds it), read the snapshot and
 * every log row from the database (never from this process's memory, so rows
 * other processes wrote are included), apply them to a fresh Y.Doc (which
 * garbage-collects deleted content), write its state as the new snapshot and
 * delete exactly the rows that went into it. Rows committed meanwhile by any
 * process are not visible to the read, so they are neither merged nor
 * deleted, and the next load still applies them.
 *
 * Does nothing if the plan has fewer than `minUpdates` rows.
 */
export async function compactDocument(
  sql: Sql,
  planId: string,
  log: Logger,
  minUpdates = 1,
): Promise<CompactResult> {
  const started = performance.now();
  const count = await countUpdatesSince(sql, planId);
  if (count < Math.max(1, minUpdates)) return { compacted: false, reason: "small", updates: count };
  return sql.begin(async (tx): Promise<CompactResult> => {
    if (!(await tryLockForCompaction(tx, planId)))
      return { compacted: false, reason: "busy", updates: count };
    const stored = await loadDocument(tx, planId);
    if (stored.updates.length === 0) return { compacted: false, reason: "small", updates: 0 };
    const built = buildDoc(stored, planId, log);
    if (built.snapshotFailed) throw new Error(`plan ${planId}: the snapshot is unreadable; not replacing it`);
    const state = Y.encodeStateAsUpdate(built.doc);
    built.doc.destroy();
    const deleted = await writeSnapshotAndPrune(tx, planId, state, built.appliedSeqs);
    if (deleted !== built.appliedSeqs.length) {
      // Someone deleted rows we merged: roll back rather than guess.
      throw new Error(
        `plan ${planId}: compaction merged ${built.appliedSeqs.length} rows but deleted ${deleted}`,
      );
    }
    const result = {
      compacted: true as const,
      merged: deleted,
      bytesBefore: built.bytes,
      bytesAfter: state.byteLength,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    log.info({ planId, ...result }, "compact");
    return result;
  });
}
