import { useMatches } from "@remix-run/react";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ThreadJson } from "../domain/comments";
import {
  eventsUrl,
  parseInboxEvent,
  parsePlanEvent,
  parseReadyEvent,
  parseThreadEvent,
  planIdOf,
  type ReadyInfo,
} from "./live-event-data";

/**
 * The one event stream of a tab (GET /api/events, server-sent events): the
 * unread count of the inbox for the navigation, and, on a plan page, every
 * change of that plan's threads and of its sign-off. One EventSource serves every consumer; a
 * consumer that keeps a list refetches it on each `ready`, because events
 * sent while the stream was down are not replayed.
 */

type Listener<T> = (value: T) => void;

export interface LiveEventsValue {
  /** Unread notifications of this member, live. */
  unread: number;
  /** Sets the count at once after this tab changed it; the stream confirms it. */
  setUnread: (unread: number) => void;
  /** Whether the stream is open now. */
  connected: boolean;
  /** Every changed thread of the current plan; returns the unsubscribe. */
  subscribeThreads: (listener: Listener<ThreadJson>) => () => void;
  /** Each time the current plan's sign-off state or versions changed (re-read them); returns the unsubscribe. */
  subscribeSignoff: (listener: Listener<string>) => () => void;
  /** Each time the current plan's actuals changed (re-read the figures); returns the unsubscribe. */
  subscribeActuals: (listener: Listener<string>) => () => void;
  /** Each time the stream is (re)established, with what `ready` said; returns the unsubscribe. */
  subscribeReady: (listener: Listener<ReadyInfo>) => () => void;
}

const LiveEventsContext = createContext<LiveEventsValue | null>(null);

/** The live stream; null outside the signed-in layout. */
export function useLiveEvents(): LiveEventsValue | null {
  return useContext(LiveEventsContext);
}

/** Retry delays after the browser gave up on the stream (a 401 or a 5xx): 2 s doubling to a minute. */
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

/** The plan of the current route, from the deepest match that has one. */
function useCurrentPlanId(): string | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const id = planIdOf(matches[i]!.params);
    if (id) return id;
  }
  return null;
}

export function LiveEventsProvider({
  initialUnread,
  children,
}: {
  initialUnread: number;
  children: ReactNode;
}) {
  const planId = useCurrentPlanId();
  const [unread, setUnread] = useState(initialUnread);
  const [connected, setConnected] = useState(false);
  const threadListeners = useRef(new Set<Listener<ThreadJson>>());
  const signoffListeners = useRef(new Set<Listener<string>>());
  const actualsListeners = useRef(new Set<Listener<string>>());
  const readyListeners = useRef(new Set<Listener<ReadyInfo>>());

  // A fresher count from the server (the layout loader ran again) wins.
  useEffect(() => setUnread(initialUnread), [initialUnread]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let stopped = false;

    const open = () => {
      source = new EventSource(eventsUrl(planId));
      source.addEventListener("inbox", (event) => {
        const count = parseInboxEvent((event as MessageEvent<string>).data);
        if (count !== null) setUnread(count);
      });
      source.addEventListener("thread", (event) => {
        const thread = parseThreadEvent((event as MessageEvent<string>).data, planId);
        if (thread) for (const listener of [...threadListeners.current]) listener(thread);
      });
      source.addEventListener("signoff", (event) => {
        const plan = parsePlanEvent((event as MessageEvent<string>).data, planId);
        if (plan) for (const listener of [...signoffListeners.current]) listener(plan);
      });
      source.addEventListener("actuals", (event) => {
        const plan = parsePlanEvent((event as MessageEvent<string>).data, planId);
        if (plan) for (const listener of [...actualsListeners.current]) listener(plan);
      });
      source.addEventListener("ready", (event) => {
        delay = FIRST_RETRY_MS;
        setConnected(true);
        const ready = parseReadyEvent((event as MessageEvent<string>).data);
        for (const listener of [...readyListeners.current]) listener(ready);
      });
      source.onerror = () => {
        setConnected(false);
        // CONNECTING: the browser retries by itself. CLOSED: it gave up, so we retry, more slowly each time.
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source = null;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, LAST_RETRY_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [planId]);

  const value = useMemo<LiveEventsValue>(
    () => ({
      unread,
      setUnread,
      connected,
      subscribeThreads(listener) {
        threadListeners.current.add(listener);
        return () => threadListeners.current.delete(listener);
      },
      subscribeSignoff(listener) {
        signoffListeners.current.add(listener);
        return () => signoffListeners.current.delete(listener);
      },
      subscribeActuals(listener) {
        actualsListeners.current.add(listener);
        return () => actualsListeners.current.delete(listener);
      },
      subscribeReady(listener) {
        readyListeners.current.add(listener);
        return () => readyListeners.current.delete(listener);
      },
    }),
    [unread, connected],
  );
  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}
