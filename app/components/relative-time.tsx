import { useEffect, useState } from "react";
import { exactTime, relativeTime } from "./time-format";

/** Relative times tick on while the page stays open. */
const TICK_MS = 30_000;

/**
 * "5 min ago" in a <time> element whose title is the exact time. The server
 * and the browser may disagree by a minute, so the text is allowed to differ
 * on hydration; after that it ticks every half minute.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={exactTime(iso)} className={className} suppressHydrationWarning>
      {relativeTime(iso, now)}
    </time>
  );
}
