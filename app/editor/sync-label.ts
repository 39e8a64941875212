import { hasUnsynced, type SyncStatus } from "./sync-tracker";

/** How the connection badge looks: calm when saved, amber while work waits, red when it cannot sync. */
export type SyncTone = "saved" | "saving" | "waiting" | "offline" | "error";

export interface SyncLabel {
  tone: SyncTone;
  text: string;
}

/**
 * The badge's words for a sync status. Never "Saved" while a change of this
 * tab (or one restored from this browser) is not covered by a committed
 * snapshot; read-only people write nothing, so they see "Up to date".
 */
export function syncLabel(status: SyncStatus, options: { readOnly: boolean }): SyncLabel {
  const waiting = hasUnsynced(status);
  const count = unsyncedText(status);
  if (status.signedOut) {
    return {
      tone: "error",
      text: waiting ? `Signed out · ${count}` : "Signed out · log in again to keep working",
    };
  }
  if (!status.connected) {
    if (!status.online) return { tone: "offline", text: waiting ? `Offline · ${count}` : "Offline" };
    const trying = status.everConnected ? "Reconnecting…" : "Connecting…";
    return { tone: waiting ? "offline" : "waiting", text: waiting ? `${trying} · ${count}` : trying };
  }
  if (waiting) return { tone: "saving", text: "Saving…" };
  return { tone: "saved", text: options.readOnly ? "Up to date" : "Saved" };
}

/** "3 unsynced changes"; restored changes have no count ("unsynced changes", or "3+ …" with this tab's). */
export function unsyncedText(status: SyncStatus): string {
  const n = status.unsynced;
  if (status.restoredUnsynced) return n > 0 ? `${n}+ unsynced changes` : "unsynced changes";
  return n === 1 ? "1 unsynced change" : `${n} unsynced changes`;
}
