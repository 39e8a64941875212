import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { AuditEntryJson } from "../domain/audit";

interface AuditPage {
  entries: AuditEntryJson[];
  next: string | null;
}

/**
 * "Load older" for an audit log page: the route's own loader is asked for
 * the entries before the last one shown (`?before=`, same filter), and they
 * are added below. A new first page (another filter, a live reload) starts
 * over. `olderHref` is the same request as a link, for no JavaScript.
 */
export function useAuditPages(first: AuditPage) {
  const location = useLocation();
  const fetcher = useFetcher<AuditPage>();
  const [older, setOlder] = useState<AuditPage[]>([]);

  useEffect(() => setOlder([]), [first]);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const page = fetcher.data;
    setOlder((pages) => (pages.includes(page) ? pages : [...pages, page]));
  }, [fetcher.state, fetcher.data]);

  const pages = [first, ...older];
  const next = pages[pages.length - 1]!.next;
  const params = new URLSearchParams(location.search);
  if (next) params.set("before", next);
  const olderHref = next ? `${location.pathname}?${params.toString()}` : null;
  return {
    entries: pages.flatMap((p) => p.entries),
    olderHref,
    loading: fetcher.state !== "idle",
    loadOlder: () => {
      if (olderHref && fetcher.state === "idle") fetcher.load(olderHref);
    },
  };
}
