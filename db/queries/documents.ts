import type { Db, Tx } from "../sql";

/** One row of a plan's update log. */
export interface StoredUpdate {
  seq: bigint;
  update: Uint8Array;
}

/** What is stored of a plan's document: its snapshot, if any, and the log rows it does not hold. */
export interface StoredDocument {
  snapshot?: { state: Uint8Array; coversSeq: bigint };
  /** Every row still in the log, by seq. */
  updates: StoredUpdate[];
}

/** Two-key advisory locks live apart from one-key ones (db/migrate.ts uses a one-key lock). */
const COMPACTION_LOCK_CLASS = 727_002;

/**
 * A bigint[] parameter as one text literal (`{1,2,3}`) cast in SQL: the pool
 * fetches no type metadata (db/sql.ts), so postgres.js cannot serialize typed
 * array parameters, and a list of separate parameters would hit the protocol's
 * limit of 65,535 on a long log.
 */
const bigintArray = (values: bigint[]) => `{${values.join(",")}}`;

/** Appends one update to the plan's log in one statement; returns its seq. */
export async function appendUpdate(db: Db, planId: string, update: Uint8Array): Promise<bigint> {
  const [row] = await db<{ seq: bigint }[]>`
    insert into doc_updates (plan_id, update) values (${planId}, ${update})
    returning seq`;
  return row!.seq;
}

/** Appends several updates as separate rows, still in one statement; returns their seqs. */
export async function appendUpdates(db: Db, planId: string, updates: Uint8Array[]): Promise<bigint[]> {
  if (updates.length === 0) return [];
  if (updates.length === 1) return [await appendUpdate(db, planId, updates[0]!)];
  // Multi-row VALUES: identity values are handed out in the order of the rows.
  const rows = await db<{ seq: bigint }[]>`
    insert into doc_updates ${db(updates.map((update) => ({ plan_id: planId, update })))}
    returning seq`;
  return rows.map((row) => row.seq);
}

/**
 * The plan's snapshot and every log row, read by ONE statement so that a
 * compaction committing meanwhile cannot make us see the old snapshot
 * without the rows it deleted. Rows are not filtered by `covers_seq`: a row
 * still in the log was not merged (see 0002_documents.sql).
 */
export async function loadDocument(db: Db, planId: string): Promise<StoredDocument> {
  const rows = await db<{ kind: "s" | "u"; seq: bigint; data: Uint8Array }[]>`
    select 's' as kind, covers_seq as seq, state as data from doc_snapshots where plan_id = ${planId}
    union all
    select 'u', seq, update from doc_updates where plan_id = ${planId}
    order by kind, seq`;
  const stored: StoredDocument = { updates: [] };
  for (const row of rows) {
    if (row.kind === "s") stored.snapshot = { state: row.data, coversSeq: row.seq };
    else stored.updates.push({ seq: row.seq, update: row.data });
  }
  return stored;
}

/** How many log rows the plan has with a seq above `afterSeq` (all of them by default). */
export async function countUpdatesSince(db: Db, planId: string, afterSeq = 0n): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from doc_updates where plan_id = ${planId} and seq > ${afterSeq.toString()}::bigint`;
  return row!.n;
}

/**
 * Takes the plan's compaction lock until `tx` ends, if nobody holds it:
 * false means another process is compacting this plan right now.
 */
export async function tryLockForCompaction(tx: Tx, planId: string): Promise<boolean> {
  const [row] = await tx<{ locked: boolean }[]>`
    select pg_try_advisory_xact_lock(${COMPACTION_LOCK_CLASS}, hashtext(${planId})) as locked`;
  return row!.locked;
}

/**
 * Replaces the plan's snapshot with `state` and deletes exactly the log rows
 * `mergedSeqs` that went into it, in one statement (so atomically, inside or
 * outside a transaction). Returns how many rows were deleted: fewer than
 * `mergedSeqs.length` means someone else deleted some, and the caller should
 * roll back. `covers_seq` only ever grows.
 */
export async function writeSnapshotAndPrune(
  tx: Tx,
  planId: string,
  state: Uint8Array,
  mergedSeqs: bigint[],
): Promise<number> {
  const coversSeq = mergedSeqs.reduce((max, seq) => (seq > max ? seq : max), 0n);
  const [row] = await tx<{ deleted: number }[]>`
    with pruned as (
      delete from doc_updates where plan_id = ${planId} and seq = any(${bigintArray(mergedSeqs)}::bigint[])
      returning 1
    ), snapshot as (
      insert into doc_snapshots as s (plan_id, state, covers_seq) values (${planId}, ${state}, ${coversSeq.toString()}::bigint)
      on conflict (plan_id) do update
        set state = excluded.state,
            covers_seq = greatest(s.covers_seq, excluded.covers_seq),
            updated_at = now()
      returning 1
    )
    select (select count(*)::int from pruned) as deleted, (select count(*)::int from snapshot) as written`;
  return row!.deleted;
}
