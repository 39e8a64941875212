import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { Role } from "../domain/membership";
import {
  PlanEditorContext,
  type EditorFocus,
  type EditorMember,
  type PlanEditorValue,
} from "./plan-editor-context";
import { PlanSession, type OpeningPhase } from "./plan-session";
import type { SyncStatus, SyncTracker } from "./sync-tracker";

export interface PlanEditorProviderProps {
  planId: string;
  canEdit: boolean;
  readOnlyReason: string | null;
  role: Role;
  me: EditorMember;
  members: EditorMember[];
  currency: string;
  /** The page while the document opens: on the server, and in the browser until it has content. */
  fallback: (phase: Exclude<OpeningPhase, "ready">) => ReactNode;
  /** The server says this person's rights changed (CLOSE.accessChanged): reload the page's data. */
  onAccessChanged?: () => void;
  children: ReactNode;
}

const SyncContext = createContext<SyncTracker | null>(null);

/**
 * Opens the plan's document for the page (client-side only, in an effect)
 * and gives every part of the editor the same doc, provider, awareness and
 * undo history through `usePlanEditor()`. Renders `fallback` until the doc
 * has content (from IndexedDB or the server), then `children`; closes
 * everything on unmount.
 */
export function PlanEditorProvider(props: PlanEditorProviderProps) {
  const {
    planId,
    canEdit,
    readOnlyReason,
    role,
    me,
    members,
    currency,
    fallback,
    onAccessChanged,
    children,
  } = props;
  const [session, setSession] = useState<PlanSession | null>(null);
  // The session lives as long as the plan is open; who I am and whether I
  // may edit are read when it opens and pushed to it when they change.
  const opening = useRef({ me, canEdit });
  opening.current = { me, canEdit };

  useEffect(() => {
    const { me: who, canEdit: tracking } = opening.current;
    const opened = new PlanSession({
      planId,
      user: { id: who.userId, name: who.name, team: who.team, color: "" },
      tracking,
    });
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [planId]);

  useEffect(() => session?.setTracking(canEdit), [session, canEdit]);

  const accessChanged = useRef(onAccessChanged);
  accessChanged.current = onAccessChanged;
  useEffect(() => session?.onAccessChanged(() => accessChanged.current?.()), [session]);

  const phase = useSyncExternalStore(
    (notify) => session?.onPhase(notify) ?? (() => {}),
    () => session?.phase ?? "opening",
    () => "opening" as const,
  );

  const value = useMemo<PlanEditorValue | null>(() => {
    if (!session) return null;
    let lastFocus = "null";
    const setFocus = (focus: EditorFocus | null) => {
      const key = JSON.stringify(focus);
      if (key === lastFocus) return;
      lastFocus = key;
      // A new place starts a new undo step: undo never merges two fields' typing.
      session.undoManager.stopCapturing();
      session.awareness.setLocalStateField("focus", focus);
    };
    return {
      planId,
      doc: session.doc,
      provider: session.provider,
      awareness: session.awareness,
      canEdit,
      readOnlyReason: canEdit ? null : readOnlyReason,
      role,
      me,
      members,
      currency,
      undoManager: session.undoManager,
      localOrigin: session.localOrigin,
      setFocus,
    };
  }, [session, planId, canEdit, readOnlyReason, role, me, members, currency]);

  if (!session || !value || phase !== "ready") return <>{fallback(phase === "ready" ? "opening" : phase)}</>;
  return (
    <PlanEditorContext.Provider value={value}>
      <SyncContext.Provider value={session.tracker}>{children}</SyncContext.Provider>
    </PlanEditorContext.Provider>
  );
}

/** This tab's sync status (connection, unsynced changes); only inside <PlanEditorProvider>. */
export function usePlanSync(): SyncStatus {
  const tracker = useContext(SyncContext);
  if (!tracker) throw new Error("usePlanSync must be used inside the plan editor.");
  return useSyncExternalStore(tracker.subscribe, tracker.getStatus, tracker.getStatus);
}
