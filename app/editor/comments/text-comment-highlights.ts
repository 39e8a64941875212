import { Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { decodePosition, type TextField, type ThreadJson } from "../../domain/comments";

/**
 * Highlights of the open threads anchored in one rich-text field, and the
 * click that opens a thread from its highlight. Ranges come from the
 * anchors' Yjs relative positions through the sync binding's mapping, so a
 * highlight sits on the same words on every screen, whoever typed around
 * them. Local typing maps the highlights like any decoration; remote changes
 * (and new threads) place them afresh from the relative positions.
 */

export interface HighlightInput {
  threads: readonly ThreadJson[];
  activeThreadId: string | null;
  /** A thread whose highlight flashes now (the panel asked to reveal it). */
  flashThreadId: string | null;
}

interface HighlightState extends HighlightInput {
  decorations: DecorationSet;
}

export const textCommentsKey = new PluginKey<HighlightState>("textComments");

export interface TextCommentOptions {
  field: TextField;
  /** Opens a thread in the comments panel (a highlight was clicked). */
  onOpen: (threadId: string) => void;
}

const EMPTY: HighlightInput = { threads: [], activeThreadId: null, flashThreadId: null };

export const TextCommentHighlights = Extension.create<TextCommentOptions>({
  name: "textCommentHighlights",
  addOptions: () => ({ field: "strategy", onOpen: () => {} }),
  addProseMirrorPlugins() {
    const { field } = this.options;
    const open = (threadId: string) => this.options.onOpen(threadId);
    return [
      new Plugin<HighlightState>({
        key: textCommentsKey,
        state: {
          init: (_config, state) => ({ ...EMPTY, decorations: build(state, field, EMPTY) }),
          apply: (tr, previous, _old, state) => {
            const input = tr.getMeta(textCommentsKey) as HighlightInput | undefined;
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
              ?.isChangeOrigin;
            if (input || remote) {
              const next = input ?? previous;
              return { ...next, decorations: build(state, field, next) };
            }
            if (!tr.docChanged) return previous;
            return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => textCommentsKey.getState(state)?.decorations ?? null,
          handleClick: (view, _pos, event) => {
            const target = event.target instanceof Element ? event.target.closest("[data-thread-id]") : null;
            const threadId = target?.getAttribute("data-thread-id");
            if (!threadId || !view.dom.contains(target)) return false;
            open(threadId);
            // The caret still goes where the person clicked.
            return false;
          },
        },
      }),
    ];
  },
});

/** Hands new threads, the active thread or a flash to the editor's highlights. */
export function setHighlightInput(view: EditorView, input: HighlightInput): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(textCommentsKey, input).setMeta("addToHistory", false));
}

function build(state: EditorState, field: TextField, input: HighlightInput): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } | null } | undefined;
  if (!sync?.binding) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const thread of input.threads) {
    const { anchor } = thread;
    if (thread.status !== "open" || anchor.kind !== "text" || anchor.field !== field) continue;
    const range = pmRange(sync.doc, sync.type, sync.binding.mapping, anchor.start, anchor.end);
    if (!range || range.to > state.doc.content.size) continue;
    const classes = ["comment-anchor"];
    if (thread.blocking) classes.push("blocking");
    if (thread.id === input.activeThreadId) classes.push("active");
    if (thread.id === input.flashThreadId) classes.push("flash");
    decorations.push(
      Decoration.inline(range.from, range.to, { class: classes.join(" "), "data-thread-id": thread.id }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function pmRange(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: Map<unknown, unknown>,
  start: string,
  end: string,
): { from: number; to: number } | null {
  const startPosition = decodePosition(start);
  const endPosition = decodePosition(end);
  if (!startPosition || !endPosition) return null;
  try {
    const from = relativePositionToAbsolutePosition(doc, fragment, startPosition, mapping as never);
    const to = relativePositionToAbsolutePosition(doc, fragment, endPosition, mapping as never);
    if (from === null || to === null || from >= to) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/** The DOM of a thread's highlight in this editor, to scroll to. */
export function highlightElement(view: EditorView, threadId: string): HTMLElement | null {
  return view.dom.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`);
}

export type { Transaction };
