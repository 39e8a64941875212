import { z } from "zod";
import type { FeedbackStatus } from "../feedback/schemas";
import type { Team } from "../membership";
import { withoutNul } from "../text";
import { AnchorSchema, type Anchor } from "./anchor";
import { MAX_BODY_LENGTH, MAX_MENTIONS } from "./body";

/**
 * The comment API's inputs (validated by the server and by the composer in
 * the browser) and the JSON it answers with (docs/API.md, "Comments").
 */

export const CommentBodySchema = z
  .string({ error: "Write a comment." })
  .transform((text) => withoutNul(text).replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a comment.")
      .max(MAX_BODY_LENGTH, `Keep a comment under ${MAX_BODY_LENGTH.toLocaleString("en")} characters.`),
  );

/** Ids of the members the composer inserted with "@"; the server keeps those still named in the body. */
export const MentionsSchema = z
  .array(z.uuid({ error: "Mentions are member ids." }), { error: "Mentions are a list of member ids." })
  .max(MAX_MENTIONS, `Mention at most ${MAX_MENTIONS} people in one comment.`)
  .default([]);

/** POST /api/plans/:planId/threads */
export const ThreadCreateSchema = z.object({
  anchor: AnchorSchema,
  body: CommentBodySchema,
  mentions: MentionsSchema,
  blocking: z.boolean({ error: "blocking is true or false." }).default(false),
});
export type ThreadCreate = z.output<typeof ThreadCreateSchema>;

/** POST /api/threads/:threadId/comments and PATCH /api/comments/:commentId */
export const CommentWriteSchema = z.object({
  body: CommentBodySchema,
  mentions: MentionsSchema,
});
export type CommentWrite = z.output<typeof CommentWriteSchema>;

/** PATCH /api/threads/:threadId: mark or unmark an objection. */
export const ThreadUpdateSchema = z.object({
  blocking: z.boolean({ error: "blocking is true or false." }),
});

export const THREAD_FILTERS = ["open", "resolved", "all"] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

/** GET /api/plans/:planId/threads?status=open|resolved|all&mentioning=me */
export const ThreadListQuerySchema = z.object({
  status: z.enum(THREAD_FILTERS, { error: "status is open, resolved or all." }).default("all"),
  mentioning: z.literal("me", { error: 'mentioning can only be "me".' }).optional(),
});

/** POST /api/notifications/read: some notifications, or all of them. */
export const NotificationsReadSchema = z.union(
  [
    z
      .object({
        ids: z
          .array(z.uuid({ error: "Notification ids are UUIDs." }))
          .min(1)
          .max(500),
      })
      .strict(),
    z.object({ all: z.literal(true) }).strict(),
  ],
  { error: 'Send {"ids": [...]} or {"all": true}.' },
);

export interface PersonJson {
  id: string;
  name: string;
  team: Team;
}

export interface CommentJson {
  id: string;
  threadId: string;
  author: PersonJson;
  /** Null once deleted: the thread then shows "deleted" in its place. */
  body: string | null;
  mentions: { id: string; name: string }[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export type ThreadStatus = "open" | "resolved";

export interface ThreadJson {
  id: string;
  planId: string;
  anchor: Anchor;
  status: ThreadStatus;
  blocking: boolean;
  author: PersonJson;
  createdAt: string;
  /** The last comment, resolution or reopening. */
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: PersonJson | null;
  comments: CommentJson[];
}

/** What a comment tells people about. */
export const COMMENT_NOTIFICATION_KINDS = ["mention", "reply", "resolved", "reopened"] as const;
/** What the sign-off workflow tells people about (DESIGN.md section 5). */
export const SIGNOFF_NOTIFICATION_KINDS = ["review_requested", "changes_requested", "plan_approved"] as const;
/** What field feedback tells its author (DESIGN.md section 6). */
export const FEEDBACK_NOTIFICATION_KINDS = ["feedback_triaged"] as const;
export const NOTIFICATION_KINDS = [
  ...COMMENT_NOTIFICATION_KINDS,
  ...SIGNOFF_NOTIFICATION_KINDS,
  ...FEEDBACK_NOTIFICATION_KINDS,
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationJson {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  actor: PersonJson;
  /** Null for feedback_triaged: an item is of the workspace, whatever plan it names. */
  plan: { id: string; title: string } | null;
  /** Null for review_requested and plan_approved, which are about the whole plan, and for feedback_triaged. */
  threadId: string | null;
  commentId: string | null;
  /** The first 200 characters of the comment, or the thread's quote; empty for the plan's sign-off steps. */
  excerpt: string;
  /**
   * feedback_triaged only: the item, and the status the change set (null
   * when only the reply changed).
   */
  feedback: { id: string; account: string; status: FeedbackStatus | null } | null;
}

/**
 * What the event stream (GET /api/events?plan=) sends. `signoff` says the
 * plan's sign-off state or versions changed: read GET /api/plans/:id/signoff.
 * `actuals` says its actuals changed: read GET /api/plans/:id/metrics.
 */
export type LiveEvent =
  | { type: "thread"; thread: ThreadJson }
  | { type: "inbox"; unread: number }
  | { type: "signoff"; planId: string }
  | { type: "actuals"; planId: string };
