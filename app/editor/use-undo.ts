import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type * as Y from "yjs";

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Whether there is anything of mine to undo or redo, kept current as the stacks change. */
export function useUndoState(undoManager: Y.UndoManager): UndoState {
  const cache = useRef<UndoState>({ canUndo: false, canRedo: false });
  const subscribe = useCallback(
    (notify: () => void) => {
      const events = ["stack-item-added", "stack-item-popped", "stack-cleared"] as const;
      events.forEach((event) => undoManager.on(event, notify));
      return () => events.forEach((event) => undoManager.off(event, notify));
    },
    [undoManager],
  );
  const getSnapshot = () => {
    const next = { canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() };
    if (next.canUndo !== cache.current.canUndo || next.canRedo !== cache.current.canRedo)
      cache.current = next;
    return cache.current;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y anywhere on the plan page undo and
 * redo this person's own changes. Text fields keep their native undo while
 * being typed in, and the rich-text editors handle the keys themselves (with
 * the same manager), so neither is intercepted.
 */
export function useUndoShortcuts(undoManager: Y.UndoManager, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (ownsUndo(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey && !event.shiftKey);
      const undo = key === "z" && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (redo) undoManager.redo();
      else undoManager.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undoManager, enabled]);
}

function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit"].includes(target.type);
  return false;
}
