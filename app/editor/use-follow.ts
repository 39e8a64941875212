import { useCallback, useEffect, useState } from "react";
import { sectionAnchor } from "./plan-sections";
import type { PresentPerson } from "./presence";

/** Keys that scroll the page: pressing one means "I am looking elsewhere now". */
const SCROLL_KEYS = new Set(["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "]);

/** Marks the controls that start and stop following, so clicking them does not count as "clicking elsewhere". */
export const FOLLOW_CONTROL = "data-follow-control";

/**
 * Follow a person: scroll to the section they are in, and again whenever
 * they move to another one, until this person scrolls, presses a scrolling
 * key or clicks anywhere else, or the followed person leaves.
 */
export function useFollow(people: readonly PresentPerson[]) {
  const [followedId, setFollowedId] = useState<string | null>(null);
  const followed = people.find((person) => person.userId === followedId && !person.isMe) ?? null;
  const section = followed?.section ?? null;
  const present = followed !== null;

  const stop = useCallback(() => setFollowedId(null), []);
  const follow = useCallback((userId: string) => setFollowedId(userId), []);

  useEffect(() => {
    if (followedId && !present) setFollowedId(null);
  }, [followedId, present]);

  useEffect(() => {
    if (!followedId || !section) return;
    const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // Two frames later: the "Following …" bar has appeared and the sticky bar's new height is known.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const target = document.getElementById(sectionAnchor(section));
        target?.scrollIntoView({ behavior: calm ? "auto" : "smooth", block: "start" });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [followedId, section]);

  useEffect(() => {
    if (!followedId) return;
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key) && !isTyping(event.target)) stop();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest(`[${FOLLOW_CONTROL}]`)) return;
      stop();
    };
    window.addEventListener("wheel", stop, { passive: true });
    window.addEventListener("touchmove", stop, { passive: true });
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onPointer);
    return () => {
      window.removeEventListener("wheel", stop);
      window.removeEventListener("touchmove", stop);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onPointer);
    };
  }, [followedId, stop]);

  return { followed, follow, stop };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
