import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { projectPlan } from "../../domain/plan";
import { contentHash } from "../../domain/signoff";

/** How often at most the plan page hashes the document while people type. */
export const LIVE_HASH_INTERVAL_MS = 500;

/**
 * The content hash of the plan as this tab sees it, kept current while
 * anyone edits (at most every LIVE_HASH_INTERVAL_MS, and once more after the
 * last change): the same SHA-256 of the projection the server signs, so the
 * sign-off card can say "changed since submitted" the moment it happens.
 * Null until the document has synced with the server (a copy restored from
 * this browser alone proves nothing), or without a document.
 */
export function useLiveHash(doc: Y.Doc | null, provider: WebsocketProvider | null): string | null {
  const [hash, setHash] = useState<string | null>(null);

  useEffect(() => {
    if (!doc || !provider) {
      setHash(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    let running = false;
    let again = false;

    const compute = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      last = Date.now();
      try {
        const next = await contentHash(projectPlan(doc));
        if (!stopped) setHash(next);
      } finally {
        running = false;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      }
    };
    const schedule = () => {
      if (stopped || !provider.synced || timer !== undefined) return;
      const wait = Math.max(0, last + LIVE_HASH_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        void compute();
      }, wait);
    };
    const onSync = (synced: boolean) => {
      if (synced) schedule();
    };

    doc.on("update", schedule);
    provider.on("sync", onSync);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      doc.off("update", schedule);
      provider.off("sync", onSync);
    };
  }, [doc, provider]);

  return hash;
}
