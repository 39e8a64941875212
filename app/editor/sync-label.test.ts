import { describe, expect, test } from "vitest";
import { syncLabel } from "./sync-label";
import type { SyncStatus } from "./sync-tracker";

const base: SyncStatus = {
  connected: true,
  online: true,
  everConnected: true,
  unsynced: 0,
  restoredUnsynced: false,
  signedOut: false,
};
const label = (patch: Partial<SyncStatus>, readOnly = false) =>
  syncLabel({ ...base, ...patch }, { readOnly }).text;

describe("syncLabel", () => {
  test("Saved only when nothing waits", () => {
    expect(label({})).toBe("Saved");
    expect(label({ unsynced: 1 })).toBe("Saving…");
    expect(label({ restoredUnsynced: true })).toBe("Saving…");
    expect(label({}, true)).toBe("Up to date");
  });

  test("offline says how many changes wait", () => {
    expect(label({ connected: false, online: false })).toBe("Offline");
    expect(label({ connected: false, online: false, unsynced: 1 })).toBe("Offline · 1 unsynced change");
    expect(label({ connected: false, online: false, unsynced: 4 })).toBe("Offline · 4 unsynced changes");
    expect(label({ connected: false, online: false, restoredUnsynced: true })).toBe(
      "Offline · unsynced changes",
    );
    expect(label({ connected: false, online: false, unsynced: 2, restoredUnsynced: true })).toBe(
      "Offline · 2+ unsynced changes",
    );
  });

  test("a lost connection on a working network is reconnecting", () => {
    expect(label({ connected: false })).toBe("Reconnecting…");
    expect(label({ connected: false, unsynced: 3 })).toBe("Reconnecting… · 3 unsynced changes");
    expect(label({ connected: false, everConnected: false })).toBe("Connecting…");
  });

  test("a session that ended says so", () => {
    expect(label({ connected: false, signedOut: true, unsynced: 2 })).toBe("Signed out · 2 unsynced changes");
  });
});
