import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Team } from "../../app/domain/membership";
import { ProtocolError } from "./protocol";

/**
 * Presence shows who is in a plan, so it must not be forgeable: every
 * awareness state a connection sends is rewritten so that `state.user` is
 * what the server knows about the authenticated member, whatever the client
 * claimed. Cursors and selections (the rest of the state) pass untouched.
 */

/** The identity every presence state carries, as stamped by the server. */
export interface PresenceUser {
  id: string;
  name: string;
  team: Team;
  /** Cursor and avatar colour, derived from the team so both sides are told apart at a glance. */
  color: string;
}

/** One client's entry in an awareness update (y-protocols/awareness encoding). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Null: the client left (its state is removed). */
  state: Record<string, unknown> | null;
}

/** Team colours of cursors and avatars. */
export const TEAM_COLORS: Record<Team, string> = {
  sales: "#2563eb",
  marketing: "#db2777",
  leadership: "#7c3aed",
  other: "#0d9488",
};

export function presenceUser(member: { userId: string; name: string; team: Team }): PresenceUser {
  return { id: member.userId, name: member.name, team: member.team, color: TEAM_COLORS[member.team] };
}

/**
 * Decodes an awareness update; throws ProtocolError when it is truncated, has
 * trailing bytes, or a state that is not a JSON object or null.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && (typeof state !== "object" || Array.isArray(state))) {
        throw new ProtocolError("awareness state is not an object");
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError("malformed awareness update");
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes after the awareness update");
  return entries;
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** The entries with `user` replaced by the server's; removals (null states) stay removals. */
export function stampAwareness(entries: readonly AwarenessEntry[], user: PresenceUser): AwarenessEntry[] {
  return entries.map((entry) =>
    entry.state === null ? entry : { ...entry, state: { ...entry.state, user: { ...user } } },
  );
}
