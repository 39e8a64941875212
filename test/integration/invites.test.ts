import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type WorkspaceRow } from "../../db/queries/workspaces";
import { TestClient, loginAs } from "../support/client";
import { textOf } from "../support/html";
import { buildUser, createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * GET and POST /invite/:token: a link made by the owner on /members admits
 * exactly one person, once, before it expires and unless revoked; unknown
 * links get a calm 404 page.
 */

let accord: TestServer;
let workspace: WorkspaceRow;
let owner: CreatedMember;
let ownerClient: TestClient;

const clientOf = (member: CreatedMember) => loginAs(accord, member);

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** The owner makes a link through the members page; returns its token and the invite's id. */
async function createLink(
  fields: { role?: string; team?: string; canSignOff?: string } = {},
): Promise<{ token: string; path: string; inviteId: string }> {
  const response = await ownerClient.postForm("/members", {
    intent: "create-link",
    role: "editor",
    team: "sales",
    ...fields,
  });
  expect(response.status).toBe(200);
  const match = /\/invite\/([A-Za-z0-9_-]{43})"/.exec(await response.text());
  expect(match).not.toBeNull();
  const token = match![1]!;
  const [row] = await accord.sql<
    { id: string }[]
  >`select id from invites where token_hash = ${sha256(token)}`;
  return { token, path: `/invite/${token}`, inviteId: row!.id };
}

async function inviteRow(id: string) {
  const [row] = await accord.sql`select used_at, used_by, revoked_at from invites where id = ${id}`;
  return row!;
}

async function membersCount(): Promise<number> {
  const [row] = await accord.sql<{ n: number }[]>`
    select count(*)::int as n from memberships where workspace_id = ${workspace.id}`;
  return row!.n;
}

async function usersCount(): Promise<number> {
  const [row] = await accord.sql<{ n: number }[]>`select count(*)::int as n from users`;
  return row!.n;
}

/** Everything accepting could write, to prove that a refused accept wrote nothing. */
async function snapshot() {
  return {
    users: await accord.sql`select id from users order by id`,
    memberships:
      await accord.sql`select workspace_id, user_id, role from memberships order by workspace_id, user_id`,
    invites: await accord.sql`select id, used_at, used_by, revoked_at from invites order by id`,
    audit: await accord.sql`select id from audit_log order by id`,
  };
}

const signupFields = (overrides: Partial<{ name: string; email: string; password: string }> = {}) => {
  const user = buildUser();
  return { intent: "signup", name: user.name, email: user.email, password: user.password, ...overrides };
};

/** The "can't be used" page, as GET (404) or POST (400) answers it. */
async function expectUnusable(response: Response, status: 404 | 400) {
  expect(response.status).toBe(status);
  const text = textOf(await response.text());
  expect(text).toContain("This invite link can't be used");
  expect(text).toContain("It may have expired, been used already, or been revoked by the workspace owner.");
  expect(text).toContain("Ask the owner of the workspace for a new invite link.");
}

beforeAll(async () => {
  accord = await startTestServer();
  ({ workspace, owner } = await createWorkspaceWithOwner(accord.sql, {
    name: "Contoso Growth",
    owner: { name: "Olivia Owner" },
  }));
  ownerClient = await clientOf(owner);
});

afterAll(async () => {
  await accord?.close();
});

describe("a new person joins with a link", () => {
  test("logged out, the page names the workspace, who invited them and the role, with a sign-up form", async () => {
    const { token, path } = await createLink({ role: "commenter", team: "marketing", canSignOff: "on" });
    const response = await new TestClient(accord.url).get(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("Join Contoso Growth on Accord");
    expect(text).toContain(
      "Olivia Owner invited you as a commenter (reads and comments) in the Marketing team, with the right to sign off plans.",
    );
    for (const label of ["Your name", "Email", "Password"])
      expect(html).toMatch(new RegExp(`<label[^>]*>${label}</label>`));
    expect(text).toContain("Create account and join");
    expect(html).toContain(`href="/login?redirectTo=/invite/${token}"`);
    expect(text).toContain("Already have an account? Log in");
  });

  test("signing up creates the account and the membership in one go, uses the invite and logs them in", async () => {
    const { path, inviteId } = await createLink({ role: "viewer", team: "marketing", canSignOff: "on" });
    const client = new TestClient(accord.url);
    const fields = signupFields({ name: "Nora New" });
    const response = await client.postForm(path, fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/plans");
    expect(client.cookie("accord_session")).toBeDefined();

    const [user] = await accord.sql<{ id: string; name: string }[]>`
      select id, name from users where email = ${fields.email}`;
    expect(user!.name).toBe("Nora New");
    const [membership] = await accord.sql`
      select role, team, can_sign_off from memberships where workspace_id = ${workspace.id} and user_id = ${user!.id}`;
    expect(membership).toEqual({ role: "viewer", team: "marketing", can_sign_off: true });
    const invite = await inviteRow(inviteId);
    expect(invite.used_at).toBeInstanceOf(Date);
    expect(invite.used_by).toBe(user!.id);
    const audit = await accord.sql`
      select actor_id, action, detail from audit_log where workspace_id = ${workspace.id} and action = 'member.joined'
        and actor_id = ${user!.id}`;
    expect(audit).toEqual([
      {
        actor_id: user!.id,
        action: "member.joined",
        detail: { inviteId, role: "viewer", team: "marketing", canSignOff: true, via: "signup" },
      },
    ]);
    const plans = await client.get("/plans");
    expect(plans.status).toBe(200);
    expect(textOf(await plans.text())).toContain("Contoso Growth");

    // The link worked once: now it is a calm 404, and a second person cannot use it.
    await expectUnusable(await new TestClient(accord.url).get(path), 404);
    const before = await snapshot();
    await expectUnusable(await new TestClient(accord.url).postForm(path, signupFields()), 400);
    expect(await snapshot()).toEqual(before);
  });

  test("bad sign-up values answer 400 with the field messages; the invite stays usable and nothing is written", async () => {
    const { path, inviteId } = await createLink();
    const before = await snapshot();
    const response = await new TestClient(accord.url).postForm(path, {
      intent: "signup",
      name: " ",
      email: "not-an-email",
      password: "short",
    });
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Enter your name.");
    expect(text).toContain("Enter a valid e-mail address, like name@company.com.");
    expect(text).toContain("Use at least 10 characters.");
    expect(await snapshot()).toEqual(before);
    expect((await inviteRow(inviteId)).used_at).toBeNull();
  });

  test("an e-mail that already has an account is told to log in; the invite stays usable", async () => {
    const { path, inviteId } = await createLink();
    const before = await snapshot();
    const response = await new TestClient(accord.url).postForm(
      path,
      signupFields({ email: owner.email.toUpperCase() }),
    );
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain(
      "An account with this e-mail already exists. Log in to join with it.",
    );
    expect(await snapshot()).toEqual(before);
    expect((await inviteRow(inviteId)).used_at).toBeNull();
  });
});

describe("links that cannot be used", () => {
  test("an expired invite is refused on GET and POST, and nothing is written", async () => {
    const { path, inviteId } = await createLink();
    await accord.sql`update invites set expires_at = now() - interval '1 minute' where id = ${inviteId}`;
    await expectUnusable(await new TestClient(accord.url).get(path), 404);
    const before = await snapshot();
    await expectUnusable(await new TestClient(accord.url).postForm(path, signupFields()), 400);
    expect(await snapshot()).toEqual(before);
  });

  test("a revoked invite is refused on GET and POST, and nothing is written", async () => {
    const { path, inviteId } = await createLink();
    const revoke = await ownerClient.postForm("/members", { intent: "revoke-invite", inviteId });
    expect(revoke.status).toBe(200);
    await expectUnusable(await new TestClient(accord.url).get(path), 404);
    const before = await snapshot();
    await expectUnusable(await new TestClient(accord.url).postForm(path, signupFields()), 400);
    const member = await createMember(accord.sql, {
      workspaceId: (await createWorkspaceWithOwner(accord.sql)).workspace.id,
    });
    const loggedIn = await clientOf(member);
    await expectUnusable(await loggedIn.get(path), 404);
    const during = await snapshot();
    await expectUnusable(await loggedIn.postForm(path, { intent: "join" }), 400);
    expect(await snapshot()).toEqual(during);
    expect(during.memberships.length).toBe(before.memberships.length + 2);
  });

  test.each([
    ["an unknown token", "A".repeat(43)],
    ["a malformed token", "not-a-token"],
    ["a token with odd characters", "%27%3B--"],
  ])("%s is a calm 404 page, and posting to it writes nothing", async (_what, token) => {
    await expectUnusable(await new TestClient(accord.url).get(`/invite/${token}`), 404);
    const before = await snapshot();
    await expectUnusable(await new TestClient(accord.url).postForm(`/invite/${token}`, signupFields()), 400);
    expect(await snapshot()).toEqual(before);
  });

  test("the database holds only the token's hash, and the hash itself is not a working link", async () => {
    const { token, inviteId } = await createLink();
    const [row] = await accord.sql<
      { token_hash: string }[]
    >`select token_hash from invites where id = ${inviteId}`;
    expect(row!.token_hash).toBe(sha256(token));
    expect(JSON.stringify(await accord.sql`select * from invites`)).not.toContain(token);
    await expectUnusable(await new TestClient(accord.url).get(`/invite/${row!.token_hash}`), 404);
  });
});

describe("two people racing for one link", () => {
  test("two concurrent sign-ups: exactly one gets in, the other's account is not created", async () => {
    const { path, inviteId } = await createLink();
    const users = await usersCount();
    const members = await membersCount();
    const [a, b] = [signupFields(), signupFields()];
    const responses = await Promise.all([
      new TestClient(accord.url).postForm(path, a),
      new TestClient(accord.url).postForm(path, b),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await usersCount()).toBe(users + 1);
    expect(await membersCount()).toBe(members + 1);
    const { used_by } = await inviteRow(inviteId);
    const winner = responses[0]!.status === 302 ? a : b;
    const [user] = await accord.sql<{ id: string }[]>`select id from users where email = ${winner.email}`;
    expect(used_by).toBe(user!.id);
    const [joined] = await accord.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where action = 'member.joined' and detail->>'inviteId' = ${inviteId}`;
    expect(joined!.n).toBe(1);
  });

  test("two logged-in users accepting at once: exactly one membership", async () => {
    const { path, inviteId } = await createLink();
    const elsewhere = await createWorkspaceWithOwner(accord.sql);
    const [x, y] = [
      await createMember(accord.sql, { workspaceId: elsewhere.workspace.id }),
      await createMember(accord.sql, { workspaceId: elsewhere.workspace.id }),
    ];
    const [cx, cy] = [await clientOf(x), await clientOf(y)];
    const members = await membersCount();
    const responses = await Promise.all([
      cx.postForm(path, { intent: "join" }),
      cy.postForm(path, { intent: "join" }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await membersCount()).toBe(members + 1);
    const [row] = await accord.sql<{ n: number }[]>`
      select count(*)::int as n from memberships
      where workspace_id = ${workspace.id} and user_id in (${x.user.id}, ${y.user.id})`;
    expect(row!.n).toBe(1);
    expect((await inviteRow(inviteId)).used_by).toBe(responses[0]!.status === 302 ? x.user.id : y.user.id);
  });
});

describe("someone with an account", () => {
  let member: CreatedMember;
  let home: WorkspaceRow;

  beforeAll(async () => {
    const created = await createWorkspaceWithOwner(accord.sql, {
      name: "Home Base",
      owner: { name: "Hana Home" },
    });
    home = created.workspace;
    member = created.owner;
  });

  test("logged in, sees a Join button; joining adds them, uses the invite and switches to the workspace", async () => {
    const { path, inviteId } = await createLink({ role: "editor", team: "sales" });
    const client = await clientOf(member);
    expect(textOf(await (await client.get("/plans")).text())).toContain("Home Base");

    const page = await client.get(path);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain("Join Contoso Growth on Accord");
    expect(text).toContain(`You are logged in as Hana Home (${member.email}).`);
    expect(text).toContain("Join Contoso Growth");
    expect(text).not.toContain("Create account and join");

    const response = await client.postForm(path, { intent: "join" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/plans");
    const [membership] = await accord.sql`
      select role, team, can_sign_off from memberships where workspace_id = ${workspace.id} and user_id = ${member.user.id}`;
    expect(membership).toEqual({ role: "editor", team: "sales", can_sign_off: false });
    expect((await inviteRow(inviteId)).used_by).toBe(member.user.id);
    const [audit] = await accord.sql`
      select detail from audit_log where action = 'member.joined' and actor_id = ${member.user.id}`;
    expect(audit!.detail).toMatchObject({ inviteId, via: "existing-account" });

    // The session now points at the new workspace; the old one is still theirs.
    const [session] = await accord.sql`select workspace_id from sessions where user_id = ${member.user.id}`;
    expect(session!.workspace_id).toBe(workspace.id);
    const plans = textOf(await (await client.get("/plans")).text());
    expect(plans).toMatch(/Contoso Growth Plans/);
    const [homeMembership] = await accord.sql`
      select role from memberships where workspace_id = ${home.id} and user_id = ${member.user.id}`;
    expect(homeMembership!.role).toBe("owner");
  });

  test("a member of the workspace is told so, and the link stays unused for the person it was meant for", async () => {
    const { path, inviteId } = await createLink();
    const client = await clientOf(owner);
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain("are already a member of Contoso Growth");
    const before = await snapshot();
    const response = await client.postForm(path, { intent: "join" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/plans");
    expect(await snapshot()).toEqual(before);
    expect((await inviteRow(inviteId)).used_at).toBeNull();
  });

  test("logged out, Join sends to the login page that comes back to the link; nothing is written", async () => {
    const { path, inviteId } = await createLink();
    const before = await snapshot();
    const response = await new TestClient(accord.url).postForm(path, { intent: "join" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    expect(await snapshot()).toEqual(before);
    expect((await inviteRow(inviteId)).used_at).toBeNull();
  });

  test("logging in from the invite page comes back to it", async () => {
    const { path } = await createLink();
    const { owner: someone } = await createWorkspaceWithOwner(accord.sql);
    await accord.sql`delete from rate_limits`;
    const client = new TestClient(accord.url);
    const login = await client.login(someone.email, someone.password, { redirectTo: path });
    expect(login.headers.get("location")).toBe(path);
    expect(textOf(await (await client.get(path)).text())).toContain("Join Contoso Growth");
  });
});
