import { getSchema, type AnyExtension } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { isSafeHref } from "./links";

/**
 * THE TipTap extension list of a plan's rich text. The editor and every
 * server-side transform (projection, template, export, diff) build their
 * ProseMirror schema from this one list, so a node the editor can write is a
 * node the server can read, and the other way round.
 */

/** Heading levels a plan offers: level 1 is the section title, drawn by the page. */
export const HEADING_LEVELS = [2, 3] as const;

/**
 * The plan's extensions, without collaboration. The editor adds
 * `Collaboration` and `CollaborationCaret` on top (and `Placeholder` if it
 * likes; neither changes the schema).
 *
 * - `undoRedo: false`: with Collaboration, undo comes from the Yjs
 *   UndoManager (it undoes only your own changes); TipTap's history would
 *   undo other people's edits and fights the Yjs binding.
 * - Link: no navigation on click while editing, autolink on, and only
 *   http(s)/mailto targets (`isSafeHref`): a pasted `javascript:` link is
 *   refused by the editor and dropped by the projection.
 *   `protocols` stays empty on purpose: http, https and mailto are linkify's
 *   built-ins, and re-registering them changes how mailto is detected and
 *   logs a linkify warning for every editor after the first on a page.
 */
export function planExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      // An empty paragraph appended on load would be an edit by whoever opens
      // the plan, read-only people included (whose edits the server drops).
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
  ];
}

/**
 * The ProseMirror schema of plan rich text, built once from `planExtensions()`.
 * Server code converts between Yjs and ProseMirror JSON with it; it needs no DOM.
 */
export const planSchema = getSchema(planExtensions());
