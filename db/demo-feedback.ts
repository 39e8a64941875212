import type { FeedbackSection, FeedbackStatus, FeedbackTag } from "../app/domain/feedback";
import { insertFeedback } from "./queries/feedback";
import { insertNotifications } from "./queries/notifications";
import type { Tx } from "./sql";

/**
 * The demo workspace's field feedback, so the feedback page and the
 * dashboard's counts by tag show something worth reading: six things the
 * field heard this quarter, in every state, one of them answered by Lena.
 * Sam, its author, finds her answer (already read) in his inbox.
 *
 * `marketIds` and `campaignIds` are the demo plan's rows in the order
 * db/demo-plan.ts writes them (retail, logistics, SMB; the webinar series,
 * the trade-show follow-up, paid search, the benchmark report, the roadshow, the
 * trial ads). A missing one just leaves an item unlinked.
 */
export async function seedDemoFeedback(
  tx: Tx,
  demo: {
    workspaceId: string;
    planId: string;
    marketIds: readonly string[];
    campaignIds: readonly string[];
    people: Record<"maya" | "sam" | "lena" | "raj", { id: string }>;
  },
): Promise<void> {
  const { maya, sam, lena, raj } = demo.people;
  const [retail, logistics, smb] = demo.marketIds;
  const [webinars, , , benchmark, , trialAds] = demo.campaignIds;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  const item = async (
    by: { id: string },
    days: number,
    fields: {
      account: string;
      insight: string;
      tags: FeedbackTag[];
      market?: string;
      campaign?: string;
      status?: FeedbackStatus;
      reply?: string;
      section?: FeedbackSection;
      triage?: { by: { id: string }; days: number };
    },
  ) =>
    insertFeedback(tx, {
      workspaceId: demo.workspaceId,
      authorId: by.id,
      account: fields.account,
      insight: fields.insight,
      tags: fields.tags,
      planId: demo.planId,
      targetMarketId: fields.market ?? null,
      campaignId: fields.campaign ?? null,
      section: fields.section ?? null,
      status: fields.status ?? "new",
      reply: fields.reply ?? null,
      triagedBy: fields.triage?.by.id ?? null,
      triagedAt: fields.triage ? daysAgo(fields.triage.days) : null,
      createdAt: daysAgo(days),
    });

  const answered = await item(sam, 9, {
    account: "Harbor & Pine Outfitters",
    insight:
      "Their head of ecommerce asked for a side-by-side with Looker before the next call. They like the store dashboards but need something to show their CFO.",
    tags: ["competitor", "content_request"],
    market: retail,
    status: "planned",
    reply:
      "Good catch: a one-page comparison with Looker is on the content plan for February. I'll send you the draft first.",
    section: "campaigns",
    triage: { by: lena, days: 7 },
  });
  await insertNotifications(tx, [
    {
      userId: sam.id,
      workspaceId: demo.workspaceId,
      planId: null,
      threadId: null,
      commentId: null,
      actorId: lena.id,
      kind: "feedback_triaged",
      feedbackId: answered.id,
      feedbackStatus: "planned",
      createdAt: daysAgo(7),
      readAt: daysAgo(6),
    },
  ]);

  await item(raj, 6, {
    account: "Nordlys Freight",
    insight:
      '"Per-location pricing doesn\'t work for us: we have 140 depots and most of them have two users." They asked whether we price per active user.',
    tags: ["pricing", "objection"],
    market: logistics,
  });
  await item(sam, 4, {
    account: "Brightcart",
    insight:
      "Signed up through the trial ads, then stalled: no Shopify Plus connector for multi-store setups. Same story from two other trials this month.",
    tags: ["product_gap"],
    campaign: trialAds,
    market: smb,
  });
  await item(raj, 12, {
    account: "Transmar Logistics",
    insight:
      "Their VP Operations read the KPI benchmark report and forwarded it to three regional managers. They want the raw figures for their own region.",
    tags: ["content_request"],
    campaign: benchmark,
    status: "done",
    section: "campaigns",
    triage: { by: maya, days: 10 },
  });
  await item(sam, 2, {
    account: "Urban Threads",
    insight:
      "Asked whether our 'live in a week' claim includes the POS integration. Their last vendor promised the same and took three months.",
    tags: ["objection"],
    campaign: webinars,
  });
  await item(raj, 15, {
    account: "Kestrel Couriers",
    insight: "Wants us to match a competitor's 40 % first-year discount.",
    tags: ["pricing", "competitor"],
    status: "declined",
    triage: { by: lena, days: 14 },
  });
}
