import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useState, type ReactNode } from "react";
import type { TextField } from "../../domain/comments";
import type { CommentsValue } from "./comments-context";
import { highlightElement, setHighlightInput } from "./text-comment-highlights";
import { selectionAnchor } from "./text-selection-anchor";

/** How long a revealed highlight flashes. */
const FLASH_MS = 1_600;

/**
 * Comments in one rich-text field: keeps the editor's highlights in step
 * with the plan's threads and the active one, scrolls to and flashes a
 * highlight the panel asks to reveal, and returns the "Comment" button that
 * sits in the margin beside a selection (also Ctrl+Alt+M).
 */
export function useTextComments(
  editor: Editor,
  field: TextField | null,
  comments: CommentsValue | null,
): ReactNode {
  const [flashThreadId, setFlashThreadId] = useState<string | null>(null);
  const threads = comments?.threads;
  const activeThreadId = comments?.activeThreadId ?? null;

  useEffect(() => {
    if (!field || !threads || editor.isDestroyed) return;
    setHighlightInput(editor.view, { threads, activeThreadId, flashThreadId });
  }, [editor, field, threads, activeThreadId, flashThreadId]);

  const reveal = comments?.reveal;
  useEffect(() => {
    if (!reveal || !field || editor.isDestroyed) return;
    const thread = threads?.find((t) => t.id === reveal.threadId);
    if (thread?.anchor.kind !== "text" || thread.anchor.field !== field) return;
    setFlashThreadId(thread.id);
    // The highlight is drawn with the flash in the next render; scroll to it then.
    const frame = requestAnimationFrame(() =>
      highlightElement(editor.view, thread.id)?.scrollIntoView({ block: "center", behavior: "smooth" }),
    );
    const timer = setTimeout(() => setFlashThreadId(null), FLASH_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // Only a new reveal request flashes; threads changing meanwhile must not replay it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal, field, editor]);

  const selection = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!field || current.state.selection.empty || !current.view.dom.isConnected) return null;
      const { to } = current.state.selection;
      try {
        const coords = current.view.coordsAtPos(to);
        const container = current.view.dom.closest(".rich-text-editor") ?? current.view.dom;
        const box = container.getBoundingClientRect();
        return { top: Math.round(coords.top - box.top) };
      } catch {
        return null;
      }
    },
    equalityFn: (a, b) => a?.top === b?.top,
  });

  if (!field || !comments?.mayComment || !selection) return null;
  return (
    <button
      type="button"
      className="button secondary small comment-on-selection"
      style={{ top: `${selection.top}px` }}
      title="Comment on the selected text (Ctrl+Alt+M)"
      aria-keyshortcuts="Control+Alt+M"
      // Keep the editor's selection: the button must not take focus on press.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        const anchor = selectionAnchor(editor.state, field);
        if (anchor) comments.startThread(anchor);
      }}
    >
      Comment
    </button>
  );
}
