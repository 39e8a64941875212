import type { Role } from "../membership";
import { can } from "../policy";

/** Who is asking, as far as comments care. */
export interface CommentActor {
  userId: string;
  role: Role;
}

/** Commenters, editors and owners may start threads and reply; viewers only read. */
export function mayComment(actor: CommentActor | null | undefined): boolean {
  return can(actor, "plan.comment");
}

/**
 * Resolve, reopen and mark blocking: the plan's editors (and owners), and the
 * person who started the thread as long as they may still comment.
 */
export function mayModerateThread(
  actor: CommentActor | null | undefined,
  thread: { authorId: string },
): boolean {
  if (!actor) return false;
  if (can(actor, "plan.edit")) return true;
  return actor.userId === thread.authorId && can(actor, "plan.comment");
}

/** Only its author edits or deletes a comment, while they may still comment. */
export function mayChangeComment(
  actor: CommentActor | null | undefined,
  comment: { authorId: string },
): boolean {
  return !!actor && actor.userId === comment.authorId && can(actor, "plan.comment");
}
