import * as Y from "yjs";

/** Yjs does not export the DeleteSet class type; a transaction's and a snapshot's share this shape. */
export type DeleteSet = Y.Snapshot["ds"];

/**
 * Is everything this document holds also in the committed snapshot? The
 * connection badge says "saved" only then, so nobody sees "saved" for a change
 * that Postgres does not have yet. Compares the state vector (inserted
 * content) and the delete set (deletions), the two halves of a Yjs state.
 */
export function isCommitted(doc: Y.Doc, committed: Y.Snapshot): boolean {
  const local = Y.snapshot(doc);
  for (const [client, clock] of local.sv) {
    if ((committed.sv.get(client) ?? 0) < clock) return false;
  }
  return deleteSetCovered(local.ds, committed.ds);
}

/** Does one transaction's work lie within the committed snapshot? */
export function isTransactionCommitted(
  change: { client: number; clockAfter: number; deleteSet: DeleteSet },
  committed: Y.Snapshot,
): boolean {
  if ((committed.sv.get(change.client) ?? 0) < change.clockAfter) return false;
  return deleteSetCovered(change.deleteSet, committed.ds);
}

type Range = { clock: number; len: number };

/** Every deleted range of `inner` lies inside a deleted range of `outer`. */
export function deleteSetCovered(inner: DeleteSet, outer: DeleteSet): boolean {
  for (const [client, ranges] of inner.clients as Map<number, Range[]>) {
    const cover = mergedRanges((outer.clients as Map<number, Range[]>).get(client) ?? []);
    for (const range of ranges) {
      if (range.len === 0) continue;
      if (!cover.some((c) => c.clock <= range.clock && range.clock + range.len <= c.clock + c.len))
        return false;
    }
  }
  return true;
}

/** Sorted ranges with touching or overlapping neighbours joined. */
function mergedRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.clock <= last.clock + last.len) {
      last.len = Math.max(last.len, r.clock + r.len - last.clock);
    } else {
      merged.push({ clock: r.clock, len: r.len });
    }
  }
  return merged;
}

export function encodeCommitted(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

export function decodeCommitted(bytes: Uint8Array): Y.Snapshot {
  return Y.decodeSnapshot(bytes);
}
