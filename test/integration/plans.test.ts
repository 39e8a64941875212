import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertPlan } from "../../db/queries/plans";
import { type WorkspaceRow } from "../../db/queries/workspaces";
import { loginAs } from "../support/client";
import { textOf } from "../support/html";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/** The plan pages: create through the form, the list by period and status, one plan's page. */

let accord: TestServer;
let workspace: WorkspaceRow;
let owner: CreatedMember;
let editor: CreatedMember;
let commenter: CreatedMember;
let viewer: CreatedMember;

const clientOf = (member: CreatedMember) => loginAs(accord, member);

const countPlans = async () => {
  const [row] = await accord.sql<{ n: number }[]>`
    select count(*)::int as n from plans where workspace_id = ${workspace.id}`;
  return row!.n;
};

/** `/plans`'s groups as [period, [title, status label][]], in page order. */
function groupsOf(html: string): Array<[string, string[]]> {
  return html
    .split('class="period-group"')
    .slice(1)
    .map((section) => {
      const body = section.slice(0, section.indexOf("</section>"));
      const period = textOf(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(body)![1]!);
      const items = [...body.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
      return [period, items];
    });
}

beforeAll(async () => {
  accord = await startTestServer();
  ({ workspace, owner } = await createWorkspaceWithOwner(accord.sql, { name: "Tailspin Toys" }));
  editor = await createMember(accord.sql, {
    workspaceId: workspace.id,
    role: "editor",
    team: "marketing",
    user: { name: "Maya Marketer" },
  });
  commenter = await createMember(accord.sql, {
    workspaceId: workspace.id,
    role: "commenter",
    team: "sales",
    user: { name: "Sam Seller" },
  });
  viewer = await createMember(accord.sql, {
    workspaceId: workspace.id,
    role: "viewer",
    user: { name: "Vic Viewer" },
  });
});

afterAll(async () => {
  await accord?.close();
});

describe("creating a plan with the form", () => {
  test("an editor's POST /plans/new redirects to the new draft plan, written with its audit row", async () => {
    const client = await clientOf(editor);
    expect((await client.get("/plans/new")).status).toBe(200);
    const response = await client.postForm("/plans/new", {
      title: "FY27 Q3 joint plan",
      period: "2027-Q3",
      currency: "EUR",
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/plans\/[0-9a-f-]{36}$/);
    const id = location.split("/").pop()!;

    const [plan] = await accord.sql`
      select workspace_id, title, period, currency, status, created_by from plans where id = ${id}`;
    expect(plan).toEqual({
      workspace_id: workspace.id,
      title: "FY27 Q3 joint plan",
      period: "2027-Q3",
      currency: "EUR",
      status: "draft",
      created_by: editor.user.id,
    });
    const audit =
      await accord.sql`select workspace_id, actor_id, action, detail from audit_log where plan_id = ${id}`;
    expect(audit).toEqual([
      {
        workspace_id: workspace.id,
        actor_id: editor.user.id,
        action: "plan.created",
        detail: { title: "FY27 Q3 joint plan", period: "2027-Q3" },
      },
    ]);

    const page = await client.get(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("FY27 Q3 joint plan");
  });

  test("the owner may create one too, and the currency defaults to USD", async () => {
    const client = await clientOf(owner);
    const response = await client.postForm("/plans/new", { title: "Owner's plan", period: "2027-q4" });
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.split("/").pop()!;
    const [plan] = await accord.sql`select period, currency from plans where id = ${id}`;
    expect(plan).toEqual({ period: "2027-Q4", currency: "USD" });
  });

  test.each(["2027Q1", "2027-Q5", "next quarter"])(
    "refuses the period %j with 400 and the message, writing nothing",
    async (period) => {
      const client = await clientOf(editor);
      const before = await countPlans();
      const audit = await accord.sql`select count(*)::int as n from audit_log`;
      const response = await client.postForm("/plans/new", { title: "Bad period", period, currency: "USD" });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Use a quarter like 2027-Q1.");
      expect(await countPlans()).toBe(before);
      expect(await accord.sql`select count(*)::int as n from audit_log`).toEqual(audit);
    },
  );

  test("refuses a blank title and an unknown currency with their messages", async () => {
    const client = await clientOf(editor);
    const before = await countPlans();
    const response = await client.postForm("/plans/new", {
      title: "  ",
      period: "2027-Q1",
      currency: "DOGE",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter a title.");
    expect(html).toContain("Choose a currency.");
    expect(await countPlans()).toBe(before);
  });

  test.each([
    ["viewer", () => viewer],
    ["commenter", () => commenter],
  ])("a %s gets 403 on the form and on the POST, and no plan is written", async (_role, who) => {
    const client = await clientOf(who());
    const page = await client.get("/plans/new");
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Only owners and editors can create plans.");
    const before = await countPlans();
    const post = await client.postForm("/plans/new", {
      title: "Sneaky plan",
      period: "2027-Q1",
      currency: "USD",
    });
    expect(post.status).toBe(403);
    expect(await countPlans()).toBe(before);
    const [row] = await accord.sql`select count(*)::int as n from plans where title = 'Sneaky plan'`;
    expect(row!.n).toBe(0);
  });

  test("the plans list offers New plan to editors only", async () => {
    expect(await (await (await clientOf(editor)).get("/plans")).text()).toContain('href="/plans/new"');
    expect(await (await (await clientOf(viewer)).get("/plans")).text()).not.toContain('href="/plans/new"');
  });
});

describe("the plans list and a plan's page", () => {
  let otherWorkspacePlan: string;

  beforeAll(async () => {
    await accord.sql`delete from plans where workspace_id = ${workspace.id} and id not in (select plan_id from audit_log where plan_id is not null)`;
    const add = async (title: string, period: string, status: "draft" | "in_review" | "approved") => {
      const plan = await insertPlan(accord.sql, {
        workspaceId: workspace.id,
        title,
        period,
        currency: "USD",
        createdBy: owner.user.id,
      });
      await accord.sql`update plans set status = ${status} where id = ${plan.id}`;
      return plan;
    };
    await add("Alpha launch", "2026-Q4", "approved");
    await add("Beta push", "2028-Q2", "draft");
    await add("Gamma review", "2028-Q2", "in_review");
    await add("<b>Bold</b> & co", "2028-Q1", "draft");
    const { workspace: elsewhere } = await createWorkspaceWithOwner(accord.sql);
    otherWorkspacePlan = (
      await insertPlan(accord.sql, {
        workspaceId: elsewhere.id,
        title: "Elsewhere plan",
        period: "2028-Q2",
        currency: "USD",
        createdBy: owner.user.id,
      })
    ).id;
  });

  test("GET /plans groups the workspace's plans by period, newest first, titles in order", async () => {
    const response = await (await clientOf(viewer)).get("/plans");
    expect(response.status).toBe(200);
    const html = await response.text();
    const groups = groupsOf(html);
    expect(groups.map(([period]) => period)).toEqual(["2028-Q2", "2028-Q1", "2027-Q4", "2027-Q3", "2026-Q4"]);
    expect(groups[0]).toEqual(["2028-Q2", ["Beta push Draft", "Gamma review In review"]]);
    expect(groups[1]).toEqual(["2028-Q1", ["<b>Bold</b> & co Draft"]]);
    expect(groups.at(-1)).toEqual(["2026-Q4", ["Alpha launch Approved"]]);
    // Titles are text, never markup.
    expect(html).toContain("&lt;b&gt;Bold&lt;/b&gt; &amp; co");
    expect(html).not.toContain("Elsewhere plan");
  });

  test.each([
    ["approved", ["Alpha launch"]],
    ["in_review", ["Gamma review"]],
  ])("?status=%s shows only those plans", async (status, titles) => {
    const html = await (await (await clientOf(viewer)).get(`/plans?status=${status}`)).text();
    const shown = groupsOf(html).flatMap(([, items]) =>
      items.map((i) => i.replace(/ (Draft|In review|Approved)$/, "")),
    );
    expect(shown).toEqual(titles);
  });

  test("a status filter with no plans says so, and an unknown status shows everything", async () => {
    const client = await clientOf(viewer);
    await accord.sql`update plans set status = 'draft' where workspace_id = ${workspace.id} and status = 'in_review'`;
    try {
      const empty = await (await client.get("/plans?status=in_review")).text();
      expect(groupsOf(empty)).toEqual([]);
      expect(empty).toContain("No in review plans");
    } finally {
      await accord.sql`update plans set status = 'in_review' where title = 'Gamma review'`;
    }
    const unknown = await client.get("/plans?status=bogus");
    expect(unknown.status).toBe(200);
    expect(groupsOf(await unknown.text())).toHaveLength(5);
  });

  test("a plan's page shows its title, period, status, currency and the members' names and teams", async () => {
    const [plan] = await accord.sql<{ id: string }[]>`select id from plans where title = 'Gamma review'`;
    const response = await (await clientOf(commenter)).get(`/plans/${plan!.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The server-rendered frame, before the live document opens in the browser.
    const page = textOf(html.slice(0, html.indexOf("window.__remixContext")));
    expect(page).toContain("Plans · 2028-Q2 · USD Gamma review In review");
    expect(page).toContain("You are a commenter here.");
    expect(page).toContain("Members · 4");
    for (const member of [owner, editor, commenter, viewer]) expect(page).toContain(member.user.name);
    expect(page).toContain("Marketing · Editor");
  });

  test("a malformed, unknown or foreign plan id is a 404 page", async () => {
    const client = await clientOf(viewer);
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000", otherWorkspacePlan]) {
      const response = await client.get(`/plans/${id}`);
      expect(response.status, id).toBe(404);
      const html = await response.text();
      expect(html).toContain("There is no such plan, or you do not have access to it.");
      expect(html).not.toContain("Elsewhere plan");
    }
  });
});
