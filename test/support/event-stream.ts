import type { TestClient } from "./client";

/**
 * A server-sent events client for tests, on Node's fetch: it reads the
 * response body as it streams and parses it the way a browser's
 * EventSource does (events, `retry:` and `:` comment lines).
 */

export interface SseEvent {
  event: string;
  data: string;
  /** When the event was parsed, `performance.now()`. */
  at: number;
}

export interface EventStream {
  response: Response;
  /** Every event so far, in order. */
  events: SseEvent[];
  /** Comment lines (`: ping`), without the colon. */
  comments: string[];
  retry?: number;
  /** Resolves when the server ends the stream (or it is closed here). */
  ended: Promise<void>;
  isEnded: () => boolean;
  /**
   * The next event after the last one `next` returned that matches, waiting
   * up to `timeoutMs` for it.
   */
  next: (match?: (event: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>;
  /** Aborts the request, as a browser closing the tab. */
  close: () => void;
}

/** Opens `path` (e.g. `/api/events?plan=...`) as `client`; throws unless it answers 200. */
export async function openEventStream(client: TestClient, path: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await client.request(path, {
    signal: abort.signal,
    headers: { accept: "text/event-stream" },
  });
  if (response.status !== 200 || !response.body) {
    const body = await response.text().catch(() => "");
    throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 500)}`);
  }
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let cursor = 0;
  const stream: EventStream = {
    response,
    events,
    comments,
    ended: Promise.resolve(),
    isEnded: () => ended,
    next: (match = () => true, timeoutMs = 5_000) =>
      new Promise<SseEvent>((resolve, reject) => {
        const check = () => {
          for (let i = cursor; i < events.length; i++) {
            if (!match(events[i]!)) continue;
            cursor = i + 1;
            finish();
            resolve(events[i]!);
            return true;
          }
          if (ended) {
            finish();
            reject(new Error(`the stream ended; events: ${JSON.stringify(events.map((e) => e.event))}`));
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          finish();
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; events: ${JSON.stringify(events.map((e) => e.event))}`,
            ),
          );
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      }),
    close: () => abort.abort(),
  };
  stream.ended = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
          parseBlock(block);
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // Aborted here or cut by the server: the stream is over either way.
    } finally {
      ended = true;
      for (const wake of [...waiters]) wake();
    }
  })();

  function parseBlock(block: string): void {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(":")) comments.push(line.slice(1).trim());
      else if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      else if (line.startsWith("retry:")) stream.retry = Number(line.slice(6).trim());
    }
    if (data.length) events.push({ event, data: data.join("\n"), at: performance.now() });
  }

  return stream;
}
