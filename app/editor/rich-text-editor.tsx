import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Placeholder from "@tiptap/extension-placeholder";
import { EditorContent, Extension, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import type * as Y from "yjs";
import { EditorToolbar, type FormatCommand, type FormatState } from "../components/plan/editor-toolbar";
import { TEXT_FIELDS, type TextField } from "../domain/comments";
import { planExtensions, safeHref } from "../domain/plan";
import { renderCaret, renderSelection } from "./carets";
import { useComments } from "./comments/comments-context";
import { TextCommentHighlights } from "./comments/text-comment-highlights";
import { selectionAnchor } from "./comments/text-selection-anchor";
import { useTextComments } from "./comments/use-text-comments";
import { linkTarget } from "./link-target";
import { usePlanEditor, type EditorFocus } from "./plan-editor-context";

const NO_FORMAT: FormatState = {
  h2: false,
  h3: false,
  bold: false,
  italic: false,
  bulletList: false,
  orderedList: false,
  link: false,
  linkHref: null,
};

/**
 * One rich-text part of the plan (strategy, journey, MQL or SQL criteria):
 * TipTap bound to its Y.XmlFragment, other people's carets with their names,
 * the plan's one extension list, and undo from the page's shared Yjs history
 * (Collaboration's `yUndoOptions.undoManager`), so Ctrl+Z here undoes only
 * this person's changes, in the same order as the Undo button.
 */
export function RichTextEditor({
  fragment,
  label,
  focus,
}: {
  fragment: Y.XmlFragment;
  /** Accessible name of the text area, e.g. "Strategy". */
  label: string;
  /** What this person's presence says while the caret is in here. */
  focus: EditorFocus;
}) {
  const { provider, canEdit, me, setFocus, undoManager } = usePlanEditor();
  const id = useId();
  const [linkRequest, setLinkRequest] = useState(0);
  const comments = useComments();
  const field = textFieldOf(focus);
  // Read by the editor's callbacks, which are set once when it is created.
  const live = useRef({ setFocus, focus, canEdit, comments });
  live.current = { setFocus, focus, canEdit, comments };

  const editor = useEditor(
    {
      extensions: [
        ...planExtensions(),
        Collaboration.configure({ fragment, yUndoOptions: { undoManager } }),
        CollaborationCaret.configure({
          provider,
          user: { id: me.userId, name: me.name, team: me.team, color: "" },
          render: renderCaret,
          selectionRender: renderSelection,
        }),
        Placeholder.configure({
          placeholder: ({ editor: current }) => (current.isEditable ? "Write here…" : "Nothing here yet."),
          showOnlyWhenEditable: false,
        }),
        ...(field
          ? [
              TextCommentHighlights.configure({
                field,
                onOpen: (threadId) => live.current.comments?.openThread(threadId),
              }),
            ]
          : []),
        Extension.create({
          name: "planKeys",
          // Before Collaboration's own undo keys (priority 1000): read-only text has no history to walk.
          priority: 1001,
          addKeyboardShortcuts: () => ({
            "Mod-k": () => {
              if (live.current.canEdit) setLinkRequest((n) => n + 1);
              return true;
            },
            "Mod-Alt-m": ({ editor: current }) => {
              const anchor = field ? selectionAnchor(current.state, field) : null;
              if (anchor && live.current.comments?.mayComment) live.current.comments.startThread(anchor);
              return true;
            },
            "Mod-z": () => !live.current.canEdit,
            "Shift-Mod-z": () => !live.current.canEdit,
            "Mod-y": () => !live.current.canEdit,
          }),
        }),
      ],
      editable: canEdit,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: () => ({
          id,
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": label,
          "aria-readonly": String(!live.current.canEdit),
          class: "rich-text",
        }),
        handleDOMEvents: {
          click: (view, event) => openLinkSafely(view.editable, event),
        },
      },
      onFocus: () => live.current.setFocus(live.current.focus),
      onBlur: () => live.current.setFocus(null),
    },
    [fragment, provider, undoManager],
  );

  useEffect(() => {
    if (editor.isEditable !== canEdit) editor.setEditable(canEdit);
  }, [editor, canEdit]);

  const format =
    useEditorState({
      editor,
      selector: ({ editor: current }): FormatState => formatState(current),
    }) ?? NO_FORMAT;

  const commentButton = useTextComments(editor, field, comments);

  return (
    <div className="rich-text-editor">
      {canEdit ? (
        <EditorToolbar
          label={label}
          editorId={id}
          state={format}
          linkRequest={linkRequest}
          onCommand={(command) => runFormat(editor, command)}
          onLink={(href) => applyLink(editor, href)}
          onDone={() => editor.commands.focus()}
        />
      ) : null}
      <EditorContent editor={editor} />
      {commentButton}
    </div>
  );
}

/** The comment field of a rich-text part: strategy and journey by section, the criteria by key. */
function textFieldOf(focus: EditorFocus): TextField | null {
  const name = focus.key ?? focus.section;
  return name in TEXT_FIELDS ? (name as TextField) : null;
}

function formatState(editor: Editor): FormatState {
  const href: unknown = editor.getAttributes("link").href;
  return {
    h2: editor.isActive("heading", { level: 2 }),
    h3: editor.isActive("heading", { level: 3 }),
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    bulletList: editor.isActive("bulletList"),
    orderedList: editor.isActive("orderedList"),
    link: editor.isActive("link"),
    linkHref: typeof href === "string" ? href : null,
  };
}

function runFormat(editor: Editor, command: FormatCommand): void {
  const chain = editor.chain().focus();
  switch (command) {
    case "h2":
      return void chain.toggleHeading({ level: 2 }).run();
    case "h3":
      return void chain.toggleHeading({ level: 3 }).run();
    case "bold":
      return void chain.toggleBold().run();
    case "italic":
      return void chain.toggleItalic().run();
    case "bulletList":
      return void chain.toggleBulletList().run();
    case "orderedList":
      return void chain.toggleOrderedList().run();
  }
}

function applyLink(editor: Editor, typed: string | null): string | null {
  if (typed === null) {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return null;
  }
  const target = linkTarget(typed);
  if (!target.ok) return target.message;
  const { href } = target;
  if (editor.state.selection.empty && !editor.isActive("link")) {
    editor
      .chain()
      .focus()
      .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
      .run();
  } else {
    editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
  }
  return null;
}

/**
 * Clicks on links never navigate the plan page away. A safe link opens in a
 * new tab when the text is read-only, or with Ctrl/Cmd+click while editing;
 * an unsafe one (a raw peer's `javascript:`, rendered without href) does
 * nothing at all.
 */
function openLinkSafely(editable: boolean, event: MouseEvent): boolean {
  const anchor = event.target instanceof Element ? event.target.closest("a") : null;
  if (!anchor) return false;
  event.preventDefault();
  const href = safeHref(anchor.getAttribute("href"));
  if (href && (!editable || event.ctrlKey || event.metaKey))
    window.open(href, "_blank", "noopener,noreferrer");
  return true;
}
