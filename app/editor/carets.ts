import type { DecorationAttrs } from "@tiptap/pm/view";
import { TEAMS } from "../domain/membership";

/**
 * How other people's carets and selections look in the rich text: a thin
 * line in their team's colour with their name on a small label. The colour
 * comes from the `team-<team>` CSS classes (the same as their avatar), or
 * from the colour the server stamped when the team is unknown. Names are set
 * as text, never as HTML: they come from other people's presence states.
 */

type CaretUser = Record<string, unknown>;

function teamClass(user: CaretUser): string | null {
  return typeof user.team === "string" && (TEAMS as readonly string[]).includes(user.team)
    ? `team-${user.team}`
    : null;
}

function nameOf(user: CaretUser): string {
  return typeof user.name === "string" && user.name.trim() ? user.name.trim() : "Someone";
}

export function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement("span");
  caret.className = ["collab-caret", teamClass(user)].filter(Boolean).join(" ");
  if (!teamClass(user) && typeof user.color === "string") caret.style.setProperty("--team", user.color);
  caret.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "collab-caret-label";
  label.textContent = nameOf(user);
  caret.append(label);
  return caret;
}

export function renderSelection(user: CaretUser): DecorationAttrs {
  const attrs: DecorationAttrs = {
    nodeName: "span",
    class: ["collab-selection", teamClass(user)].filter(Boolean).join(" "),
  };
  if (!teamClass(user) && typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color)) {
    attrs.style = `--team: ${user.color}`;
  }
  return attrs;
}
