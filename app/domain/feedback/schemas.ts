import { z } from "zod";
import type { PersonJson } from "../comments/schemas";
import { CONTENT_SECTIONS, type ContentSection } from "../plan/layout";
import { withoutNul } from "../text";

/**
 * Field feedback (DESIGN.md section 6): what the field hears from customers,
 * filed by anyone in the workspace and triaged by marketing. The inputs of
 * POST /api/feedback, PATCH /api/feedback/:id and the list's filters, and
 * the JSON the API answers with (docs/API.md, "Field feedback").
 */

export const FEEDBACK_TAGS = [
  "objection",
  "competitor",
  "pricing",
  "product_gap",
  "content_request",
] as const;
export type FeedbackTag = (typeof FEEDBACK_TAGS)[number];

export const FEEDBACK_TAG_LABELS: Record<FeedbackTag, string> = {
  objection: "Objection",
  competitor: "Competitor",
  pricing: "Pricing",
  product_gap: "Product gap",
  content_request: "Content request",
};

/** new: not looked at yet; planned: marketing will act on it; done: it did; declined: it won't. */
export const FEEDBACK_STATUSES = ["new", "planned", "done", "declined"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: "New",
  planned: "Planned",
  done: "Done",
  declined: "Declined",
};

/** Still waiting for something to happen: what the dashboard counts as open. */
export const OPEN_FEEDBACK_STATUSES: readonly FeedbackStatus[] = ["new", "planned"];

/** The plan sections marketing may link an item to, in the plan page's reading order. */
export const FEEDBACK_SECTIONS = CONTENT_SECTIONS;
export type FeedbackSection = ContentSection;

export const MAX_ACCOUNT_LENGTH = 200;
export const MAX_INSIGHT_LENGTH = 5000;
export const MAX_REPLY_LENGTH = 5000;
export const MAX_SEARCH_LENGTH = 200;
export const MAX_FEEDBACK_PAGE = 100;

/** Free text as stored: no NUL, line ends as \n, trimmed. */
const cleanText = (text: string) => withoutNul(text).replace(/\r\n?/g, "\n").trim();

const text = (what: string, max: number, required: string) =>
  z
    .string({ error: required })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, required)
        .max(max, `Keep ${what} under ${max.toLocaleString("en")} characters.`),
    );

const AccountSchema = text("the account", MAX_ACCOUNT_LENGTH, "Name the account.");
const InsightSchema = text("the insight", MAX_INSIGHT_LENGTH, "Write what the customer said.");

export const FeedbackTagSchema = z.enum(FEEDBACK_TAGS, {
  error: `A tag is one of ${FEEDBACK_TAGS.join(", ")}.`,
});
export const FeedbackStatusSchema = z.enum(FEEDBACK_STATUSES, {
  error: `status is one of ${FEEDBACK_STATUSES.join(", ")}.`,
});
export const FeedbackSectionSchema = z.enum(FEEDBACK_SECTIONS, {
  error: "Choose one of the plan's sections.",
});

/** One tag at least; each once, in the order of FEEDBACK_TAGS. */
const TagsSchema = z
  .array(FeedbackTagSchema, { error: "Choose at least one tag." })
  .min(1, "Choose at least one tag.")
  .max(20, "Choose at most the five tags.")
  .transform((tags) => FEEDBACK_TAGS.filter((tag) => tags.includes(tag)));

const optionalId = (error: string) => z.uuid({ error }).nullable().optional();

/** The reply: empty or null takes it away. */
const ReplySchema = z
  .string({ error: "The reply is text." })
  .transform(cleanText)
  .pipe(
    z
      .string()
      .max(MAX_REPLY_LENGTH, `Keep the reply under ${MAX_REPLY_LENGTH.toLocaleString("en")} characters.`),
  )
  .transform((reply) => (reply === "" ? null : reply))
  .nullable();

const LINK_NEEDS_PLAN = "Choose the plan it belongs to first.";

/** A market or campaign is a row of the item's plan, so it needs one. */
function linksNeedPlan(
  value: { planId?: string | null; targetMarketId?: string | null; campaignId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.planId) return;
  if (value.targetMarketId)
    ctx.addIssue({ code: "custom", message: LINK_NEEDS_PLAN, path: ["targetMarketId"] });
  if (value.campaignId) ctx.addIssue({ code: "custom", message: LINK_NEEDS_PLAN, path: ["campaignId"] });
}

/** POST /api/feedback: an insight from the field. Plan, market and campaign are optional. */
export const FeedbackCreateSchema = z
  .object({
    account: AccountSchema,
    insight: InsightSchema,
    tags: TagsSchema,
    planId: optionalId("Choose a plan of this workspace."),
    targetMarketId: optionalId("Choose a target market of the plan."),
    campaignId: optionalId("Choose a campaign of the plan."),
  })
  .superRefine((value, ctx) => linksNeedPlan(value, ctx));
export type FeedbackCreate = z.output<typeof FeedbackCreateSchema>;

/** The fields of an item its author may change while it is new. */
export const FEEDBACK_CONTENT_FIELDS = [
  "account",
  "insight",
  "tags",
  "planId",
  "targetMarketId",
  "campaignId",
] as const;
/** The fields of triage: marketing's answer. */
export const FEEDBACK_TRIAGE_FIELDS = ["status", "reply", "section"] as const;

/**
 * PATCH /api/feedback/:id: any of the author's fields and of triage's; a
 * field left out stays as it is, null clears it. Changing the plan clears
 * the market, campaign and section unless the same request sets them.
 */
export const FeedbackUpdateSchema = z
  .object({
    account: AccountSchema.optional(),
    insight: InsightSchema.optional(),
    tags: TagsSchema.optional(),
    planId: optionalId("Choose a plan of this workspace."),
    targetMarketId: optionalId("Choose a target market of the plan."),
    campaignId: optionalId("Choose a campaign of the plan."),
    status: FeedbackStatusSchema.optional(),
    reply: ReplySchema.optional(),
    section: FeedbackSectionSchema.nullable().optional(),
  })
  .refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: "Send at least one field to change.",
  });
export type FeedbackUpdate = z.output<typeof FeedbackUpdateSchema>;

/** Which kinds of right a change needs: the author's, triage's, or both. */
export function rightsNeeded(update: FeedbackUpdate): { content: boolean; triage: boolean } {
  const given = (field: keyof FeedbackUpdate) => update[field] !== undefined;
  return {
    content: FEEDBACK_CONTENT_FIELDS.some(given),
    triage: FEEDBACK_TRIAGE_FIELDS.some(given),
  };
}

const flag = (name: string) =>
  z
    .enum(["1", "0", "true", "false"], { error: `${name} is 1 or 0.` })
    .optional()
    .transform((value) => value === "1" || value === "true");

/**
 * GET /api/feedback (and the page's URL): which items, newest first.
 * `before` is the `next` of the previous page.
 */
export const FeedbackListQuerySchema = z.object({
  status: FeedbackStatusSchema.optional(),
  tag: FeedbackTagSchema.optional(),
  plan: z.uuid({ error: "plan is the id of a plan." }).optional(),
  market: z.uuid({ error: "market is the id of a target market." }).optional(),
  campaign: z.uuid({ error: "campaign is the id of a campaign." }).optional(),
  mine: flag("mine"),
  q: z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(MAX_SEARCH_LENGTH, `Keep the search under ${MAX_SEARCH_LENGTH} characters.`))
    .optional()
    .transform((q) => q || undefined),
  before: z.uuid({ error: "before is the next cursor of a previous page." }).optional(),
  limit: z.coerce
    .number({ error: `limit is a number from 1 to ${MAX_FEEDBACK_PAGE}.` })
    .int(`limit is a number from 1 to ${MAX_FEEDBACK_PAGE}.`)
    .min(1, `limit is a number from 1 to ${MAX_FEEDBACK_PAGE}.`)
    .max(MAX_FEEDBACK_PAGE, `limit is a number from 1 to ${MAX_FEEDBACK_PAGE}.`)
    .default(50),
});
export type FeedbackListQuery = z.output<typeof FeedbackListQuerySchema>;

/** A market or campaign an item names; `name` is null once the row is gone from the plan. */
export interface FeedbackRefJson {
  id: string;
  name: string | null;
}

export interface FeedbackJson {
  id: string;
  account: string;
  /** Plain text, as stored: show it as text. */
  insight: string;
  tags: FeedbackTag[];
  status: FeedbackStatus;
  reply: string | null;
  author: PersonJson;
  plan: { id: string; title: string } | null;
  targetMarket: FeedbackRefJson | null;
  campaign: FeedbackRefJson | null;
  section: FeedbackSection | null;
  triagedBy: PersonJson | null;
  triagedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FeedbackStatusCounts = Record<FeedbackStatus, number>;

/** GET /api/feedback */
export interface FeedbackPageJson {
  items: FeedbackJson[];
  /** Items per status that match every filter but `status` (and paging). */
  counts: FeedbackStatusCounts;
  /** The `before` of the next page; null on the last. */
  next: string | null;
}

/** The dashboard's count of a plan's items per tag: all of them, and those still new or planned. */
export interface FeedbackTagCount {
  tag: FeedbackTag;
  total: number;
  open: number;
}
