import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NotificationJson } from "../../app/domain/comments";
import type { FeedbackJson, FeedbackPageJson } from "../../app/domain/feedback";
import type { Role, Team } from "../../app/domain/membership";
import { blankRow } from "../../app/domain/plan";
import { storePlanRows } from "../support/collab";
import { seedDemoFeedback } from "../../db/demo-feedback";
import { feedbackCountsByTag } from "../../db/queries/feedback";
import { loginAs, type TestClient } from "../support/client";
import { openEventStream } from "../support/event-stream";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";
import { createPlan, expectJson, type ErrorJson } from "../support/signoff";

/**
 * Field feedback (DESIGN.md section 6) through the API: anyone in the
 * workspace files an item; marketing's editors and the owner triage it and
 * the author is told once per change; the author changes it while it is
 * new; the list filters and pages; bad input writes nothing; another
 * workspace's items are 404 everywhere.
 */

interface Person {
  member: CreatedMember;
  client: TestClient;
  id: string;
}

interface PlanRows {
  planId: string;
  markets: Array<{ id: string; segment: string }>;
  campaigns: Array<{ id: string; name: string }>;
}

let accord: TestServer;
let workspaceId: string;
let people: Record<"owner" | "mara" | "maria" | "sam" | "sue" | "vic", Person>;
let planA: PlanRows;
let planB: PlanRows;
let outsider: Person;
let outsiderPlanId: string;

/** A plan made through the API with markets and campaigns written into its stored document. */
async function planWithRows(client: TestClient, markets: string[], campaigns: string[]): Promise<PlanRows> {
  const planId = await createPlan(client, `Feedback plan ${randomUUID().slice(0, 6)}`);
  const marketRows = markets.map((segment) => ({ ...blankRow("targetMarkets"), segment }));
  const campaignRows = campaigns.map((name) => ({
    ...blankRow("campaigns"),
    name,
    targetMarketId: marketRows[0]?.id ?? null,
  }));
  await storePlanRows(accord.sql, planId, { targetMarkets: marketRows, campaigns: campaignRows });
  return { planId, markets: marketRows, campaigns: campaignRows };
}

async function file(by: Person, body: Record<string, unknown>): Promise<FeedbackJson> {
  return (await expectJson<{ item: FeedbackJson }>(await by.client.postJson("/api/feedback", body), 201))
    .item;
}

const patch = (by: Person, id: string, body: unknown) => by.client.patchJson(`/api/feedback/${id}`, body);

const list = async (by: Person, query = "") =>
  expectJson<FeedbackPageJson>(await by.client.get(`/api/feedback${query}`), 200);

/** What the feedback and notification tables hold, to prove a refusal wrote nothing. */
async function snapshot() {
  return {
    feedback: await accord.sql`select * from feedback order by id`,
    notifications: await accord.sql`select id, read_at from notifications order by id`,
  };
}

/** The author's feedback notifications about one item, oldest first. */
async function toldAbout(feedbackId: string) {
  return accord.sql<{ userId: string; actorId: string; status: string | null }[]>`
    select user_id as "userId", actor_id as "actorId", feedback_status as status
    from notifications where feedback_id = ${feedbackId} and kind = 'feedback_triaged'
    order by created_at, id`;
}

beforeAll(async () => {
  accord = await startTestServer();
  const { workspace, owner } = await createWorkspaceWithOwner(accord.sql);
  workspaceId = workspace.id;
  const person = async (member: CreatedMember): Promise<Person> => ({
    member,
    client: await loginAs(accord, member),
    id: member.user.id,
  });
  const join = (role: Role, team: Team, name: string) =>
    createMember(accord.sql, { workspaceId, role, team, user: { name } }).then(person);
  people = {
    owner: await person(owner),
    mara: await join("editor", "marketing", "Mara Marketing"),
    maria: await join("commenter", "marketing", "Maria Commenter"),
    sam: await join("editor", "sales", "Sam Sales"),
    sue: await join("commenter", "sales", "Sue Commenter"),
    vic: await join("viewer", "other", "Vic Viewer"),
  };
  planA = await planWithRows(people.owner.client, ["Retail", "Logistics"], ["Webinars", "Roadshow"]);
  planB = await planWithRows(people.owner.client, ["SMB"], ["Trial ads"]);

  const elsewhere = await createWorkspaceWithOwner(accord.sql);
  outsider = await person(elsewhere.owner);
  outsiderPlanId = await createPlan(outsider.client);
});

afterAll(async () => {
  await accord?.close();
});

describe("filing feedback", () => {
  test("a viewer files an item about a market of a plan; it starts new, named from the document", async () => {
    const response = await people.vic.client.postJson("/api/feedback", {
      account: "  Acme Retail ",
      insight: "They compare us with Looker on every call.",
      tags: ["competitor", "objection"],
      planId: planA.planId,
      targetMarketId: planA.markets[1]!.id,
    });
    const { item } = await expectJson<{ item: FeedbackJson }>(response, 201);
    expect(response.headers.get("location")).toBe(`/api/feedback/${item.id}`);
    expect(item).toEqual({
      id: expect.any(String),
      account: "Acme Retail",
      insight: "They compare us with Looker on every call.",
      tags: ["objection", "competitor"],
      status: "new",
      reply: null,
      author: { id: people.vic.id, name: "Vic Viewer", team: "other" },
      plan: { id: planA.planId, title: expect.any(String) },
      targetMarket: { id: planA.markets[1]!.id, name: "Logistics" },
      campaign: null,
      section: null,
      triagedBy: null,
      triagedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await expectJson<{ item: FeedbackJson }>(
      await people.sam.client.get(`/api/feedback/${item.id}`),
      200,
    );
    expect(read.item).toEqual(item);
  });

  test("an item may name no plan at all, or a campaign of one", async () => {
    const bare = await file(people.sam, { account: "Beta", insight: "Wants an API.", tags: ["product_gap"] });
    expect(bare).toMatchObject({ plan: null, targetMarket: null, campaign: null });
    const onCampaign = await file(people.sam, {
      account: "Gamma",
      insight: "Came from the webinar.",
      tags: ["content_request"],
      planId: planA.planId,
      campaignId: planA.campaigns[0]!.id,
    });
    expect(onCampaign.campaign).toEqual({ id: planA.campaigns[0]!.id, name: "Webinars" });
  });

  test("bad input is a 400 naming the field, and nothing is written", async () => {
    const before = await snapshot();
    const valid = { account: "Acme", insight: "Too dear.", tags: ["pricing"] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, account: " " }, "account"],
      [{ ...valid, insight: "x".repeat(5001) }, "insight"],
      [{ ...valid, tags: [] }, "tags"],
      [{ ...valid, tags: ["gossip"] }, "tags"],
      [{ ...valid, planId: "not-a-plan" }, "planId"],
      [{ ...valid, targetMarketId: planA.markets[0]!.id }, "targetMarketId"],
      // A market of another plan, a campaign that is no row at all, a plan of another workspace.
      [{ ...valid, planId: planA.planId, targetMarketId: planB.markets[0]!.id }, "targetMarketId"],
      [{ ...valid, planId: planA.planId, campaignId: randomUUID() }, "campaignId"],
      [{ ...valid, planId: planA.planId, campaignId: planA.markets[0]!.id }, "campaignId"],
      [{ ...valid, planId: outsiderPlanId }, "planId"],
      [{ ...valid, planId: randomUUID() }, "planId"],
    ];
    for (const [body, field] of cases) {
      const error = await expectJson<ErrorJson>(await people.sam.client.postJson("/api/feedback", body), 400);
      expect(error.error, JSON.stringify(body)).toBe("invalid_input");
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(body)).toEqual([field]);
    }
    const notJson = await people.sam.client.request("/api/feedback", {
      method: "POST",
      body: "account=Acme",
    });
    expect(notJson.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  test("logged out is 401; other methods 405", async () => {
    const anonymous = await fetch(`${accord.url}/api/feedback`);
    expect(anonymous.status).toBe(401);
    expect((await people.sam.client.request("/api/feedback", { method: "DELETE" })).status).toBe(405);
    const item = await file(people.sam, { account: "Delta", insight: "x", tags: ["pricing"] });
    expect((await people.sam.client.postJson(`/api/feedback/${item.id}`, {})).status).toBe(405);
  });
});

describe("triage", () => {
  test("a marketing editor's triage tells the author once per change, live", async () => {
    const item = await file(people.sam, {
      account: "Northwind Stores",
      insight: "Asked for a retail case study.",
      tags: ["content_request"],
      planId: planA.planId,
    });
    const stream = await openEventStream(people.sam.client, "/api/events");
    try {
      const first = await stream.next();
      expect(first.event).toBe("inbox");
      const unreadBefore = (JSON.parse(first.data) as { unread: number }).unread;
      expect((await stream.next()).event).toBe("ready");

      const triaged = await expectJson<{ item: FeedbackJson }>(
        await patch(people.mara, item.id, {
          status: "planned",
          reply: "On the February content plan.",
          section: "campaigns",
        }),
        200,
      );
      expect(triaged.item).toMatchObject({
        status: "planned",
        reply: "On the February content plan.",
        section: "campaigns",
        triagedBy: { id: people.mara.id, name: "Mara Marketing", team: "marketing" },
        triagedAt: expect.any(String),
      });
      expect(await toldAbout(item.id)).toEqual([
        { userId: people.sam.id, actorId: people.mara.id, status: "planned" },
      ]);
      const live = await stream.next((e) => e.event === "inbox");
      expect(JSON.parse(live.data)).toEqual({ unread: unreadBefore + 1 });
    } finally {
      stream.close();
    }

    // The same values again: nothing changes, nobody is told.
    await expectJson(
      await patch(people.mara, item.id, { status: "planned", reply: "On the February content plan." }),
      200,
    );
    expect(await toldAbout(item.id)).toHaveLength(1);
    // A new reply alone: told once more, as a reply.
    await expectJson(
      await patch(people.mara, item.id, { reply: "Draft is ready: see the campaigns section." }),
      200,
    );
    // The section alone is no news for the author.
    await expectJson(await patch(people.mara, item.id, { section: "strategy" }), 200);
    // The owner closes it.
    await expectJson(await patch(people.owner, item.id, { status: "done" }), 200);
    expect(await toldAbout(item.id)).toEqual([
      { userId: people.sam.id, actorId: people.mara.id, status: "planned" },
      { userId: people.sam.id, actorId: people.mara.id, status: null },
      { userId: people.sam.id, actorId: people.owner.id, status: "done" },
    ]);

    const inbox = await expectJson<{ notifications: NotificationJson[] }>(
      await people.sam.client.get("/api/notifications"),
      200,
    );
    const about = inbox.notifications.filter((n) => n.feedback?.id === item.id);
    expect(about[0]).toEqual({
      id: expect.any(String),
      kind: "feedback_triaged",
      createdAt: expect.any(String),
      readAt: null,
      actor: { id: people.owner.id, name: expect.any(String), team: "leadership" },
      plan: null,
      threadId: null,
      commentId: null,
      excerpt: "Draft is ready: see the campaigns section.",
      feedback: { id: item.id, account: "Northwind Stores", status: "done" },
    });
    expect(about.map((n) => n.feedback?.status)).toEqual(["done", null, "planned"]);

    // The inbox page says it in words and its "open" form leads to the item.
    const page = await (await people.sam.client.get("/inbox")).text();
    expect(page).toContain("marked your feedback on Northwind Stores as planned");
    expect(page).toContain("replied to your feedback on Northwind Stores");
    const opened = await people.sam.client.postForm("/inbox", {
      intent: "open",
      id: about[0]!.id,
      planId: "",
      threadId: "",
      feedbackId: item.id,
    });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/feedback?item=${item.id}`);
    const feedbackPage = await (await people.sam.client.get(`/feedback?item=${item.id}`)).text();
    expect(feedbackPage).toContain(`id="feedback-${item.id}"`);
    expect(feedbackPage).toContain("Draft is ready: see the campaigns section.");
  });

  test("triaging one's own item tells nobody", async () => {
    const item = await file(people.mara, { account: "Own", insight: "Noted myself.", tags: ["pricing"] });
    await expectJson(
      await patch(people.mara, item.id, { status: "declined", reply: "Not this quarter." }),
      200,
    );
    expect(await toldAbout(item.id)).toEqual([]);
  });

  test("sales editors, commenters and viewers may not triage (403), and nothing changes", async () => {
    const item = await file(people.vic, { account: "Epsilon", insight: "x", tags: ["objection"] });
    const before = await snapshot();
    for (const who of [people.sam, people.sue, people.maria]) {
      const error = await expectJson<ErrorJson>(await patch(who, item.id, { status: "planned" }), 403);
      expect(error.error).toBe("forbidden");
    }
    // The author may not triage their own item either, unless they are marketing.
    const own = await expectJson<ErrorJson>(await patch(people.vic, item.id, { status: "done" }), 403);
    expect(own.message).toMatch(/marketing/i);
    // Refused before the body is read: a bad body still answers 403.
    expect((await patch(people.sue, item.id, { status: "bogus" })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  test("bad triage input is a 400 naming the field, nothing written", async () => {
    const item = await file(people.sam, { account: "Zeta", insight: "x", tags: ["pricing"] });
    const before = await snapshot();
    for (const [body, field] of [
      [{ status: "closed" }, "status"],
      [{ section: "meta" }, "section"],
      [{ reply: "x".repeat(5001) }, "reply"],
      // A section link needs a plan.
      [{ section: "strategy" }, "section"],
    ] as const) {
      const error = await expectJson<ErrorJson>(await patch(people.mara, item.id, body), 400);
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(body)).toEqual([field]);
    }
    const empty = await expectJson<ErrorJson>(await patch(people.mara, item.id, {}), 400);
    expect(empty.message).toBe("Send at least one field to change.");
    expect(await snapshot()).toEqual(before);
  });
});

describe("the author's changes", () => {
  test("the author changes their item while it is new; a new plan drops the old links", async () => {
    const item = await file(people.sam, {
      account: "Eta",
      insight: "First take.",
      tags: ["pricing"],
      planId: planA.planId,
      targetMarketId: planA.markets[0]!.id,
    });
    const edited = await expectJson<{ item: FeedbackJson }>(
      await patch(people.sam, item.id, {
        account: "Eta Group",
        tags: ["pricing", "competitor"],
        planId: planB.planId,
      }),
      200,
    );
    expect(edited.item).toMatchObject({
      account: "Eta Group",
      tags: ["competitor", "pricing"],
      plan: { id: planB.planId },
      targetMarket: null,
      status: "new",
      triagedBy: null,
    });
    const linked = await expectJson<{ item: FeedbackJson }>(
      await patch(people.sam, item.id, { campaignId: planB.campaigns[0]!.id }),
      200,
    );
    expect(linked.item.campaign).toEqual({ id: planB.campaigns[0]!.id, name: "Trial ads" });
    // A campaign of the other plan is refused.
    const wrong = await expectJson<ErrorJson>(
      await patch(people.sam, item.id, { campaignId: planA.campaigns[0]!.id }),
      400,
    );
    expect(wrong.fieldErrors).toEqual({ campaignId: ["No campaign of this plan has this id."] });

    // Others may not change what the author wrote, marketing included.
    for (const who of [people.vic, people.mara, people.owner]) {
      expect((await patch(who, item.id, { account: "Hijacked" })).status).toBe(403);
    }
    // Once marketing has moved it, the author's text is settled.
    await expectJson(await patch(people.mara, item.id, { status: "planned" }), 200);
    const late = await expectJson<ErrorJson>(
      await patch(people.sam, item.id, { insight: "Second take." }),
      403,
    );
    expect(late.message).toBe("Only its author (while it is new) and marketing can change this item.");
    const [row] = await accord.sql`select account, insight from feedback where id = ${item.id}`;
    expect(row).toEqual({ account: "Eta Group", insight: "First take." });
  });
});

describe("the list", () => {
  let ids: Record<string, string>;
  let listPeople: { owner: Person; rep: Person };

  beforeAll(async () => {
    const ws = await createWorkspaceWithOwner(accord.sql);
    const owner = { member: ws.owner, client: await loginAs(accord, ws.owner), id: ws.owner.user.id };
    const rep = await createMember(accord.sql, {
      workspaceId: ws.workspace.id,
      role: "editor",
      team: "sales",
    });
    const repPerson = { member: rep, client: await loginAs(accord, rep), id: rep.user.id };
    const plan = await planWithRows(owner.client, ["Retail"], ["Webinars"]);
    const other = await planWithRows(owner.client, ["SMB"], []);
    ids = {};
    ids.a = (
      await file(repPerson, {
        account: "Alpha Co",
        insight: "Price too high",
        tags: ["pricing"],
        planId: plan.planId,
        targetMarketId: plan.markets[0]!.id,
      })
    ).id;
    ids.b = (
      await file(owner, {
        account: "Bravo Co",
        insight: "Uses 100%_Competitor",
        tags: ["competitor", "pricing"],
        planId: plan.planId,
        campaignId: plan.campaigns[0]!.id,
      })
    ).id;
    ids.c = (
      await file(repPerson, {
        account: "Charlie Co",
        insight: "Missing SSO",
        tags: ["product_gap"],
        planId: other.planId,
      })
    ).id;
    ids.d = (
      await file(repPerson, { account: "Delta Co", insight: "Wants a guide", tags: ["content_request"] })
    ).id;
    await expectJson(await patch(owner, ids.b, { status: "planned" }), 200);
    await expectJson(await patch(owner, ids.c, { status: "done" }), 200);
    Object.assign(ids, {
      plan: plan.planId,
      other: other.planId,
      market: plan.markets[0]!.id,
      campaign: plan.campaigns[0]!.id,
    });
    listPeople = { owner, rep: repPerson };
  });

  const accounts = (page: FeedbackPageJson) => page.items.map((i) => i.account);

  test("newest first, with counts per status", async () => {
    const page = await list(listPeople.owner);
    expect(accounts(page)).toEqual(["Delta Co", "Charlie Co", "Bravo Co", "Alpha Co"]);
    expect(page.counts).toEqual({ new: 2, planned: 1, done: 1, declined: 0 });
    expect(page.next).toBeNull();
  });

  test("filters by status, tag, plan, market, campaign, author and words; counts ignore only the status", async () => {
    const { owner } = listPeople;
    expect(accounts(await list(owner, "?status=new"))).toEqual(["Delta Co", "Alpha Co"]);
    expect(accounts(await list(owner, "?tag=pricing"))).toEqual(["Bravo Co", "Alpha Co"]);
    expect((await list(owner, "?tag=pricing&status=new")).counts).toEqual({
      new: 1,
      planned: 1,
      done: 0,
      declined: 0,
    });
    expect(accounts(await list(owner, `?plan=${ids.plan}`))).toEqual(["Bravo Co", "Alpha Co"]);
    expect(accounts(await list(owner, `?market=${ids.market}`))).toEqual(["Alpha Co"]);
    expect(accounts(await list(owner, `?campaign=${ids.campaign}`))).toEqual(["Bravo Co"]);
    expect(accounts(await list(owner, "?mine=1"))).toEqual(["Bravo Co"]);
    expect(accounts(await list(listPeople.rep, "?mine=1&status=new"))).toEqual(["Delta Co", "Alpha Co"]);
    expect(accounts(await list(owner, "?q=sso"))).toEqual(["Charlie Co"]);
    expect(accounts(await list(owner, "?q=bravo"))).toEqual(["Bravo Co"]);
    // % and _ are plain characters, not wildcards.
    expect(accounts(await list(owner, `?q=${encodeURIComponent("100%_c")}`))).toEqual(["Bravo Co"]);
    expect(accounts(await list(owner, `?q=${encodeURIComponent("%")}`))).toEqual(["Bravo Co"]);
  });

  test("pages with limit and before", async () => {
    const { owner } = listPeople;
    const first = await list(owner, "?limit=3");
    expect(accounts(first)).toEqual(["Delta Co", "Charlie Co", "Bravo Co"]);
    expect(first.next).toBe(ids.b);
    const second = await list(owner, `?limit=3&before=${first.next}`);
    expect(accounts(second)).toEqual(["Alpha Co"]);
    expect(second.next).toBeNull();
  });

  test("bad filters are a 400 naming the field; a plan of another workspace is a 404", async () => {
    const { owner } = listPeople;
    for (const [query, field] of [
      ["?status=open", "status"],
      ["?tag=gossip", "tag"],
      ["?plan=nope", "plan"],
      ["?market=1", "market"],
      ["?mine=yes", "mine"],
      ["?limit=0", "limit"],
      ["?before=x", "before"],
    ] as const) {
      const error = await expectJson<ErrorJson>(await owner.client.get(`/api/feedback${query}`), 400);
      expect(Object.keys(error.fieldErrors ?? {}), query).toEqual([field]);
    }
    await expectJson(await owner.client.get(`/api/feedback?plan=${planA.planId}`), 404);
  });

  test("the dashboard's counts by tag list every tag, with the open ones", async () => {
    const [row] = await accord.sql<{ workspaceId: string }[]>`
      select workspace_id as "workspaceId" from plans where id = ${ids.plan!}`;
    expect(await feedbackCountsByTag(accord.sql, row!.workspaceId, ids.plan!)).toEqual([
      { tag: "objection", total: 0, open: 0 },
      { tag: "competitor", total: 1, open: 1 },
      { tag: "pricing", total: 2, open: 2 },
      { tag: "product_gap", total: 0, open: 0 },
      { tag: "content_request", total: 0, open: 0 },
    ]);
    expect(await feedbackCountsByTag(accord.sql, row!.workspaceId, ids.other!)).toEqual([
      { tag: "objection", total: 0, open: 0 },
      { tag: "competitor", total: 0, open: 0 },
      { tag: "pricing", total: 0, open: 0 },
      { tag: "product_gap", total: 1, open: 0 },
      { tag: "content_request", total: 0, open: 0 },
    ]);
    // Another workspace's id gives nothing of this plan.
    expect((await feedbackCountsByTag(accord.sql, workspaceId, ids.plan!)).every((c) => c.total === 0)).toBe(
      true,
    );
  });
});

describe("another workspace", () => {
  test("its items are 404 on every endpoint, and its lists and filters show nothing of them", async () => {
    const item = await file(people.sam, {
      account: "Secret Account",
      insight: "Confidential",
      tags: ["pricing"],
      planId: planA.planId,
    });
    const before = await snapshot();
    const c = outsider.client;
    for (const response of [
      await c.get(`/api/feedback/${item.id}`),
      await c.patchJson(`/api/feedback/${item.id}`, { status: "done" }),
      await c.patchJson(`/api/feedback/${item.id}`, { account: "Hijacked" }),
      await c.get("/api/feedback/not-a-uuid"),
      await c.get(`/api/feedback?plan=${planA.planId}`),
    ]) {
      const body = await response.text();
      expect(response.status, body).toBe(404);
      expect(body).not.toContain("Secret Account");
    }
    const own = await list(outsider);
    expect(own.items).toEqual([]);
    expect(own.counts).toEqual({ new: 0, planned: 0, done: 0, declined: 0 });
    // Filing with this workspace's plan is refused, not filed there.
    const error = await expectJson<ErrorJson>(
      await c.postJson("/api/feedback", {
        account: "X",
        insight: "Y",
        tags: ["pricing"],
        planId: planA.planId,
      }),
      400,
    );
    expect(error.fieldErrors).toEqual({ planId: ["Choose a plan of this workspace."] });
    const page = await (await c.get(`/feedback?item=${item.id}`)).text();
    expect(page).not.toContain("Secret Account");
    expect(await snapshot()).toEqual(before);
  });
});

describe("the page", () => {
  test("files, edits and triages through its forms, as without JavaScript", async () => {
    const filed = await people.sam.client.postForm("/feedback", {
      intent: "create",
      account: "Form Account",
      insight: "Said it by form",
      tags: ["objection", "pricing"],
      planId: planA.planId,
      related: `campaign:${planA.campaigns[1]!.id}`,
    });
    expect(filed.status).toBe(302);
    const location = filed.headers.get("location")!;
    const id = /item=([0-9a-f-]{36})/.exec(location)![1]!;
    const [row] = await accord.sql`select account, tags::text, campaign_id from feedback where id = ${id}`;
    expect(row).toEqual({
      account: "Form Account",
      tags: "{objection,pricing}",
      campaign_id: planA.campaigns[1]!.id,
    });

    const refused = await people.sam.client.postForm("/feedback", {
      intent: "create",
      account: "",
      insight: "x",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Name the account.");

    expect(
      (
        await people.sam.client.postForm("/feedback", {
          intent: "edit",
          id,
          account: "Form Account 2",
          insight: "Said it by form",
          tags: "objection",
          planId: planA.planId,
          related: "",
        })
      ).status,
    ).toBe(200);
    expect(
      (await people.sam.client.postForm("/feedback", { intent: "triage", id, status: "planned" })).status,
    ).toBe(403);
    expect(
      (
        await people.mara.client.postForm("/feedback", {
          intent: "triage",
          id,
          status: "planned",
          reply: "Will do",
          section: "",
        })
      ).status,
    ).toBe(200);
    const [after] =
      await accord.sql`select account, status, reply, campaign_id from feedback where id = ${id}`;
    expect(after).toEqual({
      account: "Form Account 2",
      status: "planned",
      reply: "Will do",
      campaign_id: null,
    });
    expect(await toldAbout(id)).toHaveLength(1);

    const page = await (await people.mara.client.get(`/feedback?status=planned&item=${id}`)).text();
    expect(page).toContain("Form Account 2");
    expect(page).toContain("Save triage");
  });
});

describe("the demo data", () => {
  test("seedDemoFeedback files six items in mixed states, one answered", async () => {
    const { workspace, owner } = await createWorkspaceWithOwner(accord.sql);
    const client = await loginAs(accord, owner);
    const plan = await planWithRows(client, ["Retail", "Logistics", "SMB"], ["A", "B", "C", "D", "E", "F"]);
    const members = await Promise.all(
      (["marketing", "sales", "marketing", "sales"] as const).map((team) =>
        createMember(accord.sql, { workspaceId: workspace.id, team }),
      ),
    );
    const [maya, sam, lena, raj] = members.map((m) => ({ id: m.user.id }));
    await accord.sql.begin((tx) =>
      seedDemoFeedback(tx, {
        workspaceId: workspace.id,
        planId: plan.planId,
        marketIds: plan.markets.map((m) => m.id),
        campaignIds: plan.campaigns.map((c) => c.id),
        people: { maya: maya!, sam: sam!, lena: lena!, raj: raj! },
      }),
    );
    const rows = await accord.sql<{ status: string; reply: string | null }[]>`
      select status, reply from feedback where workspace_id = ${workspace.id}`;
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["new", "planned", "done", "declined"]));
    expect(rows.filter((r) => r.reply)).toHaveLength(1);
    const counts = await feedbackCountsByTag(accord.sql, workspace.id, plan.planId);
    expect(counts.reduce((sum, c) => sum + c.total, 0)).toBeGreaterThanOrEqual(6);
    const [told] = await accord.sql`
      select count(*)::int as n from notifications where workspace_id = ${workspace.id} and kind = 'feedback_triaged'`;
    expect(told).toEqual({ n: 1 });
  });
});
