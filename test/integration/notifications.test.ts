import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NotificationJson, ThreadJson } from "../../app/domain/comments";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import { loginAs, type TestClient } from "../support/client";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Mentions, replies, resolutions and the inbox: who is told about what,
 * exactly once, and how the unread count moves.
 */

interface Inbox {
  notifications: NotificationJson[];
  unread: number;
}

interface Person {
  member: CreatedMember;
  client: TestClient;
  id: string;
  name: string;
}

let accord: TestServer;
let workspaceId: string;
let plan: PlanRow;
let people: Record<"olga" | "maya" | "sam" | "lena" | "vic", Person>;

const section = { kind: "section", section: "revenueGoals" } as const;

async function person(
  name: string,
  role: "owner" | "editor" | "commenter" | "viewer",
  existing?: CreatedMember,
): Promise<Person> {
  const member = existing ?? (await createMember(accord.sql, { workspaceId, role, user: { name } }));
  return { member, client: await loginAs(accord, member), id: member.user.id, name };
}

async function ok<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text.slice(0, 400)).toBe(status);
  return JSON.parse(text) as T;
}

async function startThread(by: Person, body: string, mentions: Person[] = []): Promise<ThreadJson> {
  const response = await by.client.postJson(`/api/plans/${plan.id}/threads`, {
    anchor: section,
    body,
    mentions: mentions.map((p) => p.id),
  });
  return (await ok<{ thread: ThreadJson }>(response, 201)).thread;
}

async function reply(by: Person, threadId: string, body: string, mentions: Person[] = []) {
  const response = await by.client.postJson(`/api/threads/${threadId}/comments`, {
    body,
    mentions: mentions.map((p) => p.id),
  });
  return ok<{ comment: { id: string }; thread: ThreadJson }>(response, 201);
}

async function edit(by: Person, commentId: string, body: string, mentions: Person[] = []) {
  return ok(
    await by.client.patchJson(`/api/comments/${commentId}`, { body, mentions: mentions.map((p) => p.id) }),
  );
}

const inbox = async (p: Person, query = "") => ok<Inbox>(await p.client.get(`/api/notifications${query}`));

/** Notifications of one thread, per recipient and kind, straight from the table. */
async function told(threadId: string): Promise<string[]> {
  const rows = await accord.sql<{ who: string; kind: string }[]>`
    select u.name as who, n.kind from notifications n join users u on u.id = n.user_id
    where n.thread_id = ${threadId} order by u.name, n.kind, n.created_at`;
  return rows.map((r) => `${r.who}:${r.kind}`);
}

async function readAll(...who: Person[]): Promise<void> {
  for (const p of who) await ok(await p.client.postJson("/api/notifications/read", { all: true }));
}

beforeAll(async () => {
  accord = await startTestServer();
  const home = await createWorkspaceWithOwner(accord.sql, {
    name: "Northwind Test",
    owner: { name: "Olga Owens" },
  });
  workspaceId = home.workspace.id;
  people = {
    olga: await person("Olga Owens", "owner", home.owner),
    maya: await person("Maya Patel", "editor"),
    sam: await person("Sam Carter", "commenter"),
    lena: await person("Lena Fischer", "editor"),
    vic: await person("Vic Romero", "viewer"),
  };
  plan = await insertPlan(accord.sql, {
    workspaceId,
    title: "FY27 Q1 joint plan",
    period: "2027-Q1",
    currency: "USD",
    createdBy: people.olga.id,
  });
});

afterAll(async () => {
  await accord?.close();
});

describe("mentions", () => {
  test("a mention creates exactly one notification, however often the comment is edited", async () => {
    const { maya, sam, lena } = people;
    const thread = await startThread(sam, "@Maya Patel can marketing fund 200 more MQLs?", [maya]);
    expect(thread.comments[0]!.mentions).toEqual([{ id: maya.id, name: "Maya Patel" }]);
    expect(await told(thread.id)).toEqual(["Maya Patel:mention"]);

    const commentId = thread.comments[0]!.id;
    await edit(sam, commentId, "@Maya Patel can marketing fund 250 more MQLs?", [maya]);
    await edit(sam, commentId, "Can marketing fund 250 more MQLs?", []);
    await edit(sam, commentId, "@Maya Patel can marketing fund 300 more MQLs?", [maya]);
    expect(await told(thread.id)).toEqual(["Maya Patel:mention"]);

    // Adding someone in an edit tells only them.
    await edit(sam, commentId, "@Maya Patel @Lena Fischer can marketing fund 300 more MQLs?", [maya, lena]);
    expect(await told(thread.id)).toEqual(["Lena Fischer:mention", "Maya Patel:mention"]);
  });

  test("only members still named in the body count, and nobody is told about their own mention", async () => {
    const { maya, sam, lena } = people;
    const thread = await startThread(sam, "@Sam Carter note to self, and @Lena Fischer", [sam, maya, lena]);
    expect(thread.comments[0]!.mentions.map((m) => m.name)).toEqual(["Sam Carter", "Lena Fischer"]);
    expect(await told(thread.id)).toEqual(["Lena Fischer:mention"]);
  });

  test("a viewer can be mentioned: they read threads", async () => {
    const { vic, lena } = people;
    const thread = await startThread(lena, "@Vic Romero FYI", [vic]);
    expect(await told(thread.id)).toEqual(["Vic Romero:mention"]);
  });
});

describe("replies, resolutions, reopenings", () => {
  test("replies tell the thread's participants, except the writer and those it mentions", async () => {
    const { olga, maya, sam, lena } = people;
    const thread = await startThread(sam, "The SMB target needs a 10 % MQL→SQL rate.");
    await reply(maya, thread.id, "Trials converted at 8 % last quarter.");
    expect(await told(thread.id)).toEqual(["Sam Carter:reply"]);
    await reply(lena, thread.id, "@Sam Carter then lower the target.", [sam]);
    expect(await told(thread.id)).toEqual(["Maya Patel:reply", "Sam Carter:mention", "Sam Carter:reply"]);
    // Olga never took part: she hears nothing until she does.
    await reply(olga, thread.id, "Keep it, fund more trial ads.");
    expect(await told(thread.id)).toEqual([
      "Lena Fischer:reply",
      "Maya Patel:reply",
      "Maya Patel:reply",
      "Sam Carter:mention",
      "Sam Carter:reply",
      "Sam Carter:reply",
    ]);
  });

  test("resolving and reopening tell the participants except whoever did it, once per change", async () => {
    const { maya, sam, lena } = people;
    const thread = await startThread(sam, "Which pipeline definition goes in the deck?");
    await reply(lena, thread.id, "Stage 2 or later.");
    await ok(await maya.client.postJson(`/api/threads/${thread.id}/resolve`, {}));
    await ok(await maya.client.postJson(`/api/threads/${thread.id}/resolve`, {}));
    const kinds = async () => (await told(thread.id)).filter((k) => !k.endsWith(":reply"));
    expect(await kinds()).toEqual(["Lena Fischer:resolved", "Sam Carter:resolved"]);
    await ok(await sam.client.postJson(`/api/threads/${thread.id}/reopen`, {}));
    expect(await kinds()).toEqual(["Lena Fischer:reopened", "Lena Fischer:resolved", "Sam Carter:resolved"]);
  });

  test("deleting a comment takes back what it caused", async () => {
    const { maya, sam } = people;
    const thread = await startThread(sam, "First");
    const { comment } = await reply(maya, thread.id, "@Sam Carter look", [sam]);
    expect(await told(thread.id)).toEqual(["Sam Carter:mention"]);
    await ok(await maya.client.delete(`/api/comments/${comment.id}`));
    expect(await told(thread.id)).toEqual([]);
  });
});

describe("the inbox", () => {
  test("shows the caller's notifications newest first, with actor, plan, thread and excerpt", async () => {
    const { maya, lena } = people;
    await readAll(maya);
    const long = `@Maya Patel ${"budget ".repeat(60)}`;
    const thread = await startThread(lena, long, [maya]);
    const { notifications, unread } = await inbox(maya);
    expect(unread).toBe(1);
    expect(notifications[0]).toEqual({
      id: expect.any(String),
      kind: "mention",
      createdAt: expect.any(String),
      readAt: null,
      actor: { id: lena.id, name: "Lena Fischer", team: "other" },
      plan: { id: plan.id, title: "FY27 Q1 joint plan" },
      threadId: thread.id,
      commentId: thread.comments[0]!.id,
      excerpt: long.trim().slice(0, 200),
      feedback: null,
    });
    const times = notifications.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  test("the unread count goes up with each notification and down as they are read", async () => {
    const { maya, sam, lena } = people;
    await readAll(maya);
    expect((await inbox(maya)).unread).toBe(0);
    const first = await startThread(sam, "@Maya Patel one", [maya]);
    expect((await inbox(maya)).unread).toBe(1);
    await startThread(lena, "@Maya Patel two", [maya]);
    await reply(sam, first.id, "@Maya Patel three", [maya]);
    const { notifications, unread } = await inbox(maya, "?unread=1");
    expect(unread).toBe(3);
    expect(notifications).toHaveLength(3);
    expect(notifications.every((n) => n.readAt === null)).toBe(true);

    const answer = await ok<{ unread: number }>(
      await maya.client.postJson("/api/notifications/read", { ids: [notifications[0]!.id] }),
    );
    expect(answer).toEqual({ unread: 2 });
    expect((await inbox(maya, "?unread=1")).notifications.map((n) => n.id)).not.toContain(
      notifications[0]!.id,
    );
    const all = await inbox(maya);
    expect(all.notifications.find((n) => n.id === notifications[0]!.id)?.readAt).toEqual(expect.any(String));
    // Reading it again changes nothing.
    expect(
      await ok(await maya.client.postJson("/api/notifications/read", { ids: [notifications[0]!.id] })),
    ).toEqual({ unread: 2 });
    expect(await ok(await maya.client.postJson("/api/notifications/read", { all: true }))).toEqual({
      unread: 0,
    });
    expect((await inbox(maya, "?limit=2")).notifications).toHaveLength(2);
  });

  test("marking read touches only the caller's own notifications", async () => {
    const { maya, sam, vic } = people;
    await readAll(maya, vic);
    await startThread(sam, "@Maya Patel @Vic Romero both of you", [maya, vic]);
    const mayas = (await inbox(maya, "?unread=1")).notifications;
    expect(mayas).toHaveLength(1);
    const answer = await ok<{ unread: number }>(
      await vic.client.postJson("/api/notifications/read", { ids: [mayas[0]!.id] }),
    );
    expect(answer).toEqual({ unread: 1 });
    expect((await inbox(maya)).unread).toBe(1);
    await ok(await vic.client.postJson("/api/notifications/read", { all: true }));
    expect((await inbox(maya)).unread).toBe(1);
    expect((await inbox(vic)).unread).toBe(0);
  });

  test("lists every workspace the member belongs to, and forgets one they left", async () => {
    const { maya } = people;
    await readAll(maya);
    const elsewhere = await createWorkspaceWithOwner(accord.sql, {
      name: "Side Project",
      owner: { name: "Ezra Else" },
    });
    await accord.sql`
      insert into memberships (workspace_id, user_id, role, team) values (${elsewhere.workspace.id}, ${maya.id}, 'editor', 'other')`;
    const otherPlan = await insertPlan(accord.sql, {
      workspaceId: elsewhere.workspace.id,
      title: "Side plan",
      period: "2027-Q1",
      currency: "USD",
      createdBy: elsewhere.owner.user.id,
    });
    const ezra = await loginAs(accord, elsewhere.owner);
    await ok(
      await ezra.postJson(`/api/plans/${otherPlan.id}/threads`, {
        anchor: section,
        body: "@Maya Patel hi",
        mentions: [maya.id],
      }),
      201,
    );
    const both = await inbox(maya);
    expect(both.unread).toBe(1);
    expect(both.notifications[0]!.plan).toEqual({ id: otherPlan.id, title: "Side plan" });

    await accord.sql`delete from memberships where workspace_id = ${elsewhere.workspace.id} and user_id = ${maya.id}`;
    const after = await inbox(maya);
    expect(after.unread).toBe(0);
    expect(after.notifications.map((n) => n.plan?.id)).not.toContain(otherPlan.id);
  });

  test("participants and mentions who left the workspace are not told", async () => {
    const { sam, lena } = people;
    const leaver = await person("Lee Leaver", "editor");
    const thread = await startThread(leaver, "Started before leaving");
    await accord.sql`delete from memberships where workspace_id = ${workspaceId} and user_id = ${leaver.id}`;
    await reply(sam, thread.id, "Answered after");
    await ok(await lena.client.postJson(`/api/threads/${thread.id}/resolve`, {}));
    expect(await told(thread.id)).toEqual(["Sam Carter:resolved"]);
    const refused = await sam.client.postJson(`/api/threads/${thread.id}/comments`, {
      body: "@Lee Leaver still there?",
      mentions: [leaver.id],
    });
    expect(refused.status).toBe(400);
  });

  test("bad queries and bodies are 400, nothing changes", async () => {
    const { maya, sam } = people;
    await readAll(maya);
    await startThread(sam, "@Maya Patel unread", [maya]);
    for (const query of ["?limit=0", "?limit=201", "?limit=ten", "?unread=yes"]) {
      const response = await maya.client.get(`/api/notifications${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_input" });
    }
    for (const body of [
      {},
      { ids: [] },
      { ids: ["nope"] },
      { all: false },
      { all: true, ids: [randomUUID()] },
      [],
    ]) {
      const response = await maya.client.postJson("/api/notifications/read", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await inbox(maya)).unread).toBe(1);
  });
});
