import type { Role, Team } from "../membership";
import type { FeedbackStatus } from "./schemas";

/**
 * Who may do what with field feedback, for the page (to show or hide the
 * controls) and the server (to refuse) alike. Anyone in the workspace files
 * an insight; marketing answers it.
 */

export const NO_RIGHT_TO_TRIAGE = "Only marketing editors and the workspace owner can triage feedback.";
export const NO_RIGHT_TO_EDIT = "Only its author can change an item, and only while it is new.";
export const NO_RIGHT_TO_CHANGE = "Only its author (while it is new) and marketing can change this item.";

/** The smallest facts about a member that decide what they may do with feedback. */
export interface FeedbackActor {
  userId: string;
  role: Role;
  team: Team;
}

/** Triage (status, reply, section link): the owner, and marketing's editors and owners. */
export function canTriageFeedback(member: { role: Role; team: Team }): boolean {
  if (member.role === "owner") return true;
  return member.team === "marketing" && member.role === "editor";
}

/** The author changes what they filed (account, insight, tags, links) until marketing has moved it. */
export function canEditFeedback(
  member: { userId: string },
  item: { authorId: string; status: FeedbackStatus },
): boolean {
  return item.authorId === member.userId && item.status === "new";
}

/** Whether the member may change anything of the item at all. */
export function canChangeFeedback(
  member: FeedbackActor,
  item: { authorId: string; status: FeedbackStatus },
): boolean {
  return canTriageFeedback(member) || canEditFeedback(member, item);
}
