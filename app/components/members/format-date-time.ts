/** A fixed, time-zone-explicit rendering, the same on the server and in the browser. */
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/**
 * "3 Mar 2027, 14:05 UTC". Invite expiry and creation times are shown in UTC
 * so that the server-rendered HTML and the hydrated page never disagree.
 */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}
