/**
 * Milliseconds since the epoch with sub-millisecond resolution. Every time
 * the bench compares comes from here (or, for commits, from PostgreSQL's
 * wall clock on the same machine), so send and receive times line up.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `done` every `everyMs` until it holds; false if `timeoutMs` passed first. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) return false;
    await sleep(everyMs);
  }
  return true;
}
