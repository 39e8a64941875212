import * as encoding from "lib0/encoding";
import { describe, expect, test } from "vitest";
import { Awareness, encodeAwarenessUpdate as encodeStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { TEAMS } from "../../app/domain/membership";
import {
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  presenceUser,
  stampAwareness,
  TEAM_COLORS,
} from "./awareness-stamp";
import { ProtocolError } from "./protocol";

const member = {
  userId: "9a4c2d8e-0000-4000-8000-000000000001",
  name: "Ada Lovelace",
  team: "marketing" as const,
};

function rawUpdate(entries: Array<[number, number, string]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

describe("decode and encode", () => {
  test("read what y-protocols writes, and write what it reads", () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: "anyone" }, cursor: { anchor: 2 } });
    const update = encodeStates(awareness, [doc.clientID]);
    const entries = decodeAwarenessUpdate(update);
    expect(entries).toEqual([
      { clientId: doc.clientID, clock: 1, state: { user: { name: "anyone" }, cursor: { anchor: 2 } } },
    ]);
    expect(encodeAwarenessUpdate(entries)).toEqual(update);
    awareness.destroy();
  });

  test.each([
    ["truncated", Uint8Array.of(2, 1)],
    ["trailing bytes", Uint8Array.from([...rawUpdate([[1, 1, "{}"]]), 0])],
    ["not JSON", rawUpdate([[1, 1, "{nope"]])],
    ["an array state", rawUpdate([[1, 1, "[1]"]])],
    ["a string state", rawUpdate([[1, 1, '"hi"']])],
  ])("refuses %s", (_name, update) => {
    expect(() => decodeAwarenessUpdate(update)).toThrow(ProtocolError);
  });

  test("keeps removals (null states)", () => {
    expect(decodeAwarenessUpdate(rawUpdate([[5, 3, "null"]]))).toEqual([
      { clientId: 5, clock: 3, state: null },
    ]);
  });
});

describe("stampAwareness", () => {
  test("replaces whatever user the client claimed, keeps the rest and leaves removals alone", () => {
    const user = presenceUser(member);
    const stamped = stampAwareness(
      [
        {
          clientId: 1,
          clock: 4,
          state: { user: { id: "someone-else", name: "The CEO", color: "#000" }, cursor: 7 },
        },
        { clientId: 2, clock: 1, state: {} },
        { clientId: 3, clock: 9, state: null },
      ],
      user,
    );
    expect(stamped).toEqual([
      { clientId: 1, clock: 4, state: { user, cursor: 7 } },
      { clientId: 2, clock: 1, state: { user } },
      { clientId: 3, clock: 9, state: null },
    ]);
    expect(user).toEqual({
      id: member.userId,
      name: "Ada Lovelace",
      team: "marketing",
      color: TEAM_COLORS.marketing,
    });
  });

  test("every team has its own colour", () => {
    expect(new Set(TEAMS.map((team) => TEAM_COLORS[team])).size).toBe(TEAMS.length);
  });
});
