import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { ThreadJson } from "../../app/domain/comments";
import type { PlanRow } from "../../db/queries/plans";
import { createSql } from "../../db/sql";
import { loginAs, type TestClient } from "../support/client";
import { eventually, insertTestPlan } from "../support/collab";
import { openEventStream, type EventStream, type SseEvent } from "../support/event-stream";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Live comments (DESIGN.md section 4): GET /api/events streams every change
 * of a plan's threads and the member's unread count, fed by Postgres
 * LISTEN/NOTIFY, so a change written through one server process reaches
 * streams on another.
 */

let accord: TestServer;
let workspaceId: string;
let owner: CreatedMember;
let editor: CreatedMember;
let commenter: CreatedMember;
let plan: PlanRow;
let ownerClient: TestClient;
let editorClient: TestClient;
let commenterClient: TestClient;
let streams: EventStream[] = [];

const section = { kind: "section", section: "campaigns" } as const;

async function stream(client: TestClient, planId: string | null, server = accord): Promise<EventStream> {
  const opened = await openEventStream(client, planId ? `/api/events?plan=${planId}` : "/api/events");
  expect(server.url).toContain(new URL(opened.response.url).host);
  streams.push(opened);
  return opened;
}

/** Waits for the stream's first two events: the unread count, then `ready`. */
async function ready(s: EventStream): Promise<number> {
  const inbox = await s.next();
  expect(inbox.event).toBe("inbox");
  expect((await s.next()).event).toBe("ready");
  return (JSON.parse(inbox.data) as { unread: number }).unread;
}

const threadEvent =
  (id: string, check: (thread: ThreadJson) => boolean = () => true) =>
  (e: SseEvent) => {
    if (e.event !== "thread") return false;
    const thread = JSON.parse(e.data) as ThreadJson;
    return thread.id === id && check(thread);
  };
const inboxEvent = (unread: number) => (e: SseEvent) =>
  e.event === "inbox" && (JSON.parse(e.data) as { unread: number }).unread === unread;

async function startThread(
  client: TestClient,
  planId: string,
  body = "Is the budget agreed?",
): Promise<ThreadJson> {
  const response = await client.postJson(`/api/plans/${planId}/threads`, { anchor: section, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { thread: ThreadJson }).thread;
}

async function newPlan(): Promise<PlanRow> {
  return insertTestPlan(accord.sql, { workspaceId, createdBy: owner.user.id, currency: "EUR" });
}

beforeAll(async () => {
  accord = await startTestServer({ events: { pingIntervalMs: 200 } });
  const created = await createWorkspaceWithOwner(accord.sql, { name: "Contoso Revenue" });
  workspaceId = created.workspace.id;
  owner = created.owner;
  editor = await createMember(accord.sql, { workspaceId, role: "editor", team: "marketing" });
  commenter = await createMember(accord.sql, { workspaceId, role: "commenter", team: "sales" });
  plan = await newPlan();
  ownerClient = await loginAs(accord, owner);
  editorClient = await loginAs(accord, editor);
  commenterClient = await loginAs(accord, commenter);
});

afterEach(() => {
  for (const s of streams) s.close();
  streams = [];
});

afterAll(async () => {
  await accord?.close();
});

describe("GET /api/events", () => {
  test("is an uncached event stream: retry, the unread count, ready, and pings", async () => {
    const s = await stream(editorClient, plan.id);
    expect(s.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(s.response.headers.get("cache-control")).toBe("no-store");
    expect(await ready(s)).toBe(0);
    expect(s.retry).toBe(3000);
    await eventually(() => expect(s.comments).toContain("ping"), 2_000);
  });

  test("a comment posted by one member reaches another member's stream within a second", async () => {
    const s = await stream(editorClient, plan.id);
    await ready(s);
    const thread = await startThread(ownerClient, plan.id);
    const created = await s.next(threadEvent(thread.id));
    expect(JSON.parse(created.data)).toEqual(thread);

    const sent = performance.now();
    const response = await commenterClient.postJson(`/api/threads/${thread.id}/comments`, {
      body: "Marketing owns the events budget.",
    });
    expect(response.status).toBe(201);
    const { comment } = (await response.json()) as { comment: { id: string } };
    const reply = await s.next(
      threadEvent(thread.id, (t) => t.comments.some((c) => c.id === comment.id)),
      1_000,
    );
    expect(reply.at - sent).toBeLessThan(1_000);
  });

  test("every change of a thread is sent: edit, delete, blocking, resolve, reopen", async () => {
    const s = await stream(commenterClient, plan.id);
    await ready(s);
    const thread = await startThread(editorClient, plan.id, "First version");
    await s.next(threadEvent(thread.id));
    const commentId = thread.comments[0]!.id;

    await editorClient.patchJson(`/api/comments/${commentId}`, { body: "Second version" });
    await s.next(threadEvent(thread.id, (t) => t.comments[0]!.body === "Second version"));
    await editorClient.patchJson(`/api/threads/${thread.id}`, { blocking: true });
    await s.next(threadEvent(thread.id, (t) => t.blocking));
    await editorClient.postJson(`/api/threads/${thread.id}/resolve`, {});
    await s.next(threadEvent(thread.id, (t) => t.status === "resolved"));
    await editorClient.postJson(`/api/threads/${thread.id}/reopen`, {});
    await s.next(threadEvent(thread.id, (t) => t.status === "open"));
    await editorClient.delete(`/api/comments/${commentId}`);
    await s.next(
      threadEvent(thread.id, (t) => t.comments[0]!.deletedAt !== null && t.comments[0]!.body === null),
    );
  });

  test("a no-op sends nothing: resolving a resolved thread", async () => {
    const thread = await startThread(editorClient, plan.id);
    await editorClient.postJson(`/api/threads/${thread.id}/resolve`, {});
    const s = await stream(commenterClient, plan.id);
    await ready(s);
    expect((await editorClient.postJson(`/api/threads/${thread.id}/resolve`, {})).status).toBe(200);
    // A later change of the same thread is the next thread event the stream sees.
    await editorClient.postJson(`/api/threads/${thread.id}/reopen`, {});
    const next = await s.next((e) => e.event === "thread");
    expect((JSON.parse(next.data) as ThreadJson).status).toBe("open");
  });

  test("ready tells the plan's live-change count: each change of its threads counts once, nothing else does", async () => {
    const p = await newPlan();
    const readySeq = async (planId: string | null) => {
      const s = await stream(editorClient, planId);
      await s.next((e) => e.event === "inbox");
      const event = await s.next();
      expect(event.event).toBe("ready");
      s.close();
      return (JSON.parse(event.data) as { planSeq?: number }).planSeq ?? null;
    };
    expect(await readySeq(p.id)).toBe(0);
    const thread = await startThread(ownerClient, p.id);
    // What a page read now would show.
    const shown = (await readySeq(p.id))!;
    expect(shown).toBe(1);

    // A reply after that: a stream opened afterwards counts it.
    const reply = await commenterClient.postJson(`/api/threads/${thread.id}/comments`, { body: "Agreed." });
    expect(reply.status).toBe(201);
    expect(await readySeq(p.id)).toBe(shown + 1);

    // A refused write and a change of another plan are not changes of this one.
    const refused = await commenterClient.postJson(`/api/threads/${thread.id}/comments`, { body: "" });
    expect(refused.status).toBe(400);
    await startThread(ownerClient, plan.id, "Elsewhere");
    expect(await readySeq(p.id)).toBe(shown + 1);
    // A stream without a plan has no count to tell.
    expect(await readySeq(null)).toBeNull();
  });

  test("threads of other plans do not reach a plan's stream, nor a stream without a plan", async () => {
    const other = await newPlan();
    const onPlan = await stream(editorClient, plan.id);
    const inboxOnly = await stream(editorClient, null);
    await ready(onPlan);
    await ready(inboxOnly);
    await startThread(ownerClient, other.id, "Elsewhere");
    const here = await startThread(ownerClient, plan.id, "Here");
    const first = await onPlan.next((e) => e.event === "thread");
    expect((JSON.parse(first.data) as ThreadJson).id).toBe(here.id);
    await expect(inboxOnly.next((e) => e.event === "thread", 300)).rejects.toThrow(/no matching event/);
  });

  test("the inbox count goes up with a mention and down when it is read, on every stream of the member", async () => {
    const member = await createMember(accord.sql, {
      workspaceId,
      role: "commenter",
      user: { name: "Nia Okafor" },
    });
    const client = await loginAs(accord, member);
    const onPlan = await stream(client, plan.id);
    const inboxOnly = await stream(client, null);
    expect(await ready(onPlan)).toBe(0);
    expect(await ready(inboxOnly)).toBe(0);

    const response = await ownerClient.postJson(`/api/plans/${plan.id}/threads`, {
      anchor: section,
      body: "@Nia Okafor can you check the dates?",
      mentions: [member.user.id],
    });
    expect(response.status).toBe(201);
    await onPlan.next(inboxEvent(1));
    await inboxOnly.next(inboxEvent(1));

    const read = await client.postJson("/api/notifications/read", { all: true });
    expect(await read.json()).toEqual({ unread: 0 });
    await onPlan.next(inboxEvent(0));
    await inboxOnly.next(inboxEvent(0));
  });

  test("401 without a session, 404 for a plan of another workspace or a malformed id", async () => {
    const { TestClient } = await import("../support/client");
    const anonymous = new TestClient(accord.url);
    const response = await anonymous.get(`/api/events?plan=${plan.id}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });

    const outsider = await createWorkspaceWithOwner(accord.sql, { name: "Fabrikam Growth" });
    const outsiderClient = await loginAs(accord, outsider.owner);
    for (const planId of [plan.id, "not-a-plan", randomUUID()]) {
      const refused = await outsiderClient.get(`/api/events?plan=${planId}`);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await refused.json()).toEqual({
        error: "not_found",
        message: "There is no such plan, or you do not have access to it.",
      });
    }
    expect((await ownerClient.postJson("/api/events", {})).status).toBe(405);
  });

  test("the stream ends when the member is removed, and the next attempt is refused", async () => {
    const member = await createMember(accord.sql, { workspaceId, role: "editor" });
    const client = await loginAs(accord, member);
    const onPlan = await stream(client, plan.id);
    await ready(onPlan);
    const removedAt = performance.now();
    await accord.sql`delete from memberships where workspace_id = ${workspaceId} and user_id = ${member.user.id}`;
    await onPlan.ended;
    expect(performance.now() - removedAt).toBeLessThan(2_000);
    expect((await client.get(`/api/events?plan=${plan.id}`)).status).toBe(404);
  });

  test("the streams of a session end when it logs out", async () => {
    const member = await createMember(accord.sql, { workspaceId, role: "viewer" });
    const client = await loginAs(accord, member);
    const inboxOnly = await stream(client, null);
    await ready(inboxOnly);
    await client.logout();
    await inboxOnly.ended;
    expect((await client.get("/api/events")).status).toBe(401);
  });

  test("closing the request unsubscribes the stream from the hub", async () => {
    const before = accord.server.events.size();
    const s = await stream(editorClient, plan.id);
    await ready(s);
    expect(accord.server.events.size()).toBe(before + 1);
    s.close();
    await eventually(() => expect(accord.server.events.size()).toBe(before));
  });
});

describe("two server processes on one database", () => {
  test("a comment written through one server reaches a stream on the other", async () => {
    // Its own pool, so its own LISTEN connection: nothing is shared but PostgreSQL.
    const secondPool = createSql(accord.database.url, { max: 3 });
    const second = await startTestServer({
      database: { ...accord.database, sql: secondPool, drop: async () => {} },
    });
    try {
      const onSecond = await stream(await loginAs(second, editor), plan.id, second);
      await ready(onSecond);
      const thread = await startThread(ownerClient, plan.id, "Written through the first server");
      const arrived = await onSecond.next(threadEvent(thread.id), 2_000);
      expect(JSON.parse(arrived.data)).toEqual(thread);

      // And back: a reply through the second server reaches a stream on the first.
      const onFirst = await stream(commenterClient, plan.id);
      await ready(onFirst);
      const secondClient = await loginAs(second, commenter);
      const reply = await secondClient.postJson(`/api/threads/${thread.id}/comments`, {
        body: "Seen on both.",
      });
      expect(reply.status).toBe(201);
      await onFirst.next(
        threadEvent(thread.id, (t) => t.comments.length === 2),
        2_000,
      );
      await onSecond.next(
        threadEvent(thread.id, (t) => t.comments.length === 2),
        2_000,
      );
    } finally {
      await second.close();
      await secondPool.end({ timeout: 5 });
    }
  });

  test("closing a server ends its streams at once", async () => {
    const second = await startTestServer({ database: accord.database });
    const s = await stream(await loginAs(second, editor), plan.id, second);
    await ready(s);
    const closing = performance.now();
    await second.close();
    await s.ended;
    expect(performance.now() - closing).toBeLessThan(2_000);
  });
});
