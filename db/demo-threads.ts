import * as Y from "yjs";
import { anchorSection, mentionsIn, textRangeAnchor, type Anchor } from "../app/domain/comments";
import type { PlanSections } from "../app/domain/plan";
import { insertComment, insertThread, setThreadStatus, touchThread } from "./queries/comments";
import { insertNotifications, type NewNotification } from "./queries/notifications";
import type { Tx } from "./sql";

/**
 * The demo plan's discussion, so a first look at Accord shows threads worth
 * reading: a blocking objection on the SMB revenue goal (the funnel gap), a
 * remark on a phrase of the strategy, and a settled argument about what
 * "pipeline" means. Maya is mentioned once and finds one unread
 * notification in her inbox; the others' inboxes hold the replies and the
 * resolution, as the API would have sent them.
 */

export interface DemoPerson {
  id: string;
  name: string;
}

export async function seedDemoThreads(
  tx: Tx,
  demo: {
    workspaceId: string;
    planId: string;
    /** The document the seed stores, with the content written into it. */
    doc: Y.Doc;
    content: PlanSections;
    people: Record<"owner" | "maya" | "sam" | "lena" | "raj", DemoPerson>;
  },
): Promise<void> {
  const { owner, maya, sam, lena, raj } = demo.people;
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const notifications: NewNotification[] = [];
  const where = { workspaceId: demo.workspaceId, planId: demo.planId };

  /** A thread with its comments, each comment's mentions taken from its "@Name"s. */
  const thread = async (
    anchor: Anchor,
    options: { blocking?: boolean },
    comments: Array<{ by: DemoPerson; hoursAgo: number; body: string; readAt?: Date }>,
  ) => {
    const [first] = comments;
    const { id } = await insertThread(tx, {
      planId: demo.planId,
      authorId: first!.by.id,
      anchor,
      section: anchorSection(anchor),
      blocking: options.blocking ?? false,
      createdAt: hoursAgo(first!.hoursAgo),
    });
    const participants = new Set<string>();
    for (const comment of comments) {
      const mentions = mentionsIn(
        comment.body,
        [maya, sam, lena, raj, owner].map((p) => ({ userId: p.id, name: p.name })),
      );
      const at = hoursAgo(comment.hoursAgo);
      const written = await insertComment(tx, {
        threadId: id,
        authorId: comment.by.id,
        body: comment.body,
        mentions,
        createdAt: at,
      });
      const told = (userId: string, kind: "mention" | "reply") =>
        notifications.push({
          ...where,
          threadId: id,
          commentId: written.id,
          actorId: comment.by.id,
          userId,
          kind,
          createdAt: at,
          readAt: comment.readAt ?? null,
        });
      for (const userId of mentions) if (userId !== comment.by.id) told(userId, "mention");
      for (const userId of participants)
        if (userId !== comment.by.id && !mentions.includes(userId)) told(userId, "reply");
      participants.add(comment.by.id);
    }
    await touchThread(tx, id, hoursAgo(comments.at(-1)!.hoursAgo));
    return { id, participants };
  };

  const smb = demo.content.targetMarkets.find((m) => m.segment === "SMB e-commerce")!;
  const smbGoal = demo.content.revenueGoals.find((g) => g.targetMarketId === smb.id)!;
  await thread(
    { kind: "row", section: "revenueGoals", rowId: smbGoal.id, quote: smb.segment },
    { blocking: true },
    [
      {
        by: raj,
        hoursAgo: 50,
        body:
          "Blocking until we agree on the SMB funnel. This goal needs 167 SQLs, which the 1,800 trial MQLs only give us " +
          "at a 10 % MQL→SQL rate. Self-serve trials converted at 7–8 % last quarter: at 8 % we get 144 SQLs, 23 short.\n\n" +
          "@Maya Patel can marketing fund more trial ads, or do we lower the target to $260k?",
      },
      {
        by: lena,
        hoursAgo: 47,
        body:
          "The 10 % assumes the new onboarding e-mails ship in January; the test cohort converted at 11 %. " +
          "I'd keep the target and hold back $10k for trial ads in case February comes in under 9 %.",
      },
    ],
  );

  await thread(
    {
      kind: "text",
      field: "strategy",
      ...phraseAnchor(demo.doc.getXmlFragment("strategy"), "live in a week"),
    },
    {},
    [
      {
        by: sam,
        hoursAgo: 30,
        body:
          "Prospects push back on “live in a week”: the last three retail pilots took three to four weeks because of " +
          "the POS integration. Can we promise “first dashboards in a week” instead?",
      },
      {
        by: lena,
        hoursAgo: 26,
        body: "“First dashboards in a week” held for every pilot so far. I'll change the wording after Thursday's session.",
      },
    ],
  );

  const pipeline = demo.content.glossary.find((row) => row.term === "Pipeline")!;
  const read = hoursAgo(55);
  const settled = await thread(
    { kind: "row", section: "glossary", rowId: pipeline.id, quote: pipeline.term },
    {},
    [
      {
        by: sam,
        hoursAgo: 70,
        readAt: read,
        body:
          "Which pipeline goes in the board deck? Sales counts opportunities at stage 2 and later, marketing every open " +
          "opportunity with a campaign touch. The two differ by $1.1M.",
      },
      {
        by: raj,
        hoursAgo: 68,
        readAt: read,
        body: "Stage 2 or later, whatever the source. The agreed definition says so now; marketing-sourced is its own line.",
      },
    ],
  );
  await setThreadStatus(tx, { threadId: settled.id, status: "resolved", by: owner.id, at: hoursAgo(60) });
  for (const userId of settled.participants) {
    notifications.push({
      ...where,
      threadId: settled.id,
      commentId: null,
      actorId: owner.id,
      userId,
      kind: "resolved",
      createdAt: hoursAgo(60),
      readAt: read,
    });
  }

  await insertNotifications(tx, notifications);
}

/** A text anchor on the first occurrence of `phrase` in the fragment's text. */
function phraseAnchor(
  fragment: Y.XmlFragment,
  phrase: string,
): { start: string; end: string; quote: string } {
  let text = "";
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) text += child.toString();
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  const from = text.indexOf(phrase);
  const anchor = from < 0 ? null : textRangeAnchor(fragment, from, from + phrase.length);
  if (!anchor) throw new Error(`the demo strategy does not say "${phrase}"`);
  return anchor;
}
