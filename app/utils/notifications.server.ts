import { z } from "zod";
import { announceInbox } from "../../db/queries/live-events";
import { countUnread, listNotifications, markNotificationsRead } from "../../db/queries/notifications";
import type { NotificationJson, NotificationsReadSchema } from "../domain/comments";
import type { AccordContext } from "./context.server";

/**
 * The inbox: a member's notifications across every workspace they belong
 * to, and their unread count (the number in the navigation).
 */

/** GET /api/notifications?unread=1&limit=50 */
export const NotificationsQuerySchema = z.object({
  unread: z
    .enum(["1", "0", "true", "false"], { error: "unread is 1 or 0." })
    .optional()
    .transform((value) => value === "1" || value === "true"),
  limit: z.coerce
    .number({ error: "limit is a number from 1 to 200." })
    .int("limit is a number from 1 to 200.")
    .min(1, "limit is a number from 1 to 200.")
    .max(200, "limit is a number from 1 to 200.")
    .default(50),
});

export async function unreadCount(context: AccordContext, userId: string): Promise<number> {
  return (await countUnread(context.sql, [userId])).get(userId) ?? 0;
}

export async function inboxOf(
  context: AccordContext,
  userId: string,
  query: z.output<typeof NotificationsQuerySchema>,
): Promise<{ notifications: NotificationJson[]; unread: number }> {
  const [notifications, unread] = await Promise.all([
    listNotifications(context.sql, userId, { unreadOnly: query.unread, limit: query.limit }),
    unreadCount(context, userId),
  ]);
  return { notifications, unread };
}

/**
 * Marks the user's own notifications read (ids of anyone else's are
 * ignored) and tells the user's other tabs; returns the new unread count.
 */
export async function markRead(
  context: AccordContext,
  userId: string,
  which: z.output<typeof NotificationsReadSchema>,
): Promise<number> {
  await context.sql.begin(async (tx) => {
    const changed = await markNotificationsRead(tx, userId, which);
    if (changed) await announceInbox(tx, [userId]);
  });
  return unreadCount(context, userId);
}
