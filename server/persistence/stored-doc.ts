import * as Y from "yjs";
import type { StoredDocument } from "../../db/queries/documents";
import type { Logger } from "../logger";

export interface BuiltDoc {
  doc: Y.Doc;
  /** Bytes read from the database: snapshot plus log rows. */
  bytes: number;
  /** The log rows that were applied; a row that failed to apply is not among them. */
  appliedSeqs: bigint[];
  /** The snapshot could not be applied: compaction must not replace it. */
  snapshotFailed: boolean;
}

/**
 * A fresh, garbage-collecting Y.Doc holding the stored document, plus
 * `extra` updates (ones this process holds and has not committed yet). Used
 * by load and by compaction alike.
 *
 * A row that Yjs cannot read is logged and skipped rather than thrown: one
 * corrupt row must not make the whole plan unloadable. Compaction leaves such
 * rows in the log (it only deletes `appliedSeqs`), so nothing is destroyed.
 */
export function buildDoc(
  stored: StoredDocument,
  planId: string,
  log: Logger,
  extra: Uint8Array[] = [],
): BuiltDoc {
  const doc = new Y.Doc({ gc: true });
  let bytes = 0;
  const appliedSeqs: bigint[] = [];
  let snapshotFailed = false;
  // One transaction for everything: no per-update cleanup and observer passes.
  doc.transact(() => {
    if (stored.snapshot) {
      bytes += stored.snapshot.state.byteLength;
      try {
        Y.applyUpdate(doc, stored.snapshot.state);
      } catch (error) {
        snapshotFailed = true;
        log.error(
          { planId, err: error, coversSeq: Number(stored.snapshot.coversSeq) },
          "snapshot unreadable, skipped",
        );
      }
    }
    for (const { seq, update } of stored.updates) {
      bytes += update.byteLength;
      try {
        Y.applyUpdate(doc, update);
        appliedSeqs.push(seq);
      } catch (error) {
        log.error({ planId, err: error, seq: Number(seq) }, "stored update unreadable, skipped");
      }
    }
    for (const update of extra) {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        log.error({ planId, err: error }, "pending update unreadable, skipped");
      }
    }
  });
  return { doc, bytes, appliedSeqs, snapshotFailed };
}
