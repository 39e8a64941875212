import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import { insertMembership, type WorkspaceRow } from "../../db/queries/workspaces";
import { TestClient, loginAs } from "../support/client";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The JSON API of docs/API.md over real HTTP: shapes, authentication, the
 * error format, roles, and that refused or bad requests change nothing.
 */

interface PlanJson {
  id: string;
  title: string;
  period: string;
  status: string;
  currency: string;
  workspaceId?: string;
}
interface ErrorJson {
  error: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

let accord: TestServer;
let workspace: WorkspaceRow;
let other: WorkspaceRow;
let owner: CreatedMember;
let editor: CreatedMember;
let commenter: CreatedMember;
let viewer: CreatedMember;
let q1: PlanRow;
let q2: PlanRow;
let otherPlan: PlanRow;

const clientOf = (member: CreatedMember) => loginAs(accord, member);

async function json<T>(response: Response): Promise<T> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

const countPlans = async (workspaceId: string) => {
  const [row] = await accord.sql<
    { n: number }[]
  >`select count(*)::int as n from plans where workspace_id = ${workspaceId}`;
  return row!.n;
};

beforeAll(async () => {
  accord = await startTestServer();
  ({ workspace, owner } = await createWorkspaceWithOwner(accord.sql, { name: "Contoso Revenue" }));
  editor = await createMember(accord.sql, { workspaceId: workspace.id, role: "editor", team: "marketing" });
  commenter = await createMember(accord.sql, { workspaceId: workspace.id, role: "commenter", team: "sales" });
  viewer = await createMember(accord.sql, { workspaceId: workspace.id, role: "viewer" });
  ({ workspace: other } = await createWorkspaceWithOwner(accord.sql, { name: "Fabrikam Growth" }));
  const plan = (title: string, period: string, workspaceId = workspace.id) =>
    insertPlan(accord.sql, { workspaceId, title, period, currency: "EUR", createdBy: owner.user.id });
  q1 = await plan("Q1 joint plan", "2027-Q1");
  q2 = await plan("Q2 joint plan", "2027-Q2");
  await accord.sql`update plans set status = 'approved' where id = ${q1.id}`;
  otherPlan = await plan("Fabrikam secret plan", "2027-Q1", other.id);
});

afterAll(async () => {
  await accord?.close();
});

describe("GET /api/me", () => {
  test("names the user, the current workspace with role, team and sign-off right, and all workspaces", async () => {
    const client = await clientOf(commenter);
    const response = await client.get("/api/me");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toEqual({
      user: { id: commenter.user.id, name: commenter.user.name, email: commenter.email },
      workspace: {
        id: workspace.id,
        name: "Contoso Revenue",
        role: "commenter",
        team: "sales",
        canSignOff: false,
      },
      workspaces: [{ id: workspace.id, name: "Contoso Revenue", role: "commenter" }],
    });
  });

  test("lists every workspace of a member of two", async () => {
    const both = await createMember(accord.sql, {
      workspaceId: workspace.id,
      role: "viewer",
      canSignOff: true,
    });
    await insertMembership(accord.sql, {
      workspaceId: other.id,
      userId: both.user.id,
      role: "editor",
      team: "leadership",
      canSignOff: false,
    });
    const body = await json<{ workspace: { id: string; canSignOff: boolean }; workspaces: unknown[] }>(
      await (await clientOf(both)).get("/api/me"),
    );
    expect(body.workspace).toMatchObject({ id: workspace.id, canSignOff: true });
    expect(body.workspaces).toEqual(
      expect.arrayContaining([
        { id: workspace.id, name: "Contoso Revenue", role: "viewer" },
        { id: other.id, name: "Fabrikam Growth", role: "editor" },
      ]),
    );
    expect(body.workspaces).toHaveLength(2);
  });

  test("answers a user who belongs to no workspace with workspace null", async () => {
    const leaver = await createMember(accord.sql, { workspaceId: workspace.id });
    const client = await clientOf(leaver);
    await accord.sql`delete from memberships where user_id = ${leaver.user.id}`;
    expect(await json(await client.get("/api/me"))).toEqual({
      user: { id: leaver.user.id, name: leaver.user.name, email: leaver.email },
      workspace: null,
      workspaces: [],
    });
  });
});

describe("GET /api/plans", () => {
  test("lists the current workspace's plans, newest period first, with id, title, period, status, currency", async () => {
    const response = await (await clientOf(viewer)).get("/api/plans");
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      plans: [
        { id: q2.id, title: "Q2 joint plan", period: "2027-Q2", status: "draft", currency: "EUR" },
        { id: q1.id, title: "Q1 joint plan", period: "2027-Q1", status: "approved", currency: "EUR" },
      ],
    });
  });

  test("filters by status", async () => {
    const client = await clientOf(viewer);
    const approved = await json<{ plans: PlanJson[] }>(await client.get("/api/plans?status=approved"));
    expect(approved.plans.map((p) => p.id)).toEqual([q1.id]);
    const review = await json<{ plans: PlanJson[] }>(await client.get("/api/plans?status=in_review"));
    expect(review.plans).toEqual([]);
  });

  test.each(["done", "", "DRAFT", "draft'--"])(
    "refuses ?status=%j with 400 and the field error",
    async (status) => {
      const response = await (await clientOf(viewer)).get(`/api/plans?status=${encodeURIComponent(status)}`);
      expect(response.status).toBe(400);
      expect(await json<ErrorJson>(response)).toEqual({
        error: "invalid_input",
        message: "Some fields are not valid.",
        fieldErrors: { status: ["Use one of draft, in_review, approved, reopened."] },
      });
    },
  );
});

describe("GET /api/plans/:planId", () => {
  test("answers the plan with its workspace, the member's role and its content", async () => {
    const response = await (await clientOf(editor)).get(`/api/plans/${q1.id}`);
    expect(response.status).toBe(200);
    const body = await json<{ plan: unknown; role: string; content: Record<string, unknown> }>(response);
    // A plan without a stored document yet projects as an empty plan, every section present.
    expect(Object.keys(body.content).sort()).toEqual([
      "campaigns",
      "derived",
      "glossary",
      "journey",
      "leadDefinitions",
      "meta",
      "revenueGoals",
      "strategy",
      "targetMarkets",
    ]);
    expect({ plan: body.plan, role: body.role }).toEqual({
      plan: {
        id: q1.id,
        title: "Q1 joint plan",
        period: "2027-Q1",
        status: "approved",
        currency: "EUR",
        workspaceId: workspace.id,
      },
      role: "editor",
    });
  });

  test("answers a malformed id, an unknown id and another workspace's plan with the same 404", async () => {
    const client = await clientOf(owner);
    const bodies: string[] = [];
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", otherPlan.id]) {
      const response = await client.get(`/api/plans/${id}`);
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      bodies.push(await response.text());
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({
      error: "not_found",
      message: "There is no such plan, or you do not have access to it.",
    });
    expect(bodies[0]).not.toContain("Fabrikam");
  });
});

describe("authentication", () => {
  const endpoints = ["/api/me", "/api/plans", () => `/api/plans/${q1.id}`] as const;
  const path = (p: (typeof endpoints)[number]) => (typeof p === "string" ? p : p());

  const expect401 = async (response: Response) => {
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({ error: "unauthenticated", message: "Log in first." });
  };

  test("every endpoint answers 401 JSON without a cookie, POST included", async () => {
    const client = new TestClient(accord.url);
    for (const p of endpoints) await expect401(await client.get(path(p)));
    const before = await countPlans(workspace.id);
    await expect401(await client.postJson("/api/plans", { title: "Sneaky", period: "2027-Q3" }));
    expect(await countPlans(workspace.id)).toBe(before);
  });

  test("a forged cookie is no session", async () => {
    const client = new TestClient(accord.url);
    const cookie = { cookie: `accord_session=${randomBytes(32).toString("base64url")}` };
    for (const p of endpoints) await expect401(await client.get(path(p), { headers: cookie }));
  });

  test("a cookie whose signature was tampered with is no session", async () => {
    const client = await clientOf(owner);
    const value = client.cookie("accord_session")!;
    const last = value.at(-1) === "A" ? "B" : "A";
    client.cookies.set("accord_session", value.slice(0, -1) + last);
    for (const p of endpoints) await expect401(await client.get(path(p)));
  });

  test("an expired session answers 401", async () => {
    const member = await createMember(accord.sql, { workspaceId: workspace.id });
    const client = await clientOf(member);
    expect((await client.get("/api/me")).status).toBe(200);
    await accord.sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${member.user.id}`;
    for (const p of endpoints) await expect401(await client.get(path(p)));
  });

  test("logging out revokes the cookie: the old value answers 401 afterwards", async () => {
    const member = await createMember(accord.sql, { workspaceId: workspace.id });
    const client = await clientOf(member);
    const stolen = client.cookie("accord_session")!;
    expect((await client.get("/api/me")).status).toBe(200);
    await client.logout();
    const [row] = await accord.sql`select count(*)::int as n from sessions where user_id = ${member.user.id}`;
    expect(row!.n).toBe(0);
    const replay = new TestClient(accord.url);
    for (const p of endpoints)
      await expect401(await replay.get(path(p), { headers: { cookie: `accord_session=${stolen}` } }));
  });
});

describe("POST /api/plans", () => {
  test("an editor creates a draft plan in the current workspace with its audit row", async () => {
    const client = await clientOf(editor);
    const response = await client.postJson("/api/plans", {
      title: "  Q3 joint plan ",
      period: "2027-q3",
      currency: "GBP",
    });
    expect(response.status).toBe(201);
    const { plan } = await json<{ plan: PlanJson }>(response);
    expect(plan).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: "Q3 joint plan",
      period: "2027-Q3",
      status: "draft",
      currency: "GBP",
      workspaceId: workspace.id,
    });
    expect(response.headers.get("location")).toBe(`/api/plans/${plan.id}`);

    const [row] =
      await accord.sql`select workspace_id, title, period, currency, status, created_by from plans where id = ${plan.id}`;
    expect(row).toEqual({
      workspace_id: workspace.id,
      title: "Q3 joint plan",
      period: "2027-Q3",
      currency: "GBP",
      status: "draft",
      created_by: editor.user.id,
    });
    const audit =
      await accord.sql`select workspace_id, actor_id, action from audit_log where plan_id = ${plan.id}`;
    expect(audit).toEqual([{ workspace_id: workspace.id, actor_id: editor.user.id, action: "plan.created" }]);
    // And it reads back.
    expect((await client.get(`/api/plans/${plan.id}`)).status).toBe(200);
  });

  test("defaults the currency and ignores a workspaceId in the body", async () => {
    const client = await clientOf(owner);
    const response = await client.postJson("/api/plans", {
      title: "Planted",
      period: "2028-Q1",
      workspaceId: other.id,
    });
    expect(response.status).toBe(201);
    const { plan } = await json<{ plan: PlanJson }>(response);
    expect(plan).toMatchObject({ currency: "USD", workspaceId: workspace.id });
    const [row] = await accord.sql`select workspace_id from plans where id = ${plan.id}`;
    expect(row!.workspace_id).toBe(workspace.id);
  });

  test("bad values answer 400 with each field's message, and write nothing", async () => {
    const client = await clientOf(editor);
    const before = await countPlans(workspace.id);
    const auditBefore = await accord.sql`select count(*)::int as n from audit_log`;
    const response = await client.postJson("/api/plans", { title: "   ", period: "2027Q1", currency: "XYZ" });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: "invalid_input",
      message: "Some fields are not valid.",
      fieldErrors: {
        title: ["Enter a title."],
        period: ["Use a quarter like 2027-Q1."],
        currency: ["Choose a currency."],
      },
    });
    expect(await countPlans(workspace.id)).toBe(before);
    expect(await accord.sql`select count(*)::int as n from audit_log`).toEqual(auditBefore);
  });

  test.each([
    ["a missing period", { title: "No period" }, "period", "Enter a period."],
    ["a quarter 5", { title: "Q5", period: "2027-Q5" }, "period", "Use a quarter like 2027-Q1."],
    [
      "words for a period",
      { title: "Soon", period: "next quarter" },
      "period",
      "Use a quarter like 2027-Q1.",
    ],
    [
      "a year out of range",
      { title: "Far", period: "2999-Q1" },
      "period",
      "Use a year between 2000 and 2100.",
    ],
    ["a number for a title", { title: 42, period: "2027-Q1" }, "title", "Enter a title."],
    [
      "a title too long",
      { title: "x".repeat(121), period: "2027-Q1" },
      "title",
      "Keep a title under 121 characters.",
    ],
  ])("refuses %s", async (_what, body, field, message) => {
    const client = await clientOf(editor);
    const before = await countPlans(workspace.id);
    const response = await client.postJson("/api/plans", body);
    expect(response.status).toBe(400);
    const error = await json<ErrorJson>(response);
    expect(error.error).toBe("invalid_input");
    // The first message is the one that explains; see the report on PeriodSchema's second one.
    expect(error.fieldErrors?.[field]?.[0]).toBe(message);
    expect(await countPlans(workspace.id)).toBe(before);
  });

  test("a body that is not a JSON object answers 400 and writes nothing", async () => {
    const client = await clientOf(editor);
    const before = await countPlans(workspace.id);
    const form = await client.postForm("/api/plans", { title: "Form post", period: "2027-Q1" });
    expect(form.status).toBe(400);
    expect(await json<ErrorJson>(form)).toMatchObject({ error: "invalid_json" });

    const broken = await client.request("/api/plans", {
      method: "POST",
      body: '{"title": "Broken",',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(await json<ErrorJson>(broken)).toEqual({
      error: "invalid_json",
      message: "The body is not valid JSON.",
    });

    const array = await client.postJson("/api/plans", [{ title: "In an array", period: "2027-Q1" }]);
    expect(array.status).toBe(400);
    expect(await json<ErrorJson>(array)).toMatchObject({ error: "invalid_input", fieldErrors: {} });

    const huge = await client.postJson("/api/plans", {
      title: "Huge",
      period: "2027-Q1",
      padding: "x".repeat(70_000),
    });
    expect(huge.status).toBe(413);
    expect(await json<ErrorJson>(huge)).toMatchObject({ error: "too_large" });
    expect(await countPlans(workspace.id)).toBe(before);
  });

  test.each([
    ["viewer", () => viewer],
    ["commenter", () => commenter],
  ])("a %s gets 403 and no plan is written, whatever the body", async (_role, who) => {
    const client = await clientOf(who());
    const before = await countPlans(workspace.id);
    for (const body of [{ title: "Not allowed", period: "2027-Q4" }, { title: "" }]) {
      const response = await client.postJson("/api/plans", body);
      expect(response.status).toBe(403);
      expect(await json(response)).toEqual({
        error: "forbidden",
        message: "Only owners and editors can create plans.",
      });
    }
    expect(await countPlans(workspace.id)).toBe(before);
    const [row] = await accord.sql`select count(*)::int as n from plans where title = 'Not allowed'`;
    expect(row!.n).toBe(0);
  });

  test("a POST from another origin is refused with 403 JSON before it runs", async () => {
    const client = await clientOf(editor);
    const before = await countPlans(workspace.id);
    const response = await client.postJson(
      "/api/plans",
      { title: "Cross-site", period: "2027-Q4" },
      { origin: "http://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: "cross_origin" });
    expect(await countPlans(workspace.id)).toBe(before);
  });

  test("a POST with neither Origin nor Referer (a script) is allowed", async () => {
    const client = await clientOf(editor);
    const response = await client.postJson(
      "/api/plans",
      { title: "From curl", period: "2027-Q4" },
      { origin: null },
    );
    expect(response.status).toBe(201);
  });
});

describe("unknown paths and methods", () => {
  test.each([
    ["GET", "/api/nothing"],
    ["GET", "/api/plans/x/y"],
    ["POST", "/api/nothing/here"],
    ["DELETE", "/api/me/now"],
    ["PUT", "/api"],
  ])("%s %s answers 404 JSON, logged in or not", async (method, path) => {
    for (const client of [new TestClient(accord.url), await clientOf(owner)]) {
      const response = await client.request(path, { method });
      expect(response.status).toBe(404);
      expect(await json(response)).toEqual({ error: "not_found", message: "There is no such API endpoint." });
    }
  });

  test.each([
    ["POST", "/api/me", "GET"],
    ["DELETE", "/api/plans", "GET, POST"],
    ["PATCH", "/api/plans/00000000-0000-4000-8000-000000000000", "GET"],
  ])("%s %s answers 405 JSON with Allow", async (method, path, allow) => {
    const response = await (await clientOf(owner)).request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(await json(response)).toMatchObject({ error: "method_not_allowed" });
  });
});
