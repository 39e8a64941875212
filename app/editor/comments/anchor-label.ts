import { anchorSection, type Anchor } from "../../domain/comments";
import type { AnchorView } from "../../components/comments/thread-card";
import { sectionLabel } from "../plan-sections";
import type { AnchorState } from "./comments-context";

/**
 * How the panel names what a thread hangs on: the section, then the quoted
 * text, "Row: <name>" or "Whole section". The quote stays with a detached
 * anchor, so people still see what was discussed.
 */
export function anchorView(anchor: Anchor, state: AnchorState | undefined): AnchorView {
  const section = sectionLabel(anchorSection(anchor));
  const detached = state?.detached ?? false;
  if (anchor.kind === "section") return { section, what: "Whole section", detached: false };
  if (anchor.kind === "row") return { section, what: `Row: ${anchor.quote || "a row"}`, detached };
  const part =
    anchor.field === "mqlCriteria"
      ? "MQL criteria: "
      : anchor.field === "sqlCriteria"
        ? "SQL criteria: "
        : "";
  return { section, what: `${part}“${anchor.quote}”`, detached };
}
