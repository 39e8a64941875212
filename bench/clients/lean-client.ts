import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Target } from "../servers/target";

/**
 * A collaborator at the protocol level, for the throughput scenario: it
 * speaks the y-websocket sync protocol like the stock provider (sync step 1
 * on open, answers the server's step 1, sends each local transaction as an
 * update), but it does NOT apply what it receives: it only reads which
 * clients' changes, up to which clock, each update carries
 * (Y.parseUpdateMeta). The server cannot tell the difference; the bench's
 * single client thread does a fraction of a provider's work per message, so
 * it is the servers, not the bench, that run out of breath.
 *
 * Its own Y.Doc holds only its own edits: enough to make real updates for
 * keys nobody else writes.
 */
export interface LeanClient {
  doc: Y.Doc;
  synced: Promise<void>;
  /** Called with each received update's end clock per client (the next clock, as in a state vector). */
  onClocks: (listener: (clocks: Map<number, number>) => void) => void;
  closes: number;
  close: () => void;
}

const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function openLeanClient(target: Target, planId: string): LeanClient {
  const params = new URLSearchParams(target.params(planId)).toString();
  const ws = new WebSocket(`${target.collabUrl}/${planId}${params ? `?${params}` : ""}`);
  ws.binaryType = "nodebuffer";
  const doc = new Y.Doc();
  const listeners: Array<(clocks: Map<number, number>) => void> = [];
  let markSynced: () => void = () => {};
  const client: LeanClient = {
    doc,
    synced: new Promise<void>((resolve) => (markSynced = resolve)),
    onClocks: (listener) => listeners.push(listener),
    closes: 0,
    close: () => {
      ws.close();
      doc.destroy();
    },
  };

  doc.on("update", (update: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame(SYNC_UPDATE, update));
  });
  ws.on("open", () => ws.send(frame(SYNC_STEP1, Y.encodeStateVector(doc))));
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // presence: not our business
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (type === SYNC_STEP1) {
      ws.send(frame(SYNC_STEP2, Y.encodeStateAsUpdate(doc, payload)));
    } else {
      if (type === SYNC_STEP2) markSynced();
      const { to } = Y.parseUpdateMeta(payload);
      if (to.size) for (const listener of listeners) listener(to);
    }
  });
  ws.on("close", () => client.closes++);
  ws.on("error", () => {});
  return client;
}
