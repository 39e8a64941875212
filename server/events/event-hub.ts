import type { LiveEvent } from "../../app/domain/comments";
import { loadThreads } from "../../db/queries/thread-listing";
import { EVENTS_CHANNEL, streamsStillAllowed } from "../../db/queries/live-events";
import { countUnread } from "../../db/queries/notifications";
import type { Sql } from "../../db/sql";
import { listenUntilStopped } from "../listen";
import type { Logger } from "../logger";

/**
 * The live side of comments (DESIGN.md section 4): one per process, it
 * LISTENs once on `accord_events`, which every comment write NOTIFYs inside
 * its transaction, so events cross server processes and are sent only for
 * committed changes. For each notice it loads the changed thread ONCE and
 * fans the same JSON out to every stream open on that plan in this process,
 * and reads the unread counts of the notified users who have a stream here,
 * all of them in one query. A sign-off notice (the plan's workflow or
 * versions changed) goes out as a bare `signoff` event, for pages to re-read.
 *
 * Streams also follow access: when the database announces that a member was
 * removed or a session ended (`accord_access`, migration 0003), that user's
 * streams are checked and ended if they may no longer read; the browser
 * reconnects and is refused. If the LISTEN connection is lost, notices may
 * have been missed: every stream is ended, and clients reload on reconnect.
 */

/** One open event stream, as the hub sees it. */
export interface EventSubscriber {
  readonly userId: string;
  readonly sessionId: string;
  /** Thread events of this plan; null for a stream of inbox events only. */
  readonly planId: string | null;
  /** The plan's workspace: the stream ends when the user leaves it. Null without a plan. */
  readonly workspaceId: string | null;
  /** Sends one event; `data` is its JSON, the same string for every stream. */
  send(type: LiveEvent["type"], data: string): void;
  /** A comment line, so idle connections are not closed by proxies. */
  ping(): void;
  /** Ends the stream from the server's side. */
  end(): void;
}

/** What routes see of the hub (through the load context). */
export interface EventHub {
  /** Starts delivering; the first event the subscriber gets is its unread count. */
  subscribe(subscriber: EventSubscriber): void;
  unsubscribe(subscriber: EventSubscriber): void;
}

export interface EventHubService extends EventHub {
  /** Open streams, for tests and logs. */
  size(): number;
  /** Ends every stream and stops listening. */
  close(): Promise<void>;
}

export interface EventHubOptions {
  /** How often each stream gets a `: ping` (default 20 s). */
  pingIntervalMs?: number;
  /** How often every stream is re-checked against sessions and memberships (default 60 s): expiry sends no NOTIFY. */
  sweepIntervalMs?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

export function createEventHub(sql: Sql, log: Logger, options: EventHubOptions = {}): EventHubService {
  const ids = new Map<EventSubscriber, number>();
  const byPlan = new Map<string, Set<EventSubscriber>>();
  const byUser = new Map<string, Set<EventSubscriber>>();
  let nextId = 1;
  let closed = false;

  const add = (map: Map<string, Set<EventSubscriber>>, key: string, sub: EventSubscriber) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(sub);
  };
  const remove = (map: Map<string, Set<EventSubscriber>>, key: string, sub: EventSubscriber) => {
    const set = map.get(key);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) map.delete(key);
  };
  const endAll = (subs: Iterable<EventSubscriber>) => {
    for (const sub of [...subs]) sub.end();
  };

  /** Changed thread -> its plan. */
  const dirtyThreads = new Map<string, string>();
  const dirtyUsers = new Set<string>();
  const threads = drainLoop(sendThreads, () => !closed && dirtyThreads.size > 0);
  const inbox = drainLoop(sendUnreadCounts, () => !closed && dirtyUsers.size > 0);

  /** Loads the changed threads (one batch, two queries) and sends each to its plan's streams. */
  async function sendThreads(): Promise<void> {
    while (dirtyThreads.size && !closed) {
      const batch = [...dirtyThreads];
      dirtyThreads.clear();
      try {
        for (const thread of await loadThreads(sql, { threadIds: batch.map(([threadId]) => threadId) })) {
          const subs = byPlan.get(thread.planId);
          if (!subs) continue;
          const data = JSON.stringify(thread);
          for (const sub of [...subs]) sub.send("thread", data);
        }
      } catch (error) {
        // The streams would silently miss these changes: end them, clients reload on reconnect.
        log.warn(
          { err: error, threads: batch.length },
          "changed threads could not be loaded; ending their streams",
        );
        endAll(batch.flatMap(([, planId]) => [...(byPlan.get(planId) ?? [])]));
      }
    }
  }

  /** Reads the unread counts of the changed inboxes (one query) and sends each to its user's streams. */
  async function sendUnreadCounts(): Promise<void> {
    while (dirtyUsers.size && !closed) {
      const users = [...dirtyUsers].filter((id) => byUser.has(id));
      dirtyUsers.clear();
      if (users.length === 0) continue;
      try {
        for (const [userId, unread] of await countUnread(sql, users)) {
          const data = JSON.stringify({ unread });
          for (const sub of [...(byUser.get(userId) ?? [])]) sub.send("inbox", data);
        }
      } catch (error) {
        log.warn(
          { err: error, users: users.length },
          "unread counts could not be read; ending those streams",
        );
        endAll(users.flatMap((id) => [...(byUser.get(id) ?? [])]));
      }
    }
  }

  function onNotice(payload: string): void {
    if (closed) return;
    const notice = parse(payload);
    if (!notice) return;
    if (isUuid(notice.planId) && isUuid(notice.threadId) && byPlan.has(notice.planId)) {
      dirtyThreads.set(notice.threadId, notice.planId);
      threads.kick();
    }
    if (isUuid(notice.planId) && notice.signoff === true) {
      // Nothing to load: the pages read the sign-off state themselves.
      const data = JSON.stringify({ planId: notice.planId });
      for (const sub of [...(byPlan.get(notice.planId) ?? [])]) sub.send("signoff", data);
    }
    if (isUuid(notice.planId) && notice.actuals === true) {
      const data = JSON.stringify({ planId: notice.planId });
      for (const sub of [...(byPlan.get(notice.planId) ?? [])]) sub.send("actuals", data);
    }
    if (Array.isArray(notice.userIds)) {
      for (const id of notice.userIds) if (isUuid(id) && byUser.has(id)) dirtyUsers.add(id);
      inbox.kick();
    }
  }

  /** Ends the streams whose session ended or whose user left the plan's workspace; the others get a fresh count. */
  async function recheck(subs: EventSubscriber[]): Promise<void> {
    const live = subs.filter((sub) => ids.has(sub));
    if (live.length === 0) return;
    const allowed = await streamsStillAllowed(
      sql,
      live.map((sub) => ({
        id: ids.get(sub)!,
        sessionId: sub.sessionId,
        userId: sub.userId,
        workspaceId: sub.workspaceId,
      })),
    );
    for (const sub of live) {
      if (allowed.has(ids.get(sub)!)) {
        dirtyUsers.add(sub.userId);
      } else {
        log.info({ userId: sub.userId, planId: sub.planId }, "event stream ended: access revoked");
        sub.end();
      }
    }
    inbox.kick();
  }
  const onRecheckError = (error: unknown) =>
    log.warn({ err: error }, "event stream access re-check failed; the next sweep retries");

  const listeners = [
    listenUntilStopped(
      sql,
      EVENTS_CHANNEL,
      onNotice,
      // (Re)connected: notices sent while the connection was down are lost.
      () => {
        if (ids.size) log.info({ streams: ids.size }, "event notices may have been missed; ending streams");
        endAll(ids.keys());
      },
      log,
    ),
    listenUntilStopped(
      sql,
      "accord_access",
      (payload) => {
        if (closed) return;
        const change = parse(payload);
        if (!change || !isUuid(change.userId)) return;
        const subs = [...(byUser.get(change.userId) ?? [])].filter(
          (sub) => !change.sessionId || sub.sessionId === change.sessionId,
        );
        recheck(subs).catch(onRecheckError);
      },
      () => void recheck([...ids.keys()]).catch(onRecheckError),
      log,
    ),
  ];

  const pinger = setInterval(() => {
    for (const sub of [...ids.keys()]) sub.ping();
  }, options.pingIntervalMs ?? 20_000);
  pinger.unref();
  const sweeper = setInterval(
    () => void recheck([...ids.keys()]).catch(onRecheckError),
    options.sweepIntervalMs ?? 60_000,
  );
  sweeper.unref();

  return {
    subscribe(sub) {
      if (closed) {
        sub.end();
        return;
      }
      ids.set(sub, nextId++);
      add(byUser, sub.userId, sub);
      if (sub.planId) add(byPlan, sub.planId, sub);
      dirtyUsers.add(sub.userId);
      inbox.kick();
    },
    unsubscribe(sub) {
      if (!ids.delete(sub)) return;
      remove(byUser, sub.userId, sub);
      if (sub.planId) remove(byPlan, sub.planId, sub);
    },
    size: () => ids.size,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(pinger);
      clearInterval(sweeper);
      endAll(ids.keys());
      await Promise.allSettled([...listeners.map((l) => l.stop()), threads.running(), inbox.running()]);
    },
  };
}

/**
 * Changed threads and inboxes are queued and drained by one loop each: a
 * burst of notices becomes a few batched loads, and events of one thread or
 * one inbox go out in the order the database changed. `kick()` starts the
 * loop when there is work and it is not running; it looks again as it ends.
 */
function drainLoop(
  drain: () => Promise<void>,
  hasWork: () => boolean,
): { kick: () => void; running: () => Promise<void> | undefined } {
  let running: Promise<void> | undefined;
  const kick = () => {
    if (running || !hasWork()) return;
    running = drain().finally(() => {
      running = undefined;
      kick();
    });
  };
  return { kick, running: () => running };
}

function parse(payload: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
