import type { Awareness } from "y-protocols/awareness";
import { TEAMS, type Team } from "../../domain/membership";
import type { TableSection } from "../../domain/plan";

/**
 * Who else is in which cell of a table, read from awareness: each person
 * publishes `focus: { section, rowId, key }` (usePlanEditor().setFocus) and
 * the server stamps `user: { id, name, team, color }` on their state, so the
 * name shown cannot be forged. Awareness changes on every cursor move in the
 * rich text, so the store here hands React a new snapshot only when the
 * presence *in this table* changed, and keeps each row's object when that
 * row's presence did not.
 */

export interface CellPeer {
  clientId: number;
  name: string;
  /** A CSS colour from the server's stamp, or a neutral fallback. */
  color: string;
}

/** Peers by cell key, for one row. */
export type RowPresence = Readonly<Record<string, readonly CellPeer[]>>;
/** Peers by row id, then cell key, for one table. */
export type CellPresence = ReadonlyMap<string, RowPresence>;

/** Someone in the table (any cell of it), for the avatars in its header. */
export interface TableVisitor {
  userId: string;
  name: string;
  team: Team;
}

export interface TablePresence {
  cells: CellPresence;
  /** One entry per person, by name. */
  visitors: readonly TableVisitor[];
}

const FALLBACK_COLOR = "#475569";
const HEX_COLOR = /^#[0-9a-f]{3,8}$/i;
const NO_CELLS: CellPresence = new Map();
const NO_VISITORS: readonly TableVisitor[] = Object.freeze([]);
const EMPTY: TablePresence = Object.freeze({ cells: NO_CELLS, visitors: NO_VISITORS });

/**
 * The presence of one table in these awareness states: others' cells
 * (without this client's own) and the visitors (without this person, in any tab).
 */
export function readTablePresence(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfClientId: number,
  section: TableSection,
  selfUserId: string | null = null,
): TablePresence {
  const rows = new Map<string, Record<string, CellPeer[]>>();
  const visitors = new Map<string, TableVisitor>();
  const clientIds = [...states.keys()].sort((a, b) => a - b);
  for (const clientId of clientIds) {
    if (clientId === selfClientId) continue;
    const state = states.get(clientId);
    const focus = asRecord(state?.focus);
    const user = asRecord(state?.user);
    if (!focus || !user || focus.section !== section) continue;
    const name = typeof user.name === "string" && user.name.trim() ? user.name.trim().slice(0, 60) : "Someone";
    const userId = typeof user.id === "string" && user.id ? user.id : `client-${clientId}`;
    const team = (TEAMS as readonly unknown[]).includes(user.team) ? (user.team as Team) : "other";
    if (userId !== selfUserId) visitors.set(userId, { userId, name, team });
    const { rowId, key } = focus;
    if (typeof rowId !== "string" || typeof key !== "string") continue;
    const color = typeof user.color === "string" && HEX_COLOR.test(user.color) ? user.color : FALLBACK_COLOR;
    const row = rows.get(rowId) ?? {};
    (row[key] ??= []).push({ clientId, name, color });
    rows.set(rowId, row);
  }
  if (rows.size === 0 && visitors.size === 0) return EMPTY;
  const byName = [...visitors.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { cells: rows.size ? rows : NO_CELLS, visitors: byName.length ? byName : NO_VISITORS };
}

/**
 * `next` with each row's presence (and the visitors) that equal the previous
 * ones replaced by them; `previous` itself if nothing changed.
 */
export function reusePresence(previous: TablePresence, next: TablePresence): TablePresence {
  const cells = reuseCells(previous.cells, next.cells);
  const visitors =
    JSON.stringify(previous.visitors) === JSON.stringify(next.visitors) ? previous.visitors : next.visitors;
  return cells === previous.cells && visitors === previous.visitors ? previous : { cells, visitors };
}

function reuseCells(previous: CellPresence, next: CellPresence): CellPresence {
  if (previous.size === 0 && next.size === 0) return previous;
  let changed = previous.size !== next.size;
  const merged = new Map<string, RowPresence>();
  for (const [rowId, row] of next) {
    const old = previous.get(rowId);
    if (old && samePresence(old, row)) merged.set(rowId, old);
    else {
      merged.set(rowId, row);
      changed = true;
    }
  }
  return changed ? merged : previous;
}

function samePresence(a: RowPresence, b: RowPresence): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export interface PresenceStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => TablePresence;
}

const stores = new WeakMap<Awareness, Map<TableSection, PresenceStore>>();

/** The one presence store of a table per awareness instance. */
export function presenceStore(awareness: Awareness, section: TableSection, selfUserId: string | null): PresenceStore {
  let byAwareness = stores.get(awareness);
  if (!byAwareness) {
    byAwareness = new Map();
    stores.set(awareness, byAwareness);
  }
  let store = byAwareness.get(section);
  if (!store) {
    store = createPresenceStore(awareness, section, selfUserId);
    byAwareness.set(section, store);
  }
  return store;
}

export function createPresenceStore(
  awareness: Awareness,
  section: TableSection,
  selfUserId: string | null = null,
): PresenceStore {
  const listeners = new Set<() => void>();
  const read = () =>
    readTablePresence(
      awareness.getStates() as Map<number, Record<string, unknown>>,
      awareness.clientID,
      section,
      selfUserId,
    );
  let snapshot = read();
  const refresh = () => {
    const next = reusePresence(snapshot, read());
    if (next === snapshot) return false;
    snapshot = next;
    return true;
  };
  const onChange = () => {
    if (refresh()) for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        awareness.on("change", onChange);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) awareness.off("change", onChange);
      };
    },
    getSnapshot() {
      if (listeners.size === 0) refresh();
      return snapshot;
    },
  };
}
