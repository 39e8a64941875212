import * as Y from "yjs";

/** A deterministic pseudo-random source (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Origin of updates that arrive from other editors: not the editor's own, so not recorded. */
const REMOTE = "remote";

/**
 * One person editing a plan in a browser: a Y.Doc and the updates it has
 * produced itself, in order, as its provider would send them to the server.
 */
export interface Editor {
  doc: Y.Doc;
  /** The editor's own updates, not yet taken by `take()`. */
  take(): Uint8Array[];
}

export function createEditor(): Editor {
  const doc = new Y.Doc();
  let outbox: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) outbox.push(update);
  });
  return {
    doc,
    take() {
      const taken = outbox;
      outbox = [];
      return taken;
    },
  };
}

/** Brings `to` up to date with `from`, as the server's broadcast would. */
export function syncEditors(from: Editor, to: Editor): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), REMOTE);
}

/**
 * One small random edit of the kind a planning session makes: a field of
 * the `meta` map set or cleared, a `campaigns` row added or removed, text
 * typed into or deleted from `notes`.
 */
export function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = Math.floor(random() * 6);
  const meta = doc.getMap<unknown>("meta");
  const campaigns = doc.getArray<string>("campaigns");
  const notes = doc.getText("notes");
  const word = Math.floor(random() * 1e6).toString(36);
  if (pick === 0)
    meta.set(`field${Math.floor(random() * 8)}`, random() < 0.5 ? word : Math.floor(random() * 1000));
  else if (pick === 1 && meta.size > 0) meta.delete([...meta.keys()][Math.floor(random() * meta.size)]!);
  else if (pick === 2) campaigns.insert(Math.floor(random() * (campaigns.length + 1)), [word]);
  else if (pick === 3 && campaigns.length > 0) campaigns.delete(Math.floor(random() * campaigns.length), 1);
  else if (pick === 4 && notes.length > 4) {
    notes.delete(Math.floor(random() * (notes.length - 3)), 1 + Math.floor(random() * 3));
  } else notes.insert(Math.floor(random() * (notes.length + 1)), `${word} `);
}

/** What a reader of the plan sees: the three edited types as JSON. */
export function projection(doc: Y.Doc): { meta: unknown; campaigns: unknown; notes: string } {
  return {
    meta: doc.getMap("meta").toJSON(),
    campaigns: doc.getArray("campaigns").toJSON(),
    notes: doc.getText("notes").toString(),
  };
}

/** A Y.Doc holding every update given: what the server should end up with. */
export function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
