import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { TEAMS, type Team } from "../domain/membership";
import { isPageSection, type PageSection } from "./plan-sections";

/** One person in the plan right now, however many tabs they have open. */
export interface PresentPerson {
  userId: string;
  name: string;
  team: Team;
  /** The caret colour the server stamped (`state.user.color`), if it is a plain hex colour. */
  color: string | null;
  isMe: boolean;
  /** The section they are in: their published `focus`, or the section of their caret. */
  section: PageSection | null;
}

type State = Record<string, unknown>;

/**
 * Everyone in the plan now, from the awareness states (stamped by the server
 * with `state.user`), one entry per user id: me first, then by name. A person
 * with several tabs shows where their most recently active tab is.
 */
export function readPresence(awareness: Awareness, doc: Y.Doc, myUserId: string): PresentPerson[] {
  const tabs = new Map<string, Array<{ person: PresentPerson; at: number }>>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = userOf(state);
    if (!user) continue;
    const person: PresentPerson = {
      userId: user.id,
      name: user.name,
      team: user.team,
      color: user.color,
      isMe: user.id === myUserId,
      section: sectionOf(state, doc),
    };
    const at = awareness.meta.get(clientId)?.lastUpdated ?? 0;
    tabs.set(user.id, [...(tabs.get(user.id) ?? []), { person, at }]);
  }
  const people = [...tabs.values()].map((entries) => {
    const [latest, ...rest] = [...entries].sort((a, b) => b.at - a.at).map((entry) => entry.person);
    const section = latest!.section ?? rest.find((person) => person.section)?.section ?? null;
    return { ...latest!, section };
  });
  return people.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}

/** The people in the plan, re-read whenever presence changes. */
export function usePresence(awareness: Awareness, doc: Y.Doc, myUserId: string): PresentPerson[] {
  const cache = useRef<{ key: string; people: PresentPerson[] } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      awareness.on("change", notify);
      return () => awareness.off("change", notify);
    },
    [awareness],
  );
  const getSnapshot = () => {
    const people = readPresence(awareness, doc, myUserId);
    const key = JSON.stringify(people);
    if (cache.current?.key === key) return cache.current.people;
    cache.current = { key, people };
    return people;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function userOf(state: unknown): { id: string; name: string; team: Team; color: string | null } | null {
  if (!isRecord(state) || !isRecord(state.user)) return null;
  const { id, name, team, color } = state.user;
  if (typeof id !== "string" || id === "" || typeof name !== "string") return null;
  return {
    id,
    name: name.trim() || "Someone",
    team: (TEAMS as readonly unknown[]).includes(team) ? (team as Team) : "other",
    color: typeof color === "string" && HEX_COLOR.test(color) ? color : null,
  };
}

function sectionOf(state: State, doc: Y.Doc): PageSection | null {
  const focus = state.focus;
  if (isRecord(focus) && isPageSection(focus.section)) return focus.section;
  const cursor = state.cursor;
  if (isRecord(cursor)) return sectionOfPosition(doc, cursor.head ?? cursor.anchor);
  return null;
}

/** The section a caret (a Yjs relative position, as JSON) is in: the top-level type above it. */
export function sectionOfPosition(doc: Y.Doc, json: unknown): PageSection | null {
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(json),
      doc,
    );
    if (!position) return null;
    let type: Y.AbstractType<unknown> = position.type;
    for (let depth = 0; type._item && depth < 200; depth++) {
      const parent = type._item.parent;
      if (!(parent instanceof Y.AbstractType)) return null;
      type = parent;
    }
    for (const [name, shared] of doc.share) {
      if (shared === type) return isPageSection(name) ? name : null;
    }
    return null;
  } catch {
    return null; // A raw peer's malformed cursor points nowhere.
  }
}

function isRecord(value: unknown): value is State {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
