import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertPlan } from "../../db/queries/plans";
import { insertMembership, type WorkspaceRow } from "../../db/queries/workspaces";
import { TestClient, loginAs } from "../support/client";
import { textOf } from "../support/html";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A user with several workspaces: switching between them (POST
 * /workspaces/switch) and creating another (GET/POST /workspaces/new).
 */

let accord: TestServer;
let alpha: WorkspaceRow;
let beta: WorkspaceRow;
let outside: WorkspaceRow;
/** Owner of Alpha, and an editor of Beta too. */
let user: CreatedMember;

const clientOf = (member: CreatedMember) => loginAs(accord, member);

async function sessionWorkspace(userId: string): Promise<string | null> {
  const [row] = await accord.sql<{ workspace_id: string | null }[]>`
    select workspace_id from sessions where user_id = ${userId} order by created_at desc limit 1`;
  return row!.workspace_id;
}

async function addPlan(workspaceId: string, title: string, createdBy: string) {
  await insertPlan(accord.sql, { workspaceId, title, period: "2027-Q1", currency: "USD", createdBy });
}

beforeAll(async () => {
  accord = await startTestServer();
  const a = await createWorkspaceWithOwner(accord.sql, {
    name: "Alpha Analytics",
    owner: { name: "Wendy Walker" },
  });
  alpha = a.workspace;
  user = a.owner;
  const b = await createWorkspaceWithOwner(accord.sql, { name: "Beta Brands" });
  beta = b.workspace;
  await insertMembership(accord.sql, {
    workspaceId: beta.id,
    userId: user.user.id,
    role: "editor",
    team: "sales",
    canSignOff: false,
  });
  const o = await createWorkspaceWithOwner(accord.sql, { name: "Outside Org" });
  outside = o.workspace;
  await addPlan(alpha.id, "Alpha only plan", user.user.id);
  await addPlan(beta.id, "Beta only plan", b.owner.user.id);
  await addPlan(outside.id, "Outside secret plan", o.owner.user.id);
});

afterAll(async () => {
  await accord?.close();
});

describe("switching workspaces", () => {
  test("a member of two workspaces switches, and /plans and /members then show the other one's", async () => {
    const client = await clientOf(user);
    const first = textOf(await (await client.get("/plans")).text());
    expect(first).toContain("Alpha only plan");
    expect(first).not.toContain("Beta only plan");

    const response = await client.postForm("/workspaces/switch", { workspaceId: beta.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/plans");
    expect(await sessionWorkspace(user.user.id)).toBe(beta.id);

    const plans = textOf(await (await client.get("/plans")).text());
    expect(plans).toContain("Beta only plan");
    expect(plans).not.toContain("Alpha only plan");
    expect(plans).toMatch(/Beta Brands Plans/);
    const members = textOf(await (await client.get("/members")).text());
    expect(members).toMatch(/Beta Brands Members/);
    // An editor in Beta: no owner controls there.
    expect(members).not.toContain("Invite link");

    expect((await client.postForm("/workspaces/switch", { workspaceId: alpha.id })).status).toBe(302);
    expect(textOf(await (await client.get("/plans")).text())).toContain("Alpha only plan");
  });

  test("a workspace the user does not belong to, or that does not exist, is a 404 and the session stays", async () => {
    const client = await clientOf(user);
    await client.postForm("/workspaces/switch", { workspaceId: alpha.id });
    for (const workspaceId of [outside.id, "00000000-0000-4000-8000-000000000000"]) {
      const response = await client.postForm("/workspaces/switch", { workspaceId });
      expect(response.status, workspaceId).toBe(404);
      expect(await response.text()).not.toContain("Outside secret plan");
      expect(await sessionWorkspace(user.user.id)).toBe(alpha.id);
    }
    const plans = textOf(await (await client.get("/plans")).text());
    expect(plans).not.toContain("Outside secret plan");
    expect(plans).not.toContain("Outside Org");
  });

  test("a malformed or missing workspace id is a 400 and changes nothing", async () => {
    const client = await clientOf(user);
    await client.postForm("/workspaces/switch", { workspaceId: alpha.id });
    for (const fields of [{ workspaceId: "beta" }, {}]) {
      const response = await client.postForm("/workspaces/switch", fields);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: "invalid_input",
        fieldErrors: { workspaceId: ["Choose a workspace."] },
      });
      expect(await sessionWorkspace(user.user.id)).toBe(alpha.id);
    }
  });

  test("redirectTo is followed only when it stays on this site", async () => {
    const client = await clientOf(user);
    const to = async (redirectTo: string) =>
      (await client.postForm("/workspaces/switch", { workspaceId: beta.id, redirectTo })).headers.get(
        "location",
      );
    expect(await to("/members")).toBe("/members");
    expect(await to("https://evil.example/")).toBe("/plans");
    expect(await to("//evil.example")).toBe("/plans");
  });

  test("GET goes to the plans; logged out, POST goes to the login page and changes nothing", async () => {
    const client = await clientOf(user);
    const get = await client.get("/workspaces/switch");
    expect(get.status).toBe(302);
    expect(get.headers.get("location")).toBe("/plans");
    const anonymous = await new TestClient(accord.url).postForm("/workspaces/switch", {
      workspaceId: beta.id,
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("creating a workspace", () => {
  test("the creator becomes its owner, it is audited, and the session switches to it", async () => {
    const client = await clientOf(user);
    const page = await client.get("/workspaces/new");
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<label[^>]*>Workspace name<\/label>/);

    const response = await client.postForm("/workspaces/new", { name: "  Gamma Growth  " });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/plans");
    const [created] = await accord.sql<
      { id: string }[]
    >`select id from workspaces where name = 'Gamma Growth'`;
    expect(created).toBeDefined();
    const [membership] = await accord.sql`
      select role from memberships where workspace_id = ${created!.id} and user_id = ${user.user.id}`;
    expect(membership!.role).toBe("owner");
    const audit =
      await accord.sql`select actor_id, action, detail from audit_log where workspace_id = ${created!.id}`;
    expect(audit).toEqual([
      { actor_id: user.user.id, action: "workspace.created", detail: { name: "Gamma Growth" } },
    ]);
    expect(await sessionWorkspace(user.user.id)).toBe(created!.id);

    const plans = textOf(await (await client.get("/plans")).text());
    expect(plans).toMatch(/Gamma Growth Plans/);
    expect(plans).toContain("No plans yet");
  });

  test.each([
    [{ name: "   " }, "Enter a workspace name."],
    [{}, "Enter a workspace name."],
    [{ name: "x".repeat(101) }, "Keep a workspace name under 101 characters."],
  ])("a bad name %j answers 400 with the message and creates nothing", async (fields, message) => {
    const client = await clientOf(user);
    const [before] = await accord.sql<{ n: number }[]>`select count(*)::int as n from workspaces`;
    const response = await client.postForm("/workspaces/new", fields);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain(message);
    const [after] = await accord.sql<{ n: number }[]>`select count(*)::int as n from workspaces`;
    expect(after!.n).toBe(before!.n);
  });

  test("someone in no workspace is sent here, told why, and can start again", async () => {
    const { workspace } = await createWorkspaceWithOwner(accord.sql);
    const loner = await createMember(accord.sql, { workspaceId: workspace.id, user: { name: "Lou Loner" } });
    const client = await clientOf(loner);
    await accord.sql`delete from memberships where user_id = ${loner.user.id}`;

    const plans = await client.get("/plans");
    expect(plans.status).toBe(302);
    expect(plans.headers.get("location")).toBe("/workspaces/new");
    const page = await client.get("/workspaces/new");
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain("You're not in a workspace right now");
    expect(text).toContain("ask a workspace owner for an invite link");

    const response = await client.postForm("/workspaces/new", { name: "Fresh Start" });
    expect(response.status).toBe(302);
    const home = textOf(await (await client.get("/plans")).text());
    expect(home).toMatch(/Fresh Start Plans/);
  });

  test("logged out, the page sends to the login page and POST creates nothing", async () => {
    const anonymous = new TestClient(accord.url);
    const page = await anonymous.get("/workspaces/new");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirectTo=%2Fworkspaces%2Fnew");
    const [before] = await accord.sql<{ n: number }[]>`select count(*)::int as n from workspaces`;
    expect((await anonymous.postForm("/workspaces/new", { name: "Sneaky" })).status).toBe(302);
    const [after] = await accord.sql<{ n: number }[]>`select count(*)::int as n from workspaces`;
    expect(after!.n).toBe(before!.n);
  });
});
