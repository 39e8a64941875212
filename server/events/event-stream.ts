import type { LiveEvent } from "../../app/domain/comments";
import type { EventHub, EventSubscriber } from "./event-hub";

/** How long a browser waits before reconnecting a dropped stream. */
export const RECONNECT_MS = 3_000;

/**
 * A server-sent event stream (text/event-stream) for one member, fed by the
 * event hub. Its first event is `inbox` (the unread count), then `ready`:
 * from then on the client has every change, so that is when it (re)loads
 * its lists. `ready` carries `readyData()` (for a plan's stream, the
 * plan's live-change count, read once the hub delivers to this stream, so
 * every change is either counted in it or sent as an event after it).
 * Events that arrive before `ready` wait for it. The
 * stream ends when the request is aborted (the tab closed), when the hub
 * ends it (access revoked, server closing), or when the body is cancelled.
 */
export function eventStreamResponse(
  hub: EventHub,
  owner: Pick<EventSubscriber, "userId" | "sessionId" | "planId" | "workspaceId">,
  signal: AbortSignal,
  readyData: () => Promise<object> = async () => ({}),
): Response {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  let ready = false;
  let inboxSent = false;
  let readyFrame: string | null = null;
  const early: string[] = [];

  const write = (text: string) => {
    if (ended || !controller) return;
    controller.enqueue(encoder.encode(text));
  };
  const frame = (type: string, data: string) => `event: ${type}\ndata: ${data}\n\n`;

  const subscriber: EventSubscriber = {
    ...owner,
    send(type: LiveEvent["type"], data: string) {
      if (ready) return write(frame(type, data));
      if (type !== "inbox") return void early.push(frame(type, data));
      write(frame(type, data));
      inboxSent = true;
      sendReady();
    },
    ping: () => write(": ping\n\n"),
    end: () => finish(),
  };

  /** `ready` goes out once both the first unread count and its data are there, then the events held back. */
  function sendReady(): void {
    if (ready || !inboxSent || readyFrame === null) return;
    write(readyFrame);
    ready = true;
    for (const text of early.splice(0)) write(text);
  }

  function finish(): void {
    if (ended) return;
    ended = true;
    hub.unsubscribe(subscriber);
    signal.removeEventListener("abort", finish);
    try {
      controller?.close();
    } catch {
      // Already closed or errored by the reader going away.
    }
  }

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write(`retry: ${RECONNECT_MS}\n\n`);
    },
    cancel: () => finish(),
  });
  if (signal.aborted) finish();
  else {
    signal.addEventListener("abort", finish, { once: true });
    hub.subscribe(subscriber);
    readyData().then(
      (data) => {
        readyFrame = frame("ready", JSON.stringify(data));
        sendReady();
      },
      // Without it the client cannot tell what it missed: end the stream, the browser reconnects.
      () => finish(),
    );
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      // Proxies such as nginx would otherwise hold events back in their buffers.
      "X-Accel-Buffering": "no",
    },
  });
}
