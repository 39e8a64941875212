import * as encoding from "lib0/encoding";
import type { CollabMember } from "./authorize";

/**
 * Fakes for the unit tests of the collaboration server (rooms, protocol),
 * and for test/support: test-only, never imported by the server itself.
 */

export const TEST_PLAN = "5e0b8a0c-2f4d-4c1e-8f61-1f2b3c4d5e6f";

/** An editor of TEST_PLAN, as authorize() would return them. */
export function testMember(via: CollabMember["via"]): CollabMember {
  return {
    userId: "u",
    name: "U",
    role: "editor",
    team: "sales",
    workspaceId: "w",
    sessionId: "s",
    planId: TEST_PLAN,
    planStatus: "draft",
    readOnly: false,
    via,
  };
}

/**
 * A Yjs update that decodes fine and then throws half-way through
 * Y.applyUpdate, after integrating its first struct ("HALF-APPLIED" in
 * `strategy`): its second struct's left origin is its own client's future.
 */
export function poisonUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 2); // clients; Yjs integrates the highest client id first
  encoding.writeVarUint(e, 1); // client 5000: one valid item at the root of `strategy`
  encoding.writeVarUint(e, 5000);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 4); // Item, ContentString, no origins
  encoding.writeVarUint(e, 1); // parent is a root key...
  encoding.writeVarString(e, "strategy"); // ...named strategy
  encoding.writeVarString(e, "HALF-APPLIED");
  encoding.writeVarUint(e, 1); // client 1234: an item whose origin is its own clock 5
  encoding.writeVarUint(e, 1234);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 0x84); // Item with a left origin, ContentString
  encoding.writeVarUint(e, 1234);
  encoding.writeVarUint(e, 5);
  encoding.writeVarString(e, "x");
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}
