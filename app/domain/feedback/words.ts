import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from "./schemas";

/**
 * The words around the account in "marked your feedback on Acme as
 * planned" (or "replied to your feedback on Acme" when only the reply
 * changed: `status` null), so the inbox can set the account in bold.
 */
export function feedbackTriagedWords(status: FeedbackStatus | null): { before: string; after: string } {
  if (status === null) return { before: "replied to your feedback on", after: "" };
  return { before: "marked your feedback on", after: `as ${FEEDBACK_STATUS_LABELS[status].toLowerCase()}` };
}

/** What the author reads when their item moved; the inbox puts the actor's name before it. */
export function feedbackTriagedPhrase(account: string, status: FeedbackStatus | null): string {
  const { before, after } = feedbackTriagedWords(status);
  return after ? `${before} ${account} ${after}` : `${before} ${account}`;
}

/** Where an item is shown: the feedback page, scrolled to it. */
export function feedbackItemPath(feedbackId: string): string {
  return `/feedback?item=${feedbackId}`;
}
