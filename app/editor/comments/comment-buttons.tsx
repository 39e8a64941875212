import { CommentCountButton } from "../../components/comments/comment-count-button";
import type { CommentSection, RowSection } from "../../domain/comments";
import { sectionLabel } from "../plan-sections";
import { useComments, type CommentsValue } from "./comments-context";

/** The first open thread on this anchor, in the order they were started. */
function firstOpen(comments: CommentsValue, matches: (thread: CommentsValue["threads"][number]) => boolean) {
  return comments.threads
    .filter((thread) => thread.status === "open" && matches(thread))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

/**
 * The comment button of a table row: opens the row's first open thread, or
 * starts one (for those who may comment). Nothing outside a plan page, and
 * nothing for a reader on a row nobody has commented on.
 */
export function RowCommentButton({
  section,
  rowId,
  name,
}: {
  section: RowSection;
  rowId: string;
  name: string;
}) {
  const comments = useComments();
  if (!comments) return null;
  const count = comments.openCountForRow(section, rowId);
  if (count === 0 && !comments.mayComment) return null;
  return (
    <CommentCountButton
      label={`Comment on ${name}`}
      count={count}
      variant="row"
      onClick={() => {
        const thread = firstOpen(comments, (t) => t.anchor.kind === "row" && t.anchor.rowId === rowId);
        if (thread) comments.openThread(thread.id);
        else comments.startThread({ kind: "row", section, rowId, quote: name });
      }}
    />
  );
}

/** The comment button of a section header: the section's first open thread, or a new one. */
export function SectionCommentButton({ section }: { section: CommentSection }) {
  const comments = useComments();
  if (!comments) return null;
  const count = comments.openCountForSection(section);
  if (count === 0 && !comments.mayComment) return null;
  return (
    <CommentCountButton
      label={`Comment on the ${sectionLabel(section)} section`}
      count={count}
      variant="section"
      onClick={() => {
        const thread = firstOpen(
          comments,
          (t) => t.anchor.kind === "section" && t.anchor.section === section,
        );
        if (thread) comments.openThread(thread.id);
        else comments.startThread({ kind: "section", section });
      }}
    />
  );
}
