import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { textRangeAnchor, type Anchor, type CommentJson, type ThreadJson } from "../../app/domain/comments";
import type { Role } from "../../app/domain/membership";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import { TestClient, loginAs } from "../support/client";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The comment endpoints of docs/API.md over real HTTP: shapes, every bad
 * input refused with nothing written, the roles of one workspace, and
 * nothing at all for another workspace.
 */

interface ErrorJson {
  error: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}
type Written = { comment: CommentJson; thread: ThreadJson };

let accord: TestServer;
let workspaceId: string;
const members = new Map<Role, CreatedMember>();
const clients = new Map<Role, TestClient>();
let commenter2: CreatedMember;
let commenter2Client: TestClient;
let plan: PlanRow;
let approved: PlanRow;
let outsider: CreatedMember;
let outsiderClient: TestClient;
let outsiderPlan: PlanRow;

const as = (role: Role) => clients.get(role)!;
const idOf = (role: Role) => members.get(role)!.user.id;

/** A text anchor on "data platform" of a strategy paragraph, as an editor would send it. */
function textAnchor(): Extract<Anchor, { kind: "text" }> {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("We lead with the data platform.")]);
  doc.getXmlFragment("strategy").insert(0, [paragraph]);
  const range = textRangeAnchor(doc.getXmlFragment("strategy"), 17, 30)!;
  return { kind: "text", field: "strategy", ...range };
}
const rowAnchor = (): Anchor => ({ kind: "row", section: "glossary", rowId: randomUUID(), quote: "MQL" });
const sectionAnchor = (section: "campaigns" | "strategy" | "journey" = "campaigns"): Anchor => ({
  kind: "section",
  section,
});

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return JSON.parse(text) as T;
}

async function start(
  client: TestClient,
  body: Record<string, unknown> = {},
  planId = plan.id,
): Promise<ThreadJson> {
  const response = await client.postJson(`/api/plans/${planId}/threads`, {
    anchor: sectionAnchor(),
    body: "Is the events budget agreed?",
    ...body,
  });
  return (await json<{ thread: ThreadJson }>(response, 201)).thread;
}

async function reply(
  client: TestClient,
  threadId: string,
  body: Record<string, unknown> = {},
): Promise<Written> {
  return json<Written>(
    await client.postJson(`/api/threads/${threadId}/comments`, { body: "Agreed.", ...body }),
    201,
  );
}

/** Everything the comment endpoints can write, to check that a refusal wrote nothing. */
async function written() {
  const [row] = await accord.sql<
    { threads: string; comments: string; notifications: string; updated: string }[]
  >`select
      (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from comment_threads t) as threads,
      (select md5(coalesce(string_agg(c::text, '|' order by c.id), '')) from comments c) as comments,
      (select md5(coalesce(string_agg(n::text, '|' order by n.id), '')) from notifications n) as notifications,
      (select md5(coalesce(string_agg(p.updated_at::text, '|' order by p.id), '')) from plans p) as updated`;
  return row!;
}

async function expectNothingWritten(during: () => Promise<void>): Promise<void> {
  const before = await written();
  await during();
  expect(await written()).toEqual(before);
}

beforeAll(async () => {
  accord = await startTestServer();
  const home = await createWorkspaceWithOwner(accord.sql, {
    name: "Contoso Revenue",
    owner: { name: "Olga Owner" },
  });
  workspaceId = home.workspace.id;
  members.set("owner", home.owner);
  members.set(
    "editor",
    await createMember(accord.sql, {
      workspaceId,
      role: "editor",
      team: "marketing",
      user: { name: "Maya Patel" },
    }),
  );
  members.set(
    "commenter",
    await createMember(accord.sql, {
      workspaceId,
      role: "commenter",
      team: "sales",
      user: { name: "Sam Carter" },
    }),
  );
  members.set(
    "viewer",
    await createMember(accord.sql, { workspaceId, role: "viewer", user: { name: "Vic Romero" } }),
  );
  commenter2 = await createMember(accord.sql, {
    workspaceId,
    role: "commenter",
    team: "sales",
    user: { name: "Cleo Commenter" },
  });
  for (const [role, member] of members) clients.set(role, await loginAs(accord, member));
  commenter2Client = await loginAs(accord, commenter2);
  const newPlan = (title: string, wsId = workspaceId) =>
    insertPlan(accord.sql, {
      workspaceId: wsId,
      title,
      period: "2027-Q1",
      currency: "EUR",
      createdBy: idOf("owner"),
    });
  plan = await newPlan("Q1 joint plan");
  approved = await newPlan("Q4 signed plan");
  await accord.sql`update plans set status = 'approved' where id = ${approved.id}`;

  const other = await createWorkspaceWithOwner(accord.sql, { name: "Fabrikam Growth" });
  outsider = other.owner;
  outsiderClient = await loginAs(accord, outsider);
  outsiderPlan = await newPlan("Fabrikam plan", other.workspace.id);
});

afterAll(async () => {
  await accord?.close();
});

describe("threads", () => {
  test("POST starts a thread with its first comment: 201, Location, the thread as the API shows it", async () => {
    const anchor = textAnchor();
    const response = await as("commenter").postJson(`/api/plans/${plan.id}/threads`, {
      anchor,
      body: "  “Data platform” undersells it: say analytics layer.  ",
      blocking: true,
    });
    const { thread } = await json<{ thread: ThreadJson }>(response, 201);
    expect(response.headers.get("location")).toBe(`/api/threads/${thread.id}`);
    expect(thread).toEqual({
      id: expect.any(String),
      planId: plan.id,
      anchor: {
        kind: "text",
        field: "strategy",
        start: anchor.start,
        end: anchor.end,
        quote: "data platform",
      },
      status: "open",
      blocking: true,
      author: { id: idOf("commenter"), name: "Sam Carter", team: "sales" },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: thread.createdAt,
      resolvedAt: null,
      resolvedBy: null,
      comments: [
        {
          id: expect.any(String),
          threadId: thread.id,
          author: { id: idOf("commenter"), name: "Sam Carter", team: "sales" },
          body: "“Data platform” undersells it: say analytics layer.",
          mentions: [],
          createdAt: expect.any(String),
          editedAt: null,
          deletedAt: null,
        },
      ],
    });
    // GET /api/threads/:id answers the same.
    expect(await json(await as("viewer").get(`/api/threads/${thread.id}`), 200)).toEqual({ thread });
  });

  test("row and section anchors come back as they were sent", async () => {
    const row = rowAnchor();
    const onRow = await start(as("editor"), { anchor: row });
    expect(onRow.anchor).toEqual(row);
    const onSection = await start(as("editor"), { anchor: sectionAnchor("journey") });
    expect(onSection.anchor).toEqual({ kind: "section", section: "journey" });
  });

  test("GET lists by section in reading order, then oldest first, each with all its comments", async () => {
    const listed = await newPlanWithThreads();
    const { threads } = await json<{ threads: ThreadJson[] }>(
      await as("viewer").get(`/api/plans/${listed.plan.id}/threads`),
      200,
    );
    expect(threads.map((t) => t.comments[0]!.body)).toEqual([
      "strategy section",
      "strategy text",
      "glossary row 1",
      "glossary row 2",
    ]);
    expect(threads[2]!.comments.map((c) => c.body)).toEqual([
      "glossary row 1",
      "first reply",
      "second reply",
    ]);
    expect(threads.every((t) => t.planId === listed.plan.id)).toBe(true);
  });

  test("filters by status and by mentions of the caller; a bad filter is a 400", async () => {
    const { plan: listed, threads } = await newPlanWithThreads();
    await json(await as("editor").postJson(`/api/threads/${threads.glossary1.id}/resolve`, {}), 200);
    const list = async (client: TestClient, query: string) =>
      (
        await json<{ threads: ThreadJson[] }>(
          await client.get(`/api/plans/${listed.id}/threads${query}`),
          200,
        )
      ).threads.map((t) => t.id);
    expect(await list(as("viewer"), "?status=resolved")).toEqual([threads.glossary1.id]);
    expect(await list(as("viewer"), "?status=open")).toEqual([
      threads.section.id,
      threads.text.id,
      threads.glossary2.id,
    ]);
    expect(await list(as("viewer"), "?status=all")).toHaveLength(4);
    expect(await list(as("viewer"), "?mentioning=me")).toEqual([threads.glossary2.id]);
    expect(await list(as("owner"), "?mentioning=me")).toEqual([]);
    for (const query of ["?status=closed", "?mentioning=someone"]) {
      const error = await json<ErrorJson>(
        await as("viewer").get(`/api/plans/${listed.id}/threads${query}`),
        400,
      );
      expect(error.error).toBe("invalid_input");
      expect(Object.keys(error.fieldErrors!)).toEqual([query.slice(1).split("=")[0]]);
    }
  });

  test("PATCH marks and unmarks a thread blocking", async () => {
    const thread = await start(as("commenter"));
    const marked = await json<{ thread: ThreadJson }>(
      await as("editor").patchJson(`/api/threads/${thread.id}`, { blocking: true }),
      200,
    );
    expect(marked.thread.blocking).toBe(true);
    const again = await json<{ thread: ThreadJson }>(
      await as("commenter").patchJson(`/api/threads/${thread.id}`, { blocking: false }),
      200,
    );
    expect(again.thread.blocking).toBe(false);
    const bad = await json<ErrorJson>(
      await as("editor").patchJson(`/api/threads/${thread.id}`, { blocking: "yes" }),
      400,
    );
    expect(bad.fieldErrors).toEqual({ blocking: ["blocking is true or false."] });
  });

  test("resolve and reopen are idempotent: a second call answers the thread and writes nothing", async () => {
    const thread = await start(as("commenter"));
    const resolved = await json<{ thread: ThreadJson }>(
      await as("editor").postJson(`/api/threads/${thread.id}/resolve`, {}),
      200,
    );
    expect(resolved.thread).toMatchObject({
      status: "resolved",
      resolvedBy: { id: idOf("editor"), name: "Maya Patel", team: "marketing" },
      resolvedAt: expect.any(String),
    });
    await expectNothingWritten(async () => {
      const again = await json<{ thread: ThreadJson }>(
        await as("editor").postJson(`/api/threads/${thread.id}/resolve`, {}),
        200,
      );
      expect(again.thread).toEqual(resolved.thread);
    });
    const reopened = await json<{ thread: ThreadJson }>(
      await as("commenter").postJson(`/api/threads/${thread.id}/reopen`, {}),
      200,
    );
    expect(reopened.thread).toMatchObject({ status: "open", resolvedBy: null, resolvedAt: null });
    await expectNothingWritten(async () => {
      await json(await as("commenter").postJson(`/api/threads/${thread.id}/reopen`, {}), 200);
    });
  });

  test("threads and replies on an approved (locked) plan are allowed", async () => {
    const thread = await start(as("commenter"), {}, approved.id);
    await reply(as("editor"), thread.id);
  });
});

describe("comments", () => {
  test("POST replies: 201 with the comment and the thread, last activity moved", async () => {
    const thread = await start(as("editor"));
    const { comment, thread: after } = await reply(as("commenter"), thread.id, {
      body: "We can move $5k from paid search.",
    });
    expect(comment).toMatchObject({
      threadId: thread.id,
      author: { id: idOf("commenter"), name: "Sam Carter", team: "sales" },
      body: "We can move $5k from paid search.",
      editedAt: null,
      deletedAt: null,
    });
    expect(after.comments.map((c) => c.id)).toEqual([thread.comments[0]!.id, comment.id]);
    expect(after.updatedAt >= thread.updatedAt).toBe(true);
  });

  test("PATCH edits one's own comment; DELETE leaves it in the thread as deleted; a deleted comment cannot be edited (409)", async () => {
    const thread = await start(as("editor"));
    const { comment } = await reply(as("commenter"), thread.id, { body: "Frist draft" });
    const edited = await json<Written>(
      await as("commenter").patchJson(`/api/comments/${comment.id}`, { body: "First draft" }),
      200,
    );
    expect(edited.comment).toMatchObject({
      id: comment.id,
      body: "First draft",
      editedAt: expect.any(String),
    });

    const removed = await json<{ thread: ThreadJson }>(
      await as("commenter").delete(`/api/comments/${comment.id}`),
      200,
    );
    const deleted = removed.thread.comments.find((c) => c.id === comment.id)!;
    expect(deleted).toMatchObject({ body: null, mentions: [], deletedAt: expect.any(String) });
    expect(removed.thread.comments).toHaveLength(2);
    const [row] = await accord.sql`select body, deleted_at from comments where id = ${comment.id}`;
    expect(row).toMatchObject({ body: "", deleted_at: expect.any(Date) });

    await expectNothingWritten(async () => {
      const conflict = await json<ErrorJson>(
        await as("commenter").patchJson(`/api/comments/${comment.id}`, { body: "Back" }),
        409,
      );
      expect(conflict).toEqual({
        error: "conflict",
        message: "This comment was deleted; it cannot be edited.",
      });
      // Deleting again changes nothing.
      await json(await as("commenter").delete(`/api/comments/${comment.id}`), 200);
    });
  });

  test("bodies come back byte for byte, markup included: they are text, never HTML", async () => {
    const bodies = [
      "<img src=x onerror=alert(1)>",
      "<script>alert('x')</script> & \"quotes\" 'single' \\ back\u2028slash",
      "Line one\nLine two\n\n→ ünïcödé 😀",
    ];
    const thread = await start(as("commenter"), { body: bodies[0] });
    expect(thread.comments[0]!.body).toBe(bodies[0]);
    for (const body of bodies.slice(1))
      expect((await reply(as("commenter"), thread.id, { body })).comment.body).toBe(body);
    const { thread: read } = await json<{ thread: ThreadJson }>(
      await as("viewer").get(`/api/threads/${thread.id}`),
      200,
    );
    expect(read.comments.map((c) => c.body)).toEqual(bodies);
    const raw = await (await as("viewer").get(`/api/plans/${plan.id}/threads`)).text();
    expect(raw).toContain(JSON.stringify(bodies[0]));
  });

  test("a body of exactly 10,000 characters is taken", async () => {
    const thread = await start(as("commenter"), { body: "x".repeat(10_000) });
    expect(thread.comments[0]!.body).toHaveLength(10_000);
  });
});

describe("bad input: 400 with field errors, nothing written", () => {
  const tooLong = "y".repeat(10_001);
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["a missing body", { anchor: sectionAnchor() }, "body"],
    ["a blank body", { anchor: sectionAnchor(), body: " \n " }, "body"],
    ["a 10,001-character body", { anchor: sectionAnchor(), body: tooLong }, "body"],
    ["a body that is not text", { anchor: sectionAnchor(), body: 42 }, "body"],
    ["no anchor", { body: "Hi" }, "anchor"],
    ["an unknown anchor kind", { anchor: { kind: "cell", section: "campaigns" }, body: "Hi" }, "anchor"],
    [
      "a text anchor without positions",
      { anchor: { kind: "text", field: "strategy", quote: "x" }, body: "Hi" },
      "anchor",
    ],
    [
      "a text anchor whose positions are not base64",
      { anchor: { kind: "text", field: "strategy", start: "<script>", end: "%%", quote: "x" }, body: "Hi" },
      "anchor",
    ],
    [
      "a text anchor whose positions are not Yjs positions",
      { anchor: { kind: "text", field: "strategy", start: "QUJD", end: "/w==", quote: "x" }, body: "Hi" },
      "anchor",
    ],
    [
      "a text anchor on an unknown field",
      { anchor: { ...textAnchor(), field: "pricing" }, body: "Hi" },
      "anchor",
    ],
    [
      "a row anchor with a malformed row id",
      { anchor: { kind: "row", section: "glossary", rowId: "row-1" }, body: "Hi" },
      "anchor",
    ],
    [
      "a row anchor on a section without rows",
      { anchor: { kind: "row", section: "strategy", rowId: randomUUID() }, body: "Hi" },
      "anchor",
    ],
    ["mentions that are not ids", { anchor: sectionAnchor(), body: "Hi", mentions: ["maya"] }, "mentions"],
    ["mentions that are not a list", { anchor: sectionAnchor(), body: "Hi", mentions: "maya" }, "mentions"],
    ["blocking that is not a boolean", { anchor: sectionAnchor(), body: "Hi", blocking: "yes" }, "blocking"],
  ];

  test.each(cases)("POST /api/plans/:planId/threads with %s", async (_what, body, field) => {
    await expectNothingWritten(async () => {
      const error = await json<ErrorJson>(
        await as("editor").postJson(`/api/plans/${plan.id}/threads`, body),
        400,
      );
      expect(error.error).toBe("invalid_input");
      expect(Object.keys(error.fieldErrors!)).toEqual([field]);
      expect(error.fieldErrors![field]![0]).toMatch(/\w/);
    });
  });

  test("the 10,001-character body is refused with its own message", async () => {
    const error = await json<ErrorJson>(
      await as("editor").postJson(`/api/plans/${plan.id}/threads`, {
        anchor: sectionAnchor(),
        body: tooLong,
      }),
      400,
    );
    expect(error.fieldErrors).toEqual({ body: ["Keep a comment under 10,000 characters."] });
  });

  test("a mention of someone who is not a member of the workspace, anywhere", async () => {
    const thread = await start(as("editor"));
    const ids = [randomUUID(), outsider.user.id];
    await expectNothingWritten(async () => {
      for (const id of ids) {
        const bodies = { body: "@Someone look", mentions: [idOf("commenter"), id] };
        const attempts = [
          as("editor").postJson(`/api/plans/${plan.id}/threads`, { anchor: sectionAnchor(), ...bodies }),
          as("editor").postJson(`/api/threads/${thread.id}/comments`, bodies),
          as("editor").patchJson(`/api/comments/${thread.comments[0]!.id}`, bodies),
        ];
        for (const attempt of attempts) {
          const error = await json<ErrorJson>(await attempt, 400);
          expect(error.fieldErrors).toEqual({ mentions: ["Mention only members of this workspace."] });
        }
      }
    });
  });

  test("replies and edits validate like threads", async () => {
    const thread = await start(as("commenter"));
    const commentId = thread.comments[0]!.id;
    await expectNothingWritten(async () => {
      for (const body of [{}, { body: "" }, { body: tooLong }, { body: "ok", mentions: [1] }]) {
        for (const response of [
          await as("commenter").postJson(`/api/threads/${thread.id}/comments`, body),
          await as("commenter").patchJson(`/api/comments/${commentId}`, body),
        ]) {
          const error = await json<ErrorJson>(response, 400);
          expect(error.error).toBe("invalid_input");
        }
      }
      for (const path of [`/api/plans/${plan.id}/threads`, `/api/threads/${thread.id}/comments`]) {
        const notJson = await as("commenter").request(path, {
          method: "POST",
          body: "body=hi",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        });
        expect((await json<ErrorJson>(notJson, 400)).error).toBe("invalid_json");
        const broken = await as("commenter").request(path, {
          method: "POST",
          body: "{not json",
          headers: { "content-type": "application/json" },
        });
        expect((await json<ErrorJson>(broken, 400)).error).toBe("invalid_json");
        expect((await json<ErrorJson>(await as("commenter").postJson(path, ["an array"]), 400)).error).toBe(
          "invalid_input",
        );
      }
    });
  });

  test("malformed ids are 404, like unknown ones", async () => {
    await expectNothingWritten(async () => {
      for (const id of ["not-a-uuid", "1", randomUUID()]) {
        const client = as("owner");
        const responses: Array<[Response, string]> = [
          [await client.get(`/api/plans/${id}/threads`), "plan"],
          [await client.postJson(`/api/plans/${id}/threads`, { anchor: sectionAnchor(), body: "x" }), "plan"],
          [await client.get(`/api/threads/${id}`), "thread"],
          [await client.patchJson(`/api/threads/${id}`, { blocking: true }), "thread"],
          [await client.postJson(`/api/threads/${id}/comments`, { body: "x" }), "thread"],
          [await client.postJson(`/api/threads/${id}/resolve`, {}), "thread"],
          [await client.postJson(`/api/threads/${id}/reopen`, {}), "thread"],
          [await client.patchJson(`/api/comments/${id}`, { body: "x" }), "comment"],
          [await client.delete(`/api/comments/${id}`), "comment"],
          [await client.get(`/api/events?plan=${id}`), "plan"],
        ];
        for (const [response, what] of responses) {
          expect(await json(response, 404)).toEqual({
            error: "not_found",
            message: `There is no such ${what}, or you do not have access to it.`,
          });
        }
      }
    });
  });
});

describe("roles", () => {
  test("a viewer reads threads, and every write is a 403", async () => {
    const thread = await start(as("commenter"));
    const commentId = thread.comments[0]!.id;
    const viewer = as("viewer");
    expect(
      (await json<{ threads: ThreadJson[] }>(await viewer.get(`/api/plans/${plan.id}/threads`), 200)).threads
        .length,
    ).toBeGreaterThan(0);
    await json(await viewer.get(`/api/threads/${thread.id}`), 200);
    await expectNothingWritten(async () => {
      const writes = [
        viewer.postJson(`/api/plans/${plan.id}/threads`, { anchor: sectionAnchor(), body: "Mine" }),
        // Refused before the body is read: no validation messages for a viewer.
        viewer.postJson(`/api/plans/${plan.id}/threads`, {}),
        viewer.postJson(`/api/threads/${thread.id}/comments`, { body: "Mine" }),
        viewer.patchJson(`/api/threads/${thread.id}`, { blocking: true }),
        viewer.postJson(`/api/threads/${thread.id}/resolve`, {}),
        viewer.postJson(`/api/threads/${thread.id}/reopen`, {}),
        viewer.patchJson(`/api/comments/${commentId}`, { body: "Mine" }),
        viewer.delete(`/api/comments/${commentId}`),
      ];
      for (const write of writes) expect((await json<ErrorJson>(await write, 403)).error).toBe("forbidden");
    });
  });

  test("a commenter comments, but cannot edit or delete another's comment, nor settle another's thread", async () => {
    const editorsThread = await start(as("editor"));
    const mine = await reply(as("commenter"), editorsThread.id, { body: "Mine" });
    await json(
      await as("commenter").patchJson(`/api/comments/${mine.comment.id}`, { body: "Still mine" }),
      200,
    );
    await expectNothingWritten(async () => {
      const refusals = [
        [
          as("commenter").patchJson(`/api/comments/${editorsThread.comments[0]!.id}`, { body: "Taken over" }),
          /Only its author/,
        ],
        [as("commenter").delete(`/api/comments/${editorsThread.comments[0]!.id}`), /Only its author/],
        [
          commenter2Client.patchJson(`/api/comments/${mine.comment.id}`, { body: "Taken over" }),
          /Only its author/,
        ],
        // Not even an editor or the owner changes someone else's words.
        [
          as("editor").patchJson(`/api/comments/${mine.comment.id}`, { body: "Taken over" }),
          /Only its author/,
        ],
        [as("owner").delete(`/api/comments/${mine.comment.id}`), /Only its author/],
        [as("commenter").postJson(`/api/threads/${editorsThread.id}/resolve`, {}), /Only editors/],
        [as("commenter").patchJson(`/api/threads/${editorsThread.id}`, { blocking: true }), /Only editors/],
      ] as const;
      for (const [response, message] of refusals) {
        const error = await json<ErrorJson>(await response, 403);
        expect(error.message).toMatch(message);
      }
    });
  });

  test("the author of a thread resolves, reopens and marks it; an editor settles anyone's", async () => {
    const own = await start(as("commenter"));
    await json(await as("commenter").patchJson(`/api/threads/${own.id}`, { blocking: true }), 200);
    await json(await as("commenter").postJson(`/api/threads/${own.id}/resolve`, {}), 200);
    await json(await as("commenter").postJson(`/api/threads/${own.id}/reopen`, {}), 200);
    const others = await start(commenter2Client);
    await json(await as("editor").postJson(`/api/threads/${others.id}/resolve`, {}), 200);
    await json(await as("owner").postJson(`/api/threads/${others.id}/reopen`, {}), 200);
  });

  test("an author demoted to viewer can no longer change their comment", async () => {
    const member = await createMember(accord.sql, { workspaceId, role: "commenter" });
    const client = await loginAs(accord, member);
    const thread = await start(client);
    await accord.sql`update memberships set role = 'viewer' where user_id = ${member.user.id}`;
    await expectNothingWritten(async () => {
      await json(await client.patchJson(`/api/comments/${thread.comments[0]!.id}`, { body: "Changed" }), 403);
      await json(await client.postJson(`/api/threads/${thread.id}/resolve`, {}), 403);
    });
  });
});

describe("another workspace", () => {
  test("every endpoint is a 404 for a member of another workspace, and nothing changes", async () => {
    const thread = await start(as("editor"), { blocking: true });
    const commentId = thread.comments[0]!.id;
    const c = outsiderClient;
    await expectNothingWritten(async () => {
      const attempts: Array<[Promise<Response>, string]> = [
        [c.get(`/api/plans/${plan.id}/threads`), "plan"],
        [c.postJson(`/api/plans/${plan.id}/threads`, { anchor: sectionAnchor(), body: "In" }), "plan"],
        [c.get(`/api/threads/${thread.id}`), "thread"],
        [c.patchJson(`/api/threads/${thread.id}`, { blocking: false }), "thread"],
        [c.postJson(`/api/threads/${thread.id}/comments`, { body: "In" }), "thread"],
        [c.postJson(`/api/threads/${thread.id}/resolve`, {}), "thread"],
        [c.postJson(`/api/threads/${thread.id}/reopen`, {}), "thread"],
        [c.patchJson(`/api/comments/${commentId}`, { body: "In" }), "comment"],
        [c.delete(`/api/comments/${commentId}`), "comment"],
        [c.get(`/api/events?plan=${plan.id}`), "plan"],
      ];
      for (const [attempt, what] of attempts) {
        const body = await json<ErrorJson>(await attempt, 404);
        expect(body.message).toBe(`There is no such ${what}, or you do not have access to it.`);
        expect(JSON.stringify(body)).not.toContain("Is the events budget agreed?");
      }
    });
    // Their own plan works as usual, and shows nothing of ours.
    const theirs = await start(c, {}, outsiderPlan.id);
    const { threads } = await json<{ threads: ThreadJson[] }>(
      await c.get(`/api/plans/${outsiderPlan.id}/threads`),
      200,
    );
    expect(threads.map((t) => t.id)).toEqual([theirs.id]);
  });

  test("a thread of another workspace cannot be reached through one's own plan id either", async () => {
    const thread = await start(as("editor"));
    // A reply with a foreign thread id, sent to one's own plan's URL family, is still refused.
    const response = await outsiderClient.postJson(`/api/threads/${thread.id}/comments`, {
      body: "x",
      planId: outsiderPlan.id,
    });
    expect(response.status).toBe(404);
  });
});

describe("authentication and methods", () => {
  test("every endpoint answers 401 JSON without a session", async () => {
    const anonymous = new TestClient(accord.url);
    const id = randomUUID();
    for (const response of [
      await anonymous.get(`/api/plans/${plan.id}/threads`),
      await anonymous.postJson(`/api/plans/${plan.id}/threads`, {}),
      await anonymous.get(`/api/threads/${id}`),
      await anonymous.patchJson(`/api/threads/${id}`, {}),
      await anonymous.postJson(`/api/threads/${id}/comments`, {}),
      await anonymous.postJson(`/api/threads/${id}/resolve`, {}),
      await anonymous.postJson(`/api/threads/${id}/reopen`, {}),
      await anonymous.patchJson(`/api/comments/${id}`, {}),
      await anonymous.delete(`/api/comments/${id}`),
      await anonymous.get("/api/notifications"),
      await anonymous.postJson("/api/notifications/read", { all: true }),
      await anonymous.get("/api/events"),
    ]) {
      expect(await json(response, 401)).toEqual({ error: "unauthenticated", message: "Log in first." });
    }
  });

  test("other methods are 405 with an Allow header", async () => {
    const thread = await start(as("editor"));
    const c = as("editor");
    const cases: Array<[Promise<Response>, string]> = [
      [c.request(`/api/plans/${plan.id}/threads`, { method: "PUT" }), "GET, POST"],
      [c.postJson(`/api/threads/${thread.id}`, { blocking: true }), "GET, PATCH"],
      [c.get(`/api/threads/${thread.id}/comments`), "POST"],
      [c.get(`/api/threads/${thread.id}/resolve`), "POST"],
      [c.get(`/api/threads/${thread.id}/reopen`), "POST"],
      [c.get(`/api/comments/${thread.comments[0]!.id}`), "PATCH, DELETE"],
      [c.postJson(`/api/comments/${thread.comments[0]!.id}`, { body: "x" }), "PATCH, DELETE"],
      [c.postJson("/api/notifications", {}), "GET"],
      [c.get("/api/notifications/read"), "POST"],
    ];
    for (const [attempt, allow] of cases) {
      const response = await attempt;
      expect((await json<ErrorJson>(response, 405)).error).toBe("method_not_allowed");
      expect(response.headers.get("allow")).toBe(allow);
    }
  });
});

/** A fresh plan with four threads in two sections, started out of reading order. */
async function newPlanWithThreads() {
  const listed = await insertPlan(accord.sql, {
    workspaceId,
    title: `Listed ${randomUUID().slice(0, 6)}`,
    period: "2027-Q2",
    currency: "EUR",
    createdBy: idOf("owner"),
  });
  const e = as("editor");
  const glossary1 = await start(e, { anchor: rowAnchor(), body: "glossary row 1" }, listed.id);
  const section = await start(e, { anchor: sectionAnchor("strategy"), body: "strategy section" }, listed.id);
  await reply(as("commenter"), glossary1.id, { body: "first reply" });
  const glossary2 = await start(
    e,
    { anchor: rowAnchor(), body: "glossary row 2 @Vic Romero", mentions: [idOf("viewer")] },
    listed.id,
  );
  // Rewritten below: its first comment must read "glossary row 2" for the ordering check.
  await e.patchJson(`/api/comments/${glossary2.comments[0]!.id}`, { body: "glossary row 2", mentions: [] });
  await reply(as("owner"), glossary1.id, { body: "second reply" });
  const text = await start(e, { anchor: textAnchor(), body: "strategy text" }, listed.id);
  // Mentioning the viewer in a reply puts glossary2 in their "mentioning me".
  await reply(e, glossary2.id, { body: "@Vic Romero please read", mentions: [idOf("viewer")] });
  return { plan: listed, threads: { glossary1, section, glossary2, text } };
}
