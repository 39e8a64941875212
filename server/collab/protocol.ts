import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * The y-websocket wire protocol (y-protocols sync + awareness), as the stock
 * `WebsocketProvider` speaks it: one message per binary frame, a varUint
 * message type first. Decoding here only checks framing; whether a document
 * update is acceptable Yjs is `checkUpdate`'s job, run for writers only.
 */

/** Top-level message types. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Sub-types of a sync message (y-protocols/sync). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/** What a client can send, decoded. */
export type ClientMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "sync-step2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" }
  /** Only the server sends auth messages (permission denied); a client's is read and ignored. */
  | { kind: "auth" };

/** A frame that breaks the protocol: the socket that sent it is closed with 1008. */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
}

/** Decodes one client frame, or throws ProtocolError for a malformed, truncated or unknown one. */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const message = read(() => readMessage(decoder));
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes after the message");
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE.sync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC.step1) {
        Y.decodeStateVector(payload);
        return { kind: "sync-step1", stateVector: payload };
      }
      if (step === SYNC.step2) return { kind: "sync-step2", update: payload };
      if (step === SYNC.update) return { kind: "update", update: payload };
      throw new ProtocolError(`unknown sync message type ${step}`);
    }
    case MESSAGE.awareness:
      return { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MESSAGE.queryAwareness:
      return { kind: "query-awareness" };
    case MESSAGE.auth:
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      return { kind: "auth" };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/** Runs a lib0 read, turning its errors (end of array, bad varint, bad UTF-8) into ProtocolError. */
function read<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Throws ProtocolError unless `update` is a Yjs update that can be applied
 * without failing half-way. Yjs integrates struct by struct inside one
 * transaction, so an update that throws midway leaves the document partly
 * changed. Decoding alone does not catch every such update: references from
 * a struct to its own client at or past its own clock, and empty structs
 * or deletions, decode fine and then throw during integration (found by
 * fuzzing mutated updates; see protocol.test.ts).
 */
export function checkUpdate(update: Uint8Array): void {
  const decoded = read(() => Y.decodeUpdate(update));
  for (const struct of decoded.structs) {
    if (!(struct.length >= 1)) throw new ProtocolError("update holds an empty struct");
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const ref of [struct.origin, struct.rightOrigin, parent]) {
      if (ref && ref.client === client && ref.clock >= clock) {
        throw new ProtocolError("update refers to its own future");
      }
    }
  }
  for (const deletions of decoded.ds.clients.values()) {
    for (const deletion of deletions) {
      if (!(deletion.len >= 1)) throw new ProtocolError("update holds an empty deletion");
    }
  }
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the server's state vector, so the client sends what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
}

/** Sync step 2: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });
}

/** A document update for clients that already synced. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness message wrapping an encoded awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
}
