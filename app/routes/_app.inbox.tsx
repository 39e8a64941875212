import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { NotificationItem } from "../components/inbox/notification-item";
import inboxStylesheet from "../styles/inbox.css?url";
import { requireMember } from "../utils/auth.server";
import { badRequest } from "../utils/http.server";
import { useLiveEvents } from "../utils/live-events";
import {
  InboxActionSchema,
  InboxFilterSchema,
  loadInbox,
  notificationPath,
  type InboxFilter,
} from "./inbox.server";
import { markRead, unreadCount } from "../utils/notifications.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inboxStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && data.unread > 0 ? `Inbox (${data.unread}) · Accord` : "Inbox · Accord" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  const filter = InboxFilterSchema.parse(new URL(request.url).searchParams.get("show") ?? undefined);
  const [notifications, unread] = await Promise.all([
    loadInbox(context, member.user.id, filter),
    unreadCount(context, member.user.id),
  ]);
  return { filter, notifications, unread };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request, context);
  const form = Object.fromEntries(await request.formData());
  const parsed = InboxActionSchema.safeParse(form);
  if (!parsed.success) throw badRequest({}, parsed.error.issues[0]?.message);
  const input = parsed.data;
  if (input.intent === "read-all") await markRead(context, member.user.id, { all: true });
  else await markRead(context, member.user.id, { ids: [input.id] });
  if (input.intent === "open") throw redirect(notificationPath(input));
  return { ok: true };
}

const FILTER_LABELS: Record<InboxFilter, string> = { unread: "Unread", all: "All" };

export default function Inbox() {
  const { filter, notifications, unread } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.location?.pathname === "/inbox";
  useRefreshOnNews(unread);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Inbox</h1>
          <p className="muted">
            Mentions of you, replies and resolutions in the threads you take part in, and answers to the
            feedback you filed.
          </p>
        </div>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button secondary">
              Mark all read
            </button>
          </Form>
        ) : null}
      </div>
      <nav className="tabs" aria-label="Show notifications">
        {(Object.keys(FILTER_LABELS) as InboxFilter[]).map((value) => (
          <Link
            key={value}
            to={value === "unread" ? "." : `?show=${value}`}
            aria-current={filter === value ? "page" : undefined}
          >
            {FILTER_LABELS[value]}
            {value === "unread" && unread > 0 ? ` (${unread})` : ""}
          </Link>
        ))}
      </nav>
      <div className={`inbox${busy ? " is-loading" : ""}`} aria-busy={busy}>
        {busy ? (
          <p className="inbox-loading muted" role="status">
            Loading…
          </p>
        ) : null}
        {notifications.length === 0 ? (
          <div className="card empty-state">
            <h2>You’re all caught up</h2>
            <p>
              {filter === "unread"
                ? "Nothing unread. When someone mentions you, or replies in a thread you take part in, it shows up here."
                : "No notifications yet. When someone mentions you, or replies in a thread you take part in, it shows up here."}
            </p>
            {filter === "unread" ? <Link to="?show=all">Show all notifications</Link> : null}
          </div>
        ) : (
          <ul
            className="card notification-list"
            aria-label={filter === "unread" ? "Unread notifications" : "Notifications"}
          >
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

/** New notifications (or reads in another tab) change the live count: load the list again. */
function useRefreshOnNews(unread: number) {
  const live = useLiveEvents()?.unread;
  const revalidator = useRevalidator();
  useEffect(() => {
    if (live === undefined || live === unread || revalidator.state !== "idle") return;
    revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the live count moves
  }, [live]);
}
