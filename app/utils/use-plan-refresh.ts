import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ThreadJson } from "../domain/comments";
import { reloadOnReady } from "./live-event-data";
import { useLiveEvents } from "./live-events";

/** Which changes of the current plan make the page read its data again. */
export interface PlanRefreshOn {
  /** The plan's live-change count the page's data was read at (its loader's `liveSeq`). */
  seq: number;
  /** Its sign-off state or versions (the `signoff` live event). */
  signoff?: boolean;
  /** Its actuals (the `actuals` live event). */
  actuals?: boolean;
  /** Thread events that matter to the page (an objection opened or resolved). */
  threadMatters?: (thread: ThreadJson) => boolean;
}

/**
 * Reloads the page's data whenever the current plan changes in a way the
 * page shows (`on`), whenever the event stream comes back after a break
 * (events are not replayed), and when the stream, as it first starts, counts
 * a change the page's data was read before (`on.seq`), so every viewer's
 * sign-off card, versions list, audit log and dashboard stay current.
 */
export function usePlanRefresh(on: PlanRefreshOn): void {
  const live = useLiveEvents();
  const { revalidate } = useRevalidator();
  const latest = useRef({ revalidate, on });
  latest.current = { revalidate, on };
  // The first `ready` after the page opens belongs to the stream opened with
  // it (see reloadOnReady). Kept across re-subscriptions.
  const seenReady = useRef(false);

  useEffect(() => {
    if (!live) return;
    const reload = () => latest.current.revalidate();
    const offSignoff = live.subscribeSignoff(() => {
      if (latest.current.on.signoff) reload();
    });
    const offActuals = live.subscribeActuals(() => {
      if (latest.current.on.actuals) reload();
    });
    const offReady = live.subscribeReady((ready) => {
      const first = !seenReady.current;
      seenReady.current = true;
      if (reloadOnReady(first, ready, latest.current.on.seq)) reload();
    });
    const offThreads = live.subscribeThreads((thread) => {
      if (latest.current.on.threadMatters?.(thread)) reload();
    });
    return () => {
      offSignoff();
      offActuals();
      offReady();
      offThreads();
    };
  }, [live]);
}
