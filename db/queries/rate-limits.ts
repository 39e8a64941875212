import type { Db } from "../sql";

/**
 * Counts one hit on `key` in a fixed window and returns the count so far and
 * when the window ends. One statement, so concurrent requests and several
 * server processes count together.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; resetAt: Date }> {
  const [row] = await db<{ hits: number; resetAt: Date }[]>`
    insert into rate_limits as r (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when r.window_start <= now() - make_interval(secs => ${windowSeconds})
                  then 1 else r.hits + 1 end,
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowSeconds})
                          then now() else r.window_start end
    returning hits, window_start + make_interval(secs => ${windowSeconds}) as "resetAt"`;
  return row!;
}

export async function deleteStaleRateLimits(db: Db, olderThanSeconds: number): Promise<void> {
  await db`delete from rate_limits where window_start < now() - make_interval(secs => ${olderThanSeconds})`;
}

/** Takes back one hit: a request that turned out fine should not count against the limit. */
export async function releaseRateLimit(db: Db, key: string): Promise<void> {
  await db`update rate_limits set hits = greatest(hits - 1, 0) where key = ${key}`;
}
