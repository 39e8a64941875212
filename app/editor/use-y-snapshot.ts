import { useCallback, useRef, useSyncExternalStore } from "react";

/** What `useYSnapshot` needs of a Y type: deep observation (every Y.Map, Y.Array and fragment has it). */
export interface Observable {
  observeDeep(listener: () => void): void;
  unobserveDeep(listener: () => void): void;
}

/**
 * A value read from a Y type, kept current as the type (or anything inside
 * it) changes, by anyone. `read` may build a new object each time; `equal`
 * decides whether it is really new, so unchanged values keep their identity
 * and React skips the render.
 */
export function useYSnapshot<T>(
  type: Observable | null,
  read: () => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const cache = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!type) return () => {};
      type.observeDeep(notify);
      return () => type.unobserveDeep(notify);
    },
    [type],
  );
  const getSnapshot = () => {
    const next = read();
    if (cache.current && equal(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
