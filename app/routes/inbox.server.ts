import { z } from "zod";
import { announceInbox } from "../../db/queries/live-events";
import { countUnread, listNotifications, markNotificationsRead } from "../../db/queries/notifications";
import type { NotificationJson } from "../domain/comments";
import type { AccordContext } from "../utils/context.server";

/**
 * The inbox page's reads and writes. Marking read tells every open tab of
 * the person (the unread count in their navigation) in the same
 * transaction, as the API's POST /api/notifications/read does.
 */

/** How many notifications the page shows at once. */
export const INBOX_LIMIT = 100;

export const INBOX_FILTERS = ["unread", "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** A bad `?show=` shows the unread ones rather than an error. */
export const InboxFilterSchema = z.enum(INBOX_FILTERS).catch("unread");

/** The inbox forms: open one (read it and go to its thread), mark one read, mark all read. */
export const InboxActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("open"),
      id: z.uuid({ error: "Choose a notification." }),
      planId: z.uuid({ error: "The notification names no plan." }),
      /** Empty for a notification about the plan itself (no thread). */
      threadId: z.union([z.uuid({ error: "The notification names no thread." }), z.literal("")]),
    }),
    z.object({ intent: z.literal("read"), id: z.uuid({ error: "Choose a notification." }) }),
    z.object({ intent: z.literal("read-all") }),
  ],
  { error: "Choose what to do with the notifications." },
);
export type InboxAction = z.output<typeof InboxActionSchema>;

export async function loadInbox(
  context: AccordContext,
  userId: string,
  filter: InboxFilter,
): Promise<NotificationJson[]> {
  return listNotifications(context.sql, userId, { unreadOnly: filter === "unread", limit: INBOX_LIMIT });
}

export async function unreadCount(context: AccordContext, userId: string): Promise<number> {
  return (await countUnread(context.sql, [userId])).get(userId) ?? 0;
}

/** Marks the person's own notifications read; another person's ids change nothing. */
export async function markRead(
  context: AccordContext,
  userId: string,
  which: { ids: string[] } | { all: true },
): Promise<void> {
  await context.sql.begin(async (tx) => {
    const changed = await markNotificationsRead(tx, userId, which);
    if (changed > 0) await announceInbox(tx, [userId]);
  });
}

/** Where a notification leads: its plan, with the thread open when it is about one. */
export function threadPath(planId: string, threadId: string): string {
  return threadId ? `/plans/${planId}?thread=${threadId}` : `/plans/${planId}`;
}
