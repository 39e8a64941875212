import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ThreadJson } from "../domain/comments";
import { useLiveEvents } from "./live-events";

/**
 * Reloads the page's data whenever the current plan's sign-off or versions
 * change (the `signoff` live event), whenever the event stream comes back
 * after a break (events are not replayed), and for the thread events
 * `threadMatters` picks (an objection opened or resolved), so every
 * viewer's sign-off card, versions list and audit log stay current.
 */
export function useSignoffRefresh(threadMatters?: (thread: ThreadJson) => boolean): void {
  const live = useLiveEvents();
  const { revalidate } = useRevalidator();
  const latest = useRef({ revalidate, threadMatters });
  latest.current = { revalidate, threadMatters };
  // The first `ready` after the page opens belongs to the stream opened with
  // it, and the page's data is as fresh as that: only later ones (a stream
  // back after a break) reload. Kept across re-subscriptions.
  const seenReady = useRef(false);

  useEffect(() => {
    if (!live) return;
    const offSignoff = live.subscribeSignoff(() => latest.current.revalidate());
    const offReady = live.subscribeReady(() => {
      if (seenReady.current) latest.current.revalidate();
      seenReady.current = true;
    });
    const offThreads = live.subscribeThreads((thread) => {
      if (latest.current.threadMatters?.(thread)) latest.current.revalidate();
    });
    return () => {
      offSignoff();
      offReady();
      offThreads();
    };
  }, [live]);
}
