import type { ThreadJson } from "../domain/comments";

/**
 * What the event stream (GET /api/events) sends, read defensively: a frame
 * that is not what it should be is ignored rather than trusted, so a proxy's
 * error page or a half-written frame can never break the page.
 */

/** The unread count of an `inbox` event, or null. */
export function parseInboxEvent(data: string): number | null {
  const value = parseJson(data);
  if (!isRecord(value)) return null;
  const unread = value.unread;
  return typeof unread === "number" && Number.isInteger(unread) && unread >= 0 ? unread : null;
}

/** The thread of a `thread` event when it belongs to `planId`, or null. */
export function parseThreadEvent(data: string, planId: string | null): ThreadJson | null {
  const value = parseJson(data);
  if (!isRecord(value)) return null;
  if (typeof value.id !== "string" || typeof value.planId !== "string") return null;
  if (planId !== null && value.planId !== planId) return null;
  if (!isRecord(value.anchor) || !Array.isArray(value.comments)) return null;
  if (value.status !== "open" && value.status !== "resolved") return null;
  return value as unknown as ThreadJson;
}

/** The plan of a `signoff` or `actuals` event (its sign-off state, versions or actuals changed) when it is `planId`, or null. */
export function parsePlanEvent(data: string, planId: string | null): string | null {
  const value = parseJson(data);
  if (!isRecord(value) || typeof value.planId !== "string") return null;
  return planId !== null && value.planId !== planId ? null : value.planId;
}

/** What a `ready` event says: for a plan's stream, the plan's live-change count as the stream started. */
export interface ReadyInfo {
  planSeq: number | null;
}

export function parseReadyEvent(data: string): ReadyInfo {
  const value = parseJson(data);
  const seq = isRecord(value) ? value.planSeq : undefined;
  return { planSeq: typeof seq === "number" && Number.isSafeInteger(seq) && seq >= 0 ? seq : null };
}

/**
 * Whether a page that shows the plan as of change `shownSeq` reads its data
 * again on a `ready`. A later `ready` is a stream back after a break (events
 * are not replayed): always. The first follows the page's own load: only
 * when a change came between the load and the stream (the stream's count is
 * higher), or when the stream's count is unknown.
 */
export function reloadOnReady(first: boolean, ready: ReadyInfo, shownSeq: number): boolean {
  if (!first || ready.planSeq === null) return true;
  return ready.planSeq > shownSeq;
}

/** The stream's address: inbox events only, or with the thread events of one plan. */
export function eventsUrl(planId: string | null): string {
  return planId ? `/api/events?plan=${encodeURIComponent(planId)}` : "/api/events";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan id in route params, when it is one (a mistyped URL gets no plan stream). */
export function planIdOf(params: Readonly<Record<string, string | undefined>>): string | null {
  const id = params.planId;
  return id && UUID.test(id) ? id.toLowerCase() : null;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
