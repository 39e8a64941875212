import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveTextAnchor, type NotificationJson, type ThreadJson } from "../../app/domain/comments";
import { projectPlan } from "../../app/domain/plan";
import { hashPassword } from "../../app/utils/password.server";
import { seedDemoIfEmpty } from "../../db/seed";
import { loginAsDemo } from "../support/client";
import { storedDoc } from "../support/collab";
import { startTestServer, type TestServer } from "../support/server";

/** The demo plan comes with a discussion: threads anchored on its stored document, and Maya's one unread mention. */

let accord: TestServer;
let planId: string;

beforeAll(async () => {
  accord = await startTestServer({ seedDemo: true });
  const [plan] = await accord.sql<{ id: string }[]>`select id from plans where title = 'FY27 Q1 joint plan'`;
  planId = plan!.id;
});

afterAll(async () => {
  await accord?.close();
});

describe("the demo discussion", () => {
  test("has a blocking objection, a remark on the strategy's words and a settled glossary argument", async () => {
    const maya = await loginAsDemo(accord, "maya");
    const { threads } = (await (await maya.get(`/api/plans/${planId}/threads`)).json()) as {
      threads: ThreadJson[];
    };
    expect(
      threads.map((t) => [
        t.anchor.kind,
        "section" in t.anchor ? t.anchor.section : t.anchor.field,
        t.status,
        t.blocking,
      ]),
    ).toEqual([
      ["text", "strategy", "open", false],
      ["row", "revenueGoals", "open", true],
      ["row", "glossary", "resolved", false],
    ]);
    expect(threads.every((t) => t.comments.length === 2)).toBe(true);
    expect(threads[1]!.author.name).toBe("Raj Mehta");
    expect(threads[2]!.resolvedBy?.name).toBe("Olivia Owens");

    // The anchors point into the stored document: the words, the SMB goal, the Pipeline term.
    const doc = await storedDoc(accord.sql, planId);
    const text = threads[0]!.anchor as Extract<ThreadJson["anchor"], { kind: "text" }>;
    expect(resolveTextAnchor(doc, doc.getXmlFragment("strategy"), text)?.text).toBe("live in a week");
    const content = projectPlan(doc);
    const smb = content.targetMarkets.find((m) => m.segment === "SMB e-commerce")!;
    expect(threads[1]!.anchor).toMatchObject({
      rowId: content.revenueGoals.find((g) => g.targetMarketId === smb.id)!.id,
      quote: "SMB e-commerce",
    });
    expect(threads[2]!.anchor).toMatchObject({
      rowId: content.glossary.find((g) => g.term === "Pipeline")!.id,
    });
    doc.destroy();
  });

  test("leaves Maya one unread notification: Raj's mention", async () => {
    const maya = await loginAsDemo(accord, "maya");
    const inbox = (await (await maya.get("/api/notifications?unread=1")).json()) as {
      notifications: NotificationJson[];
      unread: number;
    };
    expect(inbox.unread).toBe(1);
    expect(inbox.notifications).toMatchObject([{ kind: "mention", actor: { name: "Raj Mehta" } }]);
    expect(inbox.notifications[0]!.excerpt).toMatch(/^Blocking until we agree on the SMB funnel/);
  });

  test("is seeded once: seeding again adds nothing", async () => {
    const count = async () =>
      (
        await accord.sql<{ n: number }[]>`
        select (select count(*) from comment_threads)::int + (select count(*) from comments)::int
             + (select count(*) from notifications)::int as n`
      )[0]!.n;
    const before = await count();
    expect(await seedDemoIfEmpty(accord.sql, hashPassword)).toBe(false);
    expect(await count()).toBe(before);
  });
});
