import { Form } from "@remix-run/react";
import type { NotificationJson, NotificationKind } from "../../domain/comments";
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
 * One notification of the inbox: who did what on which plan, the excerpt
 * and when. The whole line is a button that marks it read and opens the
 * thread; "Mark read" only marks it. Plain forms, so both work before the
 * page's JavaScript has loaded.
 */
export function NotificationItem({ notification }: { notification: NotificationJson }) {
  const unread = notification.readAt === null;
  const { actor, plan } = notification;
  return (
    <li className={`notification${unread ? " is-unread" : ""}`}>
      <Form method="post" className="notification-open">
        <input type="hidden" name="intent" value="open" />
        <input type="hidden" name="id" value={notification.id} />
        <input type="hidden" name="planId" value={plan.id} />
        <input type="hidden" name="threadId" value={notification.threadId ?? ""} />
        <button type="submit" className="notification-main">
          <Avatar name={actor.name} team={actor.team} />
          <span className="notification-text">
            <span className="notification-line">
              {unread ? <span className="visually-hidden">Unread: </span> : null}
              <strong>{actor.name}</strong> {phrase(notification.kind)} <strong>{plan.title}</strong>
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
            <span className="visually-hidden">
              {` (${actor.name} ${phrase(notification.kind)} ${plan.title})`}
            </span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
