/**
 * What the collaboration server and its clients agree on besides the
 * y-websocket protocol itself: websocket close codes and limits.
 */

/** Close codes of /collab sockets. 1008/1009 are the standard ones; 4xxx are ours. */
export const CLOSE = {
  /** A malformed, truncated or unknown message: this socket only is closed. */
  policyViolation: 1008,
  /** A frame over MAX_MESSAGE_BYTES. */
  tooLarge: 1009,
  /** The server is shutting down; clients reconnect to another process. */
  goingAway: 1001,
  /** An internal error (e.g. the room was reset); clients reconnect. */
  internalError: 1011,
  /**
   * The session ended (logout, expiry) or the member was removed. In the
   * 4400–4499 range, which the stock WebsocketProvider treats as final: it
   * stops reconnecting and emits `connection-close`.
   */
  unauthorized: 4401,
  /**
   * The member's rights changed (role lowered or raised, plan locked or
   * reopened): reconnect to get the new ones. Deliberately outside 4400–4499,
   * so the stock provider reconnects by itself.
   */
  accessChanged: 4100,
} as const;

/** Largest websocket frame the server accepts, unless COLLAB_MAX_MESSAGE_BYTES says otherwise. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Lifetime of a `?token=` for non-browser clients. */
export const COLLAB_TOKEN_SECONDS = 60;

/** The websocket path of a plan's document. */
export function collabPath(planId: string): string {
  return `/collab/${planId}`;
}

/**
 * A message type beyond y-websocket's four: "this is what is committed to
 * Postgres now", an encoded `Y.Snapshot` (state vector + delete set). The
 * stock WebsocketProvider ignores unknown types only with a console error, so
 * the server sends it only to sockets that ask with `?committed=1`, and only
 * after that socket's own changes were committed.
 */
export const MESSAGE_COMMITTED = 100;

/** The query parameter a client adds to its websocket URL to receive MESSAGE_COMMITTED. */
export const COMMITTED_PARAM = "committed";
