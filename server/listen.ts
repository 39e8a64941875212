import type { Sql } from "../db/sql";
import type { Logger } from "./logger";

/**
 * LISTEN on a channel, retrying in the background until it works: a server
 * starts (and answers /healthz with 503) while PostgreSQL is away. Once
 * listening, postgres.js re-listens by itself after a reconnect and calls
 * `onListen` again, so a caller can catch up on what it may have missed.
 */
export function listenUntilStopped(
  sql: Sql,
  channel: string,
  onNotify: (payload: string) => void,
  onListen: () => void,
  log: Logger,
): { stop: () => Promise<void> } {
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let listening: { unlisten: () => Promise<void> } | undefined;
  const attempt = (delayMs: number) => {
    sql.listen(channel, onNotify, onListen).then(
      async (listener) => {
        if (stopped) await listener.unlisten();
        else listening = listener;
      },
      (error: unknown) => {
        if (stopped) return;
        log.warn({ err: error, channel }, "cannot listen for notifications yet; retrying");
        retry = setTimeout(() => attempt(Math.min(delayMs * 2, 5_000)), delayMs);
        retry.unref();
      },
    );
  };
  attempt(250);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await listening?.unlisten();
    },
  };
}
