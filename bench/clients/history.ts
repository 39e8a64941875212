import * as Y from "yjs";

/**
 * A plan's editing history, made up front and the same for every server:
 * `count` small Yjs updates from four collaborators who see each other's
 * changes at once. Half type a few letters into a shared text at their
 * cursor, a fifth erase a few before it, the rest overwrite one of 300
 * table cells; now and then a cursor jumps somewhere else. Seeded, so every
 * run builds the same history.
 */
export interface History {
  updates: Uint8Array[];
  bytes: number;
  /** What a client that has every update holds. */
  expected: { text: string; cells: number; stateVector: Map<number, number> };
}

export function buildHistory(count: number, seed = 20_000): History {
  const random = mulberry32(seed);
  // One document, four authors: switching clientID between transactions is
  // what four peers that see each other's changes at once would produce.
  const doc = new Y.Doc();
  const authors = [1_001, 1_002, 1_003, 1_004];
  const updates: Uint8Array[] = [];
  let bytes = 0;
  doc.on("update", (update: Uint8Array) => {
    updates.push(update);
    bytes += update.byteLength;
  });
  const letters = "abcdefghijklmnopqrstuvwxyz ";
  const cursors = authors.map(() => 0);
  const text = doc.getText("notes");
  for (let i = 0; i < count; i++) {
    const k = i % authors.length;
    doc.clientID = authors[k]!;
    if (random() < 0.05 || cursors[k]! > text.length) cursors[k] = Math.floor(random() * (text.length + 1));
    const r = random();
    if (r < 0.5 || text.length < 20) {
      let s = "";
      for (let n = 1 + Math.floor(random() * 8); n > 0; n--)
        s += letters[Math.floor(random() * letters.length)];
      text.insert(cursors[k]!, s);
      cursors[k]! += s.length;
    } else if (r < 0.7 && cursors[k]! > 0) {
      const n = Math.min(cursors[k]!, 1 + Math.floor(random() * 5));
      text.delete(cursors[k]! - n, n);
      cursors[k]! -= n;
    } else {
      doc.getMap<number>("cells").set(`c${Math.floor(random() * 300)}`, Math.floor(random() * 1e6));
    }
  }
  const expected = {
    text: text.toString(),
    cells: doc.getMap("cells").size,
    stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
  };
  doc.destroy();
  return { updates, bytes, expected };
}

/** Whether `doc` holds exactly the history's final state. */
export function holdsHistory(doc: Y.Doc, history: History): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of history.expected.stateVector) if (sv.get(client) !== clock) return false;
  return (
    doc.getText("notes").toString() === history.expected.text &&
    doc.getMap("cells").size === history.expected.cells
  );
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
