import * as Y from "yjs";
import { appendUpdates } from "../../db/queries/documents";
import type { Sql } from "../../db/sql";
import type { Logger } from "../logger";

export interface GroupCommitOptions {
  /** How long the first update of a batch waits for others before it is written. */
  commitIntervalMs: number;
  /**
   * A write with no answer by then is given up and retried. Its statement may
   * still commit later; the row is then written twice, which Yjs shrugs off.
   * Without it a write stuck on a dead connection (failover, network
   * partition) would hold the plan's queue for the ~15 minutes TCP needs.
   */
  commitTimeoutMs: number;
  /** Retry delays after failed writes: retryMinMs, doubling, capped at retryMaxMs. */
  retryMinMs: number;
  retryMaxMs: number;
  /** Commits slower than this log at info instead of debug. */
  slowCommitMs: number;
}

/** What one successful write committed. */
export interface Commit {
  /** store() calls it covers. */
  updates: number;
  /** Rows written (1 unless the updates could not be merged). */
  seqs: bigint[];
  bytes: number;
  ms: number;
}

/** One plan's queue; it exists only while the plan has work (see #forgetIfIdle). */
interface Queue {
  /** Waiting for the next write; after a failed write, its merged batch comes first. */
  pending: Uint8Array[];
  /** What the write in flight carries. */
  inFlight: Uint8Array[];
  /** store() calls since the queue was made, and how many of them are committed. */
  stored: number;
  committed: number;
  writing: boolean;
  /** The batching delay, or the retry delay while `failures` > 0. */
  timer: NodeJS.Timeout | undefined;
  /** Consecutive failed writes. */
  failures: number;
  failingSince: number;
  waiters: Array<{ upTo: number; resolve: () => void }>;
}

/**
 * Per-plan group commit: updates queue in memory, and ONE writer per plan
 * merges whatever has queued (Y.mergeUpdates) into one row and inserts it.
 * The first update of a batch waits `commitIntervalMs`; updates arriving while
 * a write is in flight go out as soon as it returns. A failed write keeps its
 * merged batch at the head of the queue and retries with capped exponential
 * backoff until the database takes it: nothing is thrown and nothing dropped,
 * except rows the database refuses as such (the plan was deleted).
 */
export class GroupCommit {
  readonly #queues = new Map<string, Queue>();

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
    private readonly options: GroupCommitOptions,
    private readonly onCommitted: (planId: string, commit: Commit) => void,
  ) {}

  store(planId: string, update: Uint8Array): void {
    const q = this.#queue(planId);
    q.pending.push(update);
    q.stored++;
    if (!q.writing && !q.timer) {
      q.timer = setTimeout(() => void this.#write(planId, q), this.options.commitIntervalMs);
    }
  }

  pendingCount(planId: string): number {
    const q = this.#queues.get(planId);
    return q ? q.stored - q.committed : 0;
  }

  /** Everything stored for the plan that is not known to be committed. */
  uncommitted(planId: string): Uint8Array[] {
    const q = this.#queues.get(planId);
    return q ? [...q.inFlight, ...q.pending] : [];
  }

  /** Resolves once every update stored so far for the plan is committed; writes at once if idle. */
  flush(planId: string): Promise<void> {
    const q = this.#queues.get(planId);
    if (!q || q.committed === q.stored) return Promise.resolve();
    return new Promise((resolve) => {
      q.waiters.push({ upTo: q.stored, resolve });
      // Skip the batching delay, but never a retry delay.
      if (q.writing || q.failures > 0) return;
      clearTimeout(q.timer);
      void this.#write(planId, q);
    });
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.#queues.keys()].map((planId) => this.flush(planId)));
  }

  #queue(planId: string): Queue {
    let q = this.#queues.get(planId);
    if (!q) {
      q = {
        pending: [],
        inFlight: [],
        stored: 0,
        committed: 0,
        writing: false,
        timer: undefined,
        failures: 0,
        failingSince: 0,
        waiters: [],
      };
      this.#queues.set(planId, q);
    }
    return q;
  }

  async #write(planId: string, q: Queue): Promise<void> {
    q.timer = undefined;
    if (q.writing || q.pending.length === 0) return;
    q.writing = true;
    const upTo = q.stored;
    const rows = this.#merge(planId, q.pending);
    q.pending = [];
    q.inFlight = rows;
    const bytes = rows.reduce((sum, row) => sum + row.byteLength, 0);
    const started = performance.now();
    try {
      const seqs = await withTimeout(appendUpdates(this.sql, planId, rows), this.options.commitTimeoutMs);
      const commit = { updates: upTo - q.committed, seqs, bytes, ms: performance.now() - started };
      this.#committed(planId, q, upTo, commit);
    } catch (error) {
      if (isRefused(error)) this.#dropped(planId, q, upTo, error);
      else this.#failed(planId, q, rows, error);
    } finally {
      q.inFlight = [];
      q.writing = false;
    }
    // Whatever queued during the write has waited long enough: go on at once.
    if (q.pending.length > 0 && !q.timer) void this.#write(planId, q);
    else this.#forgetIfIdle(planId, q);
  }

  /** The batch as rows: one merged update, or each as it came if Yjs cannot merge them. */
  #merge(planId: string, batch: Uint8Array[]): Uint8Array[] {
    if (batch.length === 1) return batch;
    try {
      return [Y.mergeUpdates(batch)];
    } catch (error) {
      this.log.error(
        { planId, err: error, updates: batch.length },
        "updates could not be merged; writing one row each",
      );
      return batch;
    }
  }

  #committed(planId: string, q: Queue, upTo: number, commit: Commit): void {
    q.committed = upTo;
    if (q.failures > 0) {
      const outageMs = Date.now() - q.failingSince;
      this.log.info(
        { planId, attempts: q.failures + 1, outageMs, updates: commit.updates },
        "commit recovered",
      );
      q.failures = 0;
    }
    const line = {
      planId,
      updates: commit.updates,
      rows: commit.seqs.length,
      bytes: commit.bytes,
      ms: round(commit.ms),
    };
    if (commit.ms >= this.options.slowCommitMs) this.log.info(line, "commit slow");
    else this.log.debug(line, "commit");
    this.#resolveWaiters(q);
    try {
      this.onCommitted(planId, commit);
    } catch (error) {
      this.log.error({ planId, err: error }, "commit listener failed");
    }
  }

  #failed(planId: string, q: Queue, rows: Uint8Array[], error: unknown): void {
    q.pending.unshift(...rows);
    q.failures++;
    const pending = q.stored - q.committed;
    if (q.failures === 1) {
      q.failingSince = Date.now();
      this.log.warn({ planId, err: error, pending }, "commit failed, retrying");
    } else {
      this.log.debug({ planId, attempt: q.failures, pending, err: error }, "commit retry failed");
    }
    q.timer = setTimeout(() => void this.#write(planId, q), this.#backoff(q.failures));
  }

  /** The database refused the rows themselves (the plan is gone): retrying cannot help. */
  #dropped(planId: string, q: Queue, upTo: number, error: unknown): void {
    this.log.error(
      { planId, err: error, updates: upTo - q.committed },
      "commit refused by the database; updates dropped",
    );
    q.committed = upTo;
    q.failures = 0;
    this.#resolveWaiters(q);
  }

  #resolveWaiters(q: Queue): void {
    const ready = q.waiters.filter((w) => w.upTo <= q.committed);
    q.waiters = q.waiters.filter((w) => w.upTo > q.committed);
    for (const waiter of ready) waiter.resolve();
  }

  /** Full jitter over capped exponential growth, so recovering plans do not all retry at once. */
  #backoff(failures: number): number {
    const { retryMinMs, retryMaxMs } = this.options;
    const ceiling = Math.min(retryMaxMs, retryMinMs * 2 ** Math.min(failures - 1, 30));
    return Math.max(retryMinMs, ceiling * (0.5 + Math.random() / 2));
  }

  #forgetIfIdle(planId: string, q: Queue): void {
    if (q.writing || q.timer || q.pending.length > 0 || q.waiters.length > 0) return;
    if (this.#queues.get(planId) === q) this.#queues.delete(planId);
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity, e.g. the plan was deleted). */
function isRefused(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^2[23][0-9A-Z]{3}$/.test(code);
}

class CommitTimeoutError extends Error {
  readonly code = "COMMIT_TIMEOUT";
}

/** `promise`, or a CommitTimeoutError after `ms`; a late settlement is ignored (and handled). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new CommitTimeoutError(`no answer from the database in ${ms} ms`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;
