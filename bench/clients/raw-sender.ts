import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { sleep } from "../clock";
import type { Target } from "../servers/target";

/**
 * Sends ready-made Yjs updates to a plan over one websocket, each as its own
 * y-websocket "update" message, at about `perSecond`: how a history gets
 * into a server without a Y.Doc on the sending side. What the server sends
 * back is ignored.
 */
export async function sendUpdates(
  target: Target,
  planId: string,
  updates: readonly Uint8Array[],
  perSecond: number,
): Promise<void> {
  const params = new URLSearchParams(target.params(planId)).toString();
  const ws = new WebSocket(`${target.collabUrl}/${planId}${params ? `?${params}` : ""}`);
  ws.on("message", () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  try {
    const tickMs = 5;
    const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000));
    const start = Date.now();
    for (let i = 0; i < updates.length; i += perTick) {
      for (const update of updates.slice(i, i + perTick)) ws.send(updateMessage(update));
      const due = start + ((i + perTick) / perSecond) * 1000;
      await sleep(Math.max(0, due - Date.now()));
      if (ws.readyState !== WebSocket.OPEN)
        throw new Error(`${target.label}: history socket closed at update ${i}`);
    }
    // Everything handed to the socket has left before it closes.
    while (ws.bufferedAmount > 0) await sleep(5);
  } finally {
    ws.close();
  }
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
