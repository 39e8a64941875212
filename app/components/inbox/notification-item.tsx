import { Form } from "@remix-run/react";
import type { NotificationJson, NotificationKind } from "../../domain/comments";
import { feedbackTriagedPhrase, feedbackTriagedWords } from "../../domain/feedback";
import { Avatar } from "../person";
import { RelativeTime } from "../relative-time";

/**
 * "Sam Carter mentioned you on FY27 Q1", "Raj Mehta approved FY27 Q1": the
 * words between who and which plan, by kind. Keyed by string so kinds added
 * to the domain later read sensibly before they get words of their own.
 */
const PHRASES: Record<string, string> = {
  mention: "mentioned you on",
  reply: "replied in a thread on",
  resolved: "resolved a thread on",
  reopened: "reopened a thread on",
  review_requested: "asked you to review",
  changes_requested: "requested changes to",
  plan_approved: "approved",
};

function phrase(kind: NotificationKind): string {
  return PHRASES[kind] ?? `${String(kind).replace(/_/g, " ")}:`;
}

/**
 * What follows the actor's name: "mentioned you on" and the plan, or, for
 * field feedback, "marked your feedback on Acme as planned".
 */
function Words({ notification }: { notification: NotificationJson }) {
  const { feedback, plan } = notification;
  if (feedback) {
    const { before, after } = feedbackTriagedWords(feedback.status);
    return (
      <>
        {before} <strong>{feedback.account}</strong>
        {after ? ` ${after}` : ""}
      </>
    );
  }
  return (
    <>
      {phrase(notification.kind)} <strong>{plan?.title ?? "a plan"}</strong>
    </>
  );
}

/** The same words as plain text, for the "Mark read" button's accessible name. */
function wordsText(notification: NotificationJson): string {
  const { feedback, plan } = notification;
  if (feedback) return feedbackTriagedPhrase(feedback.account, feedback.status);
  return `${phrase(notification.kind)} ${plan?.title ?? "a plan"}`;
}

/**
 * One notification of the inbox: who did what on which plan (or to which
 * feedback item), the excerpt and when. The whole line is a button that
 * marks it read and opens the thread or item; "Mark read" only marks it.
 * Plain forms, so both work before the page's JavaScript has loaded.
 */
export function NotificationItem({ notification }: { notification: NotificationJson }) {
  const unread = notification.readAt === null;
  const { actor, plan, feedback } = notification;
  return (
    <li className={`notification${unread ? " is-unread" : ""}`}>
      <Form method="post" className="notification-open">
        <input type="hidden" name="intent" value="open" />
        <input type="hidden" name="id" value={notification.id} />
        <input type="hidden" name="planId" value={plan?.id ?? ""} />
        <input type="hidden" name="threadId" value={notification.threadId ?? ""} />
        <input type="hidden" name="feedbackId" value={feedback?.id ?? ""} />
        <button type="submit" className="notification-main">
          <Avatar name={actor.name} team={actor.team} />
          <span className="notification-text">
            <span className="notification-line">
              {unread ? <span className="visually-hidden">Unread: </span> : null}
              <strong>{actor.name}</strong> <Words notification={notification} />
            </span>
            {notification.excerpt ? (
              <span className="notification-excerpt clamp">{notification.excerpt}</span>
            ) : null}
            <RelativeTime iso={notification.createdAt} className="notification-time" />
          </span>
        </button>
      </Form>
      {unread ? (
        <Form method="post" className="notification-read">
          <input type="hidden" name="intent" value="read" />
          <input type="hidden" name="id" value={notification.id} />
          <button type="submit" className="button secondary small">
            Mark read
            <span className="visually-hidden">{` (${actor.name} ${wordsText(notification)})`}</span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
