/**
 * A note in the browser of how many changes each tab had not seen committed.
 * IndexedDB keeps the changes themselves; this note is what lets a reload
 * say "Offline · unsynced changes" instead of a wrong "Saved" before the
 * server has confirmed them. localStorage, because it is written
 * synchronously: the note is there even if the tab is closed a moment later.
 */
export interface UnsyncedLedger {
  /** Entries of other tabs and earlier visits: tab id → unsynced changes. */
  others(): Record<string, number>;
  /** This tab's count (0 removes its entry). */
  write(count: number): void;
  /** Drops entries whose changes are known to be committed now. */
  forget(ids: readonly string[]): void;
}

const PREFIX = "accord-unsynced:";

/** The ledger of one plan in localStorage; a no-op ledger where storage is unavailable. */
export function browserLedger(planId: string, tabId: string): UnsyncedLedger {
  const key = PREFIX + planId;
  const read = (): Record<string, number> => {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "{}");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
      );
    } catch {
      return {};
    }
  };
  const save = (entries: Record<string, number>) => {
    try {
      if (Object.keys(entries).length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(entries));
    } catch {
      // Storage full or disabled: the badge still counts this tab's changes.
    }
  };
  return {
    others: () => {
      const { [tabId]: _mine, ...others } = read();
      return others;
    },
    write: (count) => {
      const entries = read();
      if (count > 0) entries[tabId] = count;
      else delete entries[tabId];
      save(entries);
    },
    forget: (ids) => {
      const entries = read();
      for (const id of ids) delete entries[id];
      save(entries);
    },
  };
}

/** A ledger in memory, for tests and for browsers without storage. */
export function memoryLedger(
  initial: Record<string, number> = {},
): UnsyncedLedger & { entries: Record<string, number> } {
  const ledger = {
    entries: { ...initial },
    others: () => {
      const { self: _self, ...others } = ledger.entries;
      return others;
    },
    write: (count: number) => {
      if (count > 0) ledger.entries.self = count;
      else delete ledger.entries.self;
    },
    forget: (ids: readonly string[]) => {
      for (const id of ids) delete ledger.entries[id];
    },
  };
  return ledger;
}
