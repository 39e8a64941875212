import { z } from "zod";
import { listNotifications } from "../../db/queries/notifications";
import type { NotificationJson } from "../domain/comments";
import { feedbackItemPath } from "../domain/feedback";
import type { AccordContext } from "../utils/context.server";

/**
 * The inbox page's filters and forms. Counting and marking read are the
 * API's own (app/utils/notifications.server.ts), so the page and
 * POST /api/notifications/read behave alike.
 */

/** How many notifications the page shows at once. */
export const INBOX_LIMIT = 100;

export const INBOX_FILTERS = ["unread", "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** A bad `?show=` shows the unread ones rather than an error. */
export const InboxFilterSchema = z.enum(INBOX_FILTERS).catch("unread");

/** The inbox forms: open one (read it and go to its thread or item), mark one read, mark all read. */
export const InboxActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("open"),
      id: z.uuid({ error: "Choose a notification." }),
      /** Empty for a notification about a field feedback item. */
      planId: z.union([z.uuid({ error: "The notification names no plan." }), z.literal("")]),
      /** Empty for a notification about the plan itself (no thread). */
      threadId: z.union([z.uuid({ error: "The notification names no thread." }), z.literal("")]),
      /** The field feedback item it is about; empty (or left out) for the others. */
      feedbackId: z
        .union([z.uuid({ error: "The notification names no feedback." }), z.literal("")])
        .default(""),
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

/** Where a notification leads: its plan, with the thread open when it is about one. */
export function threadPath(planId: string, threadId: string): string {
  return threadId ? `/plans/${planId}?thread=${threadId}` : `/plans/${planId}`;
}

/** Where the "open" form goes: the feedback item, or the plan and thread. */
export function notificationPath(open: { planId: string; threadId: string; feedbackId: string }): string {
  if (open.feedbackId) return feedbackItemPath(open.feedbackId);
  if (!open.planId) return "/inbox";
  return threadPath(open.planId, open.threadId);
}
