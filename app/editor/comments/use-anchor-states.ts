import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { ThreadJson } from "../../domain/comments";
import { anchorStates, sameStates } from "./anchor-states";
import type { AnchorState } from "./comments-context";

/** Document changes come in bursts while people type: anchors are placed again at most this often. */
const RECOMPUTE_MS = 250;

/**
 * Each thread's anchor state, kept current as the document changes (by
 * anyone) and as threads come and go. The map keeps its identity while
 * nothing moved, so the sorted list does not re-render on every keystroke.
 */
export function useAnchorStates(
  doc: Y.Doc,
  threads: readonly ThreadJson[],
): ReadonlyMap<string, AnchorState> {
  const [states, setStates] = useState<ReadonlyMap<string, AnchorState>>(() => anchorStates(doc, threads));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recompute = () => {
      timer = undefined;
      const next = anchorStates(doc, threads);
      setStates((current) => (sameStates(current, next) ? current : next));
    };
    const schedule = () => {
      timer ??= setTimeout(recompute, RECOMPUTE_MS);
    };
    recompute();
    doc.on("update", schedule);
    return () => {
      doc.off("update", schedule);
      clearTimeout(timer);
    };
  }, [doc, threads]);

  return states;
}
