import { Form } from "@remix-run/react";
import type { NotificationJson, NotificationKind } from "../../domain/comments";
import { Avatar } from "../person";
import { RelativeTime } from "../relative-time";

const WHAT: Partial<Record<NotificationKind, string>> = {
  mention: "mentioned you",
  reply: "replied in a thread",
  resolved: "resolved a thread",
  reopened: "reopened a thread",
};

/** "mentioned you"; a kind this page does not know yet is read out as it is named. */
function what(kind: NotificationKind): string {
  return WHAT[kind] ?? String(kind).replace(/_/g, " ");
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
              <strong>{actor.name}</strong> {what(notification.kind)} on <strong>{plan.title}</strong>
            </span>
            {notification.excerpt ? (
              <span className="notification-excerpt">{notification.excerpt}</span>
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
              : {actor.name} {what(notification.kind)}
            </span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
