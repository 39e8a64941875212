import { createContext, useContext } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { Role, Team } from "../domain/membership";

/** A workspace member as the editor shows them (owner selects, presence). */
export interface EditorMember {
  userId: string;
  name: string;
  team: Team;
}

/**
 * Where a person is in the plan, published in their awareness state under
 * `focus` so others can see who edits which cell or section and follow them.
 */
export interface EditorFocus {
  /** A key of SECTION (app/domain/plan/layout.ts). */
  section: string;
  /** For table cells: the row id and the cell key. */
  rowId?: string;
  key?: string;
}

/**
 * Everything the editor's parts share: the one Y.Doc of the plan, its
 * provider and awareness, whether this person may write, who is in the
 * workspace, and the undo manager scoped to this person's own changes.
 */
export interface PlanEditorValue {
  planId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  /** False for viewers, commenters and everyone on a locked plan. */
  canEdit: boolean;
  /** Why editing is off, for the banner; null when canEdit. */
  readOnlyReason: string | null;
  role: Role;
  me: EditorMember;
  members: EditorMember[];
  currency: string;
  /** Tracks only this client's changes (origin: the editor's own origin). */
  undoManager: Y.UndoManager;
  /** The transaction origin of this person's edits; pass it to `doc.transact(fn, origin)`. */
  localOrigin: object;
  /** Publish where this person is now (or null when they leave a field). */
  setFocus: (focus: EditorFocus | null) => void;
}

export const PlanEditorContext = createContext<PlanEditorValue | null>(null);

/** The plan editor's shared state; only valid inside <PlanEditorProvider>. */
export function usePlanEditor(): PlanEditorValue {
  const value = useContext(PlanEditorContext);
  if (!value) throw new Error("usePlanEditor must be used inside the plan editor.");
  return value;
}
