import * as Y from "yjs";
import type { Sql } from "../../db/sql";

/**
 * When each doc_updates row committed, read from PostgreSQL itself: the
 * bench's database runs with track_commit_timestamp, and a trigger (bench
 * only, installed for the commit scenario and removed after) copies each new
 * row into an UNLOGGED side table, so compaction deleting the original does
 * not lose it. The copy shares the row's transaction, so
 * pg_xact_commit_timestamp(xmin) of the copy is the commit time of the row
 * (taken as the commit record is written, just before the WAL flush), and it
 * notes statement_timestamp(): when Accord's INSERT reached the database.
 */
export interface CapturedRow {
  update: Uint8Array;
  /** When the INSERT statement started, ms since the epoch. */
  statementAt: number;
  committedAt: number;
}

export interface CommitCapture {
  rows: (planId: string) => Promise<CapturedRow[]>;
  remove: () => Promise<void>;
}

export async function installCommitCapture(sql: Sql): Promise<CommitCapture> {
  await sql.unsafe(`
    create unlogged table if not exists bench_commit_copy (
      plan_id uuid not null, update bytea not null, statement_at timestamptz not null
    );
    create or replace function bench_copy_update() returns trigger language plpgsql as $$
    begin
      insert into bench_commit_copy (plan_id, update, statement_at) values (new.plan_id, new.update, statement_timestamp());
      return null;
    end $$;
    drop trigger if exists bench_copy_update on doc_updates;
    create trigger bench_copy_update after insert on doc_updates for each row execute function bench_copy_update();
  `);
  return {
    rows: async (planId) => {
      const rows = await sql<CapturedRow[]>`
        select update,
               (extract(epoch from statement_at) * 1000)::float8 as "statementAt",
               (extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000)::float8 as "committedAt"
        from bench_commit_copy where plan_id = ${planId}`;
      return rows.map((row) => ({
        update: row.update,
        statementAt: row.statementAt,
        committedAt: row.committedAt,
      }));
    },
    remove: async () => {
      await sql.unsafe(`
        drop trigger if exists bench_copy_update on doc_updates;
        drop function if exists bench_copy_update();
        drop table if exists bench_commit_copy;
      `);
    },
  };
}

/**
 * For every edit of the given writers (edit i of a writer is its Yjs clock
 * i), the first committed row holding it: edit sent → that row's INSERT
 * reached PostgreSQL (`toStatementMs`: the trip to Accord, its batching and
 * group-commit queue) and → its commit (`toCommitMs`). Edits no committed row
 * holds are counted as missing.
 */
export function sentToCommit(
  rows: CapturedRow[],
  writers: Array<{ clientId: number; sentAt: number[] }>,
): { toCommitMs: number[]; toStatementMs: number[]; missing: number } {
  const first = new Map(
    writers.map((w) => [w.clientId, new Array<CapturedRow | undefined>(w.sentAt.length)]),
  );
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row.update).structs) {
      if (struct instanceof Y.Skip) continue;
      const holders = first.get(struct.id.client);
      if (!holders) continue;
      const end = Math.min(holders.length, struct.id.clock + struct.length);
      for (let clock = struct.id.clock; clock < end; clock++) {
        const held = holders[clock];
        if (!held || row.committedAt < held.committedAt) holders[clock] = row;
      }
    }
  }
  const toCommitMs: number[] = [];
  const toStatementMs: number[] = [];
  let missing = 0;
  for (const writer of writers) {
    const holders = first.get(writer.clientId)!;
    writer.sentAt.forEach((sentAt, clock) => {
      const row = holders[clock];
      if (!row || !Number.isFinite(row.committedAt) || !Number.isFinite(sentAt)) return void missing++;
      toCommitMs.push(row.committedAt - sentAt);
      toStatementMs.push(row.statementAt - sentAt);
    });
  }
  return { toCommitMs, toStatementMs, missing };
}

/** Line prefix of the commit log the server prints under ACCORD_BENCH_COMMIT_LOG=1 (see bench/README.md). */
export const COMMIT_LOG_PREFIX = "accord-bench-commit ";

/** One group commit as the server reports it: receipt time of each update it covers, and its commit time. */
export interface CommitLogLine {
  planId: string;
  receivedAt: number[];
  committedAt: number;
}

export function parseCommitLogLine(line: string): CommitLogLine | undefined {
  const at = line.indexOf(COMMIT_LOG_PREFIX);
  if (at < 0) return undefined;
  try {
    const value = JSON.parse(line.slice(at + COMMIT_LOG_PREFIX.length)) as Partial<CommitLogLine>;
    if (typeof value.planId !== "string" || typeof value.committedAt !== "number") return undefined;
    const receivedAt = Array.isArray(value.receivedAt)
      ? value.receivedAt.filter((t) => typeof t === "number")
      : [];
    return { planId: value.planId, receivedAt, committedAt: value.committedAt };
  } catch {
    return undefined;
  }
}
