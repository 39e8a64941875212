import { now } from "../clock";

/**
 * A reader of Accord's `/api/events` (server-sent events) on Node's fetch,
 * as a browser's EventSource would read it: each complete event is handed
 * to `onEvent` with the time its last byte was parsed.
 */
export interface EventStreamReader {
  /** Resolves once the stream's `ready` event arrived. */
  ready: Promise<void>;
  close: () => void;
}

export async function readEventStream(
  url: string,
  cookie: string,
  onEvent: (event: { type: string; data: string; at: number }) => void,
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { cookie, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) type = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (!data.length) continue;
          if (type === "ready") markReady();
          onEvent({ type, data: data.join("\n"), at: now() });
        }
      }
    } catch {
      // Closed by the bench.
    }
  })();
  return { ready, close: () => abort.abort() };
}
