import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { SECTION } from "../domain/plan";

/**
 * One undo history for the whole plan, shared by the rich-text editors and
 * the tables, tracking only this person's changes: transactions tagged with
 * the editor's `localOrigin` (tables, title, lead definitions) or written by
 * y-tiptap's sync plugin (`ySyncPluginKey`, the rich-text editors). Remote
 * updates come with the provider or IndexedDB as origin and are never
 * undone.
 *
 * The editors get this manager through Collaboration's `yUndoOptions`
 * (y-tiptap's `yUndoPlugin({ undoManager })`), so Ctrl+Z in an editor and the
 * page's Undo button walk the same stack. y-tiptap destroys the manager of
 * an editor view when the view goes away; a shared manager must outlive any
 * one editor, so `destroy` is a no-op here and the session calls `dispose`.
 */
export class SharedUndoManager extends Y.UndoManager {
  override destroy(): void {
    // Editors unmounting must not end the page's history; see dispose().
  }

  /** Ends the history for good: the session calls it when the plan closes. */
  dispose(): void {
    super.destroy();
  }
}

/** Every top-level type of the plan, by its SECTION name: the undo scope. */
type SectionType = Y.Map<unknown> | Y.Array<unknown> | Y.XmlFragment;

export function planScope(doc: Y.Doc): SectionType[] {
  const types: SectionType[] = [];
  const add = (get: () => SectionType) => {
    try {
      types.push(get());
    } catch {
      // A raw peer defined the name with another type: that section is not undoable.
    }
  };
  add(() => doc.getMap(SECTION.meta));
  add(() => doc.getXmlFragment(SECTION.strategy));
  add(() => doc.getArray(SECTION.targetMarkets));
  add(() => doc.getArray(SECTION.revenueGoals));
  add(() => doc.getArray(SECTION.campaigns));
  add(() => doc.getMap(SECTION.leadDefinitions));
  add(() => doc.getXmlFragment(SECTION.journey));
  add(() => doc.getArray(SECTION.glossary));
  return types;
}

export function createUndoManager(doc: Y.Doc, localOrigin: object): SharedUndoManager {
  return new SharedUndoManager(planScope(doc), {
    trackedOrigins: new Set<unknown>([localOrigin, ySyncPluginKey]),
    // As y-tiptap's own manager: ProseMirror steps marked addToHistory=false
    // stay out, and undo never deletes the paragraph a heading turned into.
    captureTransaction: (transaction) => transaction.meta.get("addToHistory") !== false,
    deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
  });
}
