import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertInvite } from "../../db/queries/invites";
import { insertUser } from "../../db/queries/users";
import { type WorkspaceRow } from "../../db/queries/workspaces";
import { TestClient, loginAs } from "../support/client";
import { textOf } from "../support/html";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * GET and POST /members: the list everyone sees, and what only owners may do
 * to it (change, remove, invite by e-mail or link, revoke), through the real
 * server, checking the database after every answer.
 */

let accord: TestServer;
let workspace: WorkspaceRow;
let owner: CreatedMember;
let editor: CreatedMember;
let commenter: CreatedMember;
let viewer: CreatedMember;
/** Another workspace, which nobody above belongs to. */
let other: { workspace: WorkspaceRow; owner: CreatedMember; member: CreatedMember; inviteId: string };

const clientOf = (member: CreatedMember) => loginAs(accord, member);

/** Everything a members action could touch, to prove that a refused one touched nothing. */
async function snapshot() {
  return {
    memberships: await accord.sql`
      select workspace_id, user_id, role, team, can_sign_off from memberships
      order by workspace_id, user_id`,
    invites: await accord.sql`
      select id, workspace_id, role, team, can_sign_off, used_at, revoked_at, expires_at from invites order by id`,
    users: await accord.sql`select id, email from users order by id`,
    audit: await accord.sql`select id from audit_log order by id`,
  };
}

async function membershipOf(workspaceId: string, userId: string) {
  const [row] = await accord.sql`
    select role, team, can_sign_off from memberships where workspace_id = ${workspaceId} and user_id = ${userId}`;
  return row;
}

/** Audit rows written after `afterId`, oldest first. */
async function auditSince(afterId: string) {
  return accord.sql`
    select workspace_id, actor_id, action, detail from audit_log where id > ${afterId} order by id`;
}

async function lastAuditId(): Promise<string> {
  const [row] = await accord.sql<{ id: string }[]>`select coalesce(max(id), 0)::text as id from audit_log`;
  return row!.id;
}

beforeAll(async () => {
  accord = await startTestServer();
  ({ workspace, owner } = await createWorkspaceWithOwner(accord.sql, {
    name: "Tailspin Toys",
    owner: { name: "Olivia Owner" },
  }));
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
  const elsewhere = await createWorkspaceWithOwner(accord.sql, {
    name: "Fabrikam Elsewhere",
    owner: { name: "Fiona Foreign" },
  });
  const member = await createMember(accord.sql, {
    workspaceId: elsewhere.workspace.id,
    role: "editor",
    user: { name: "Boris Beyond" },
  });
  const invite = await insertInvite(accord.sql, {
    workspaceId: elsewhere.workspace.id,
    tokenHash: createHash("sha256").update("elsewhere-token").digest("hex"),
    role: "viewer",
    team: "other",
    canSignOff: false,
    createdBy: elsewhere.owner.user.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  other = { workspace: elsewhere.workspace, owner: elsewhere.owner, member, inviteId: invite.id };
});

afterAll(async () => {
  await accord?.close();
});

describe("GET /members", () => {
  test("a viewer sees every member of their workspace with e-mail, team, role and sign-off, and no controls", async () => {
    await accord.sql`update memberships set can_sign_off = true where user_id = ${editor.user.id}`;
    try {
      const response = await (await clientOf(viewer)).get("/members");
      expect(response.status).toBe(200);
      const html = await response.text();
      const text = textOf(html);
      for (const m of [owner, editor, commenter, viewer]) {
        expect(text).toContain(m.user.name);
        expect(text).toContain(m.email);
      }
      expect(text).toMatch(/Maya Marketer \S+ Marketing Editor Signs off/);
      expect(text).toMatch(/Sam Seller \S+ Sales Commenter — No/);
      expect(text).toContain("Only owners can change members.");
      expect(html).not.toContain("Role of ");
      expect(html).not.toContain("Invite link");
      expect(html).not.toContain("Pending invites");
      // Nothing of the other workspace.
      expect(text).not.toContain("Boris Beyond");
      expect(text).not.toContain("Fiona Foreign");
    } finally {
      await accord.sql`update memberships set can_sign_off = false where user_id = ${editor.user.id}`;
    }
  });

  test("the owner gets a labelled form per member, both invite sections and the pending invites", async () => {
    const html = await (await (await clientOf(owner)).get("/members")).text();
    const text = textOf(html);
    for (const m of [owner, editor, commenter, viewer]) {
      expect(html).toContain(`>Role of ${m.user.name}</label>`);
      expect(html).toContain(`>Team of ${m.user.name}</label>`);
      expect(text).toContain(`${m.user.name} can sign off`);
      expect(text).toContain(`Save changes to ${m.user.name}`);
    }
    expect(text).toContain("Invite by e-mail");
    expect(text).toContain("Invite link");
    expect(text).toContain("No pending invites");
    expect(text).not.toContain("Boris Beyond");
  });

  test("logged out, it sends to the login page and back", async () => {
    const response = await new TestClient(accord.url).get("/members");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fmembers");
  });
});

describe("changing a member", () => {
  test("the owner changes role, team and sign-off right: the row and a member.changed audit row", async () => {
    const client = await clientOf(owner);
    const since = await lastAuditId();
    const response = await client.postForm("/members", {
      intent: "update-member",
      userId: editor.user.id,
      role: "commenter",
      team: "leadership",
      canSignOff: "on",
    });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain(
      "Saved. Maya Marketer is now a commenter in Leadership, able to sign off.",
    );
    expect(await membershipOf(workspace.id, editor.user.id)).toEqual({
      role: "commenter",
      team: "leadership",
      can_sign_off: true,
    });
    expect(await auditSince(since)).toEqual([
      {
        workspace_id: workspace.id,
        actor_id: owner.user.id,
        action: "member.changed",
        detail: {
          userId: editor.user.id,
          before: { role: "editor", team: "marketing", canSignOff: false },
          after: { role: "commenter", team: "leadership", canSignOff: true },
        },
      },
    ]);

    // An unticked checkbox posts nothing: the right is taken away again.
    const back = await client.postForm("/members", {
      intent: "update-member",
      userId: editor.user.id,
      role: "editor",
      team: "marketing",
    });
    expect(back.status).toBe(200);
    expect(await membershipOf(workspace.id, editor.user.id)).toEqual({
      role: "editor",
      team: "marketing",
      can_sign_off: false,
    });
  });

  test("saving unchanged values writes no audit row", async () => {
    const client = await clientOf(owner);
    const before = await snapshot();
    const response = await client.postForm("/members", {
      intent: "update-member",
      userId: viewer.user.id,
      role: "viewer",
      team: "other",
    });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain("Nothing to change for Vic Viewer.");
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    [{ role: "admin" }, "Choose a role."],
    [{ team: "finance" }, "Choose a team."],
    [{ role: "" }, "Choose a role."],
    [{ canSignOff: "maybe" }, undefined],
    [{ userId: "not-a-uuid" }, "Choose a member."],
  ])(
    "a bad value %j answers 400 with the message next to the field and changes nothing",
    async (bad, message) => {
      const client = await clientOf(owner);
      const before = await snapshot();
      const response = await client.postForm("/members", {
        intent: "update-member",
        userId: editor.user.id,
        role: "viewer",
        team: "sales",
        ...bad,
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      if (message && "userId" in bad) expect(html).toMatch(new RegExp(`role="alert">${message}<`));
      else if (message) expect(html).toMatch(new RegExp(`class="field-error"[^>]*>${message}<`));
      expect(await snapshot()).toEqual(before);
    },
  );

  test("an unknown intent answers 400 and changes nothing", async () => {
    const client = await clientOf(owner);
    const before = await snapshot();
    const response = await client.postForm("/members", { intent: "make-admin", userId: editor.user.id });
    expect(response.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  test("a member of another workspace (or nobody) is a 404, and nothing changes", async () => {
    const client = await clientOf(owner);
    const before = await snapshot();
    for (const userId of [
      other.member.user.id,
      other.owner.user.id,
      "00000000-0000-4000-8000-000000000000",
    ]) {
      const update = await client.postForm("/members", {
        intent: "update-member",
        userId,
        role: "viewer",
        team: "sales",
      });
      expect(update.status, userId).toBe(404);
      const remove = await client.postForm("/members", { intent: "remove-member", userId });
      expect(remove.status, userId).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the last owner", () => {
  let solo: { workspace: WorkspaceRow; owner: CreatedMember; editor: CreatedMember };

  beforeAll(async () => {
    const created = await createWorkspaceWithOwner(accord.sql, { name: "Solo Owner Co" });
    const soloEditor = await createMember(accord.sql, {
      workspaceId: created.workspace.id,
      role: "editor",
      team: "sales",
      user: { name: "Eddie Editor" },
    });
    solo = { workspace: created.workspace, owner: created.owner, editor: soloEditor };
  });

  test("cannot demote themselves or leave: 409 with the reason, nothing changes", async () => {
    const client = await clientOf(solo.owner);
    const before = await snapshot();
    const demote = await client.postForm("/members", {
      intent: "update-member",
      userId: solo.owner.user.id,
      role: "editor",
      team: "leadership",
    });
    expect(demote.status).toBe(409);
    expect(textOf(await demote.text())).toContain(
      "You are the only owner of this workspace. Make someone else an owner before you change your own role.",
    );
    const leave = await client.postForm("/members", { intent: "remove-member", userId: solo.owner.user.id });
    expect(leave.status).toBe(409);
    expect(textOf(await leave.text())).toContain(
      "You are the only owner of this workspace. Make someone else an owner before you leave it.",
    );
    expect(await snapshot()).toEqual(before);
  });

  test("once someone else is an owner, the first may step down, and then leave", async () => {
    const client = await clientOf(solo.owner);
    const promote = await client.postForm("/members", {
      intent: "update-member",
      userId: solo.editor.user.id,
      role: "owner",
      team: "sales",
    });
    expect(promote.status).toBe(200);
    const since = await lastAuditId();
    const leave = await client.postForm("/members", { intent: "remove-member", userId: solo.owner.user.id });
    expect(leave.status).toBe(302);
    expect(leave.headers.get("location")).toBe("/plans");
    expect(await membershipOf(solo.workspace.id, solo.owner.user.id)).toBeUndefined();
    expect(await auditSince(since)).toEqual([
      {
        workspace_id: solo.workspace.id,
        actor_id: solo.owner.user.id,
        action: "member.removed",
        detail: {
          userId: solo.owner.user.id,
          name: solo.owner.user.name,
          email: solo.owner.email,
          role: "owner",
          team: "leadership",
          canSignOff: false,
        },
      },
    ]);
    // They belong to no workspace now: the app asks them to create one.
    const plans = await client.get("/plans");
    expect(plans.status).toBe(302);
    expect(plans.headers.get("location")).toBe("/workspaces/new");
    // And the remaining owner is the last one now.
    const last = await clientOf(solo.editor);
    const demote = await last.postForm("/members", {
      intent: "update-member",
      userId: solo.editor.user.id,
      role: "viewer",
      team: "sales",
    });
    expect(demote.status).toBe(409);
    expect((await membershipOf(solo.workspace.id, solo.editor.user.id))!.role).toBe("owner");
  });

  test("two owners demoting each other at once leave exactly one owner", async () => {
    const pair = await createWorkspaceWithOwner(accord.sql, { name: "Pair Co" });
    const coOwner = await createMember(accord.sql, {
      workspaceId: pair.workspace.id,
      role: "owner",
      team: "marketing",
    });
    const [a, b] = [await clientOf(pair.owner), await clientOf(coOwner)];
    const responses = await Promise.all([
      a.postForm("/members", {
        intent: "update-member",
        userId: coOwner.user.id,
        role: "editor",
        team: "marketing",
      }),
      b.postForm("/members", {
        intent: "update-member",
        userId: pair.owner.user.id,
        role: "editor",
        team: "leadership",
      }),
    ]);
    // Whoever went second was no longer an owner (403), or would have removed the last one (409).
    const [first, second] = responses.map((r) => r.status).sort((x, y) => x - y);
    expect(first).toBe(200);
    expect([403, 409]).toContain(second);
    const [row] = await accord.sql<{ n: number }[]>`
      select count(*)::int as n from memberships where workspace_id = ${pair.workspace.id} and role = 'owner'`;
    expect(row!.n).toBe(1);
  });
});

describe("removing a member", () => {
  test("the owner removes a member: the membership goes, a member.removed row is written, they lose access", async () => {
    const gone = await createMember(accord.sql, {
      workspaceId: workspace.id,
      role: "viewer",
      team: "sales",
      user: { name: "Gina Gone" },
    });
    const goneClient = await clientOf(gone);
    expect((await goneClient.get("/members")).status).toBe(200);

    const since = await lastAuditId();
    const response = await (
      await clientOf(owner)
    ).postForm("/members", {
      intent: "remove-member",
      userId: gone.user.id,
    });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain("Removed Gina Gone from the workspace.");
    expect(await membershipOf(workspace.id, gone.user.id)).toBeUndefined();
    expect(await auditSince(since)).toEqual([
      {
        workspace_id: workspace.id,
        actor_id: owner.user.id,
        action: "member.removed",
        detail: {
          userId: gone.user.id,
          name: "Gina Gone",
          email: gone.email,
          role: "viewer",
          team: "sales",
          canSignOff: false,
        },
      },
    ]);
    const after = await goneClient.get("/members");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/workspaces/new");
  });
});

describe("non-owners", () => {
  test.each([
    ["editor", () => editor],
    ["commenter", () => commenter],
    ["viewer", () => viewer],
  ])("a %s gets 403 for every intent, and nothing changes", async (_role, who) => {
    const client = await clientOf(who());
    const [invite] = await accord.sql<{ id: string }[]>`
      insert into invites (workspace_id, token_hash, role, team, created_by, expires_at)
      values (${workspace.id}, ${`non-owner-${_role}`}, 'viewer', 'other', ${owner.user.id}, now() + interval '1 day')
      returning id`;
    const outsider = await insertUser(accord.sql, {
      email: `outsider-${_role}@example.test`,
      name: "Otto Outsider",
      passwordHash: "x",
    });
    const before = await snapshot();
    const posts: Array<Record<string, string>> = [
      { intent: "update-member", userId: commenter.user.id, role: "owner", team: "sales" },
      { intent: "update-member", userId: who().user.id, role: "owner", team: "leadership" },
      { intent: "remove-member", userId: viewer.user.id },
      { intent: "invite-email", email: outsider.email, role: "editor", team: "sales" },
      { intent: "create-link", role: "editor", team: "sales" },
      { intent: "revoke-invite", inviteId: invite!.id },
      // Even bad input is refused for the role first, without a hint about the fields.
      { intent: "update-member", userId: "nope", role: "admin", team: "finance" },
    ];
    for (const fields of posts) {
      const response = await client.postForm("/members", fields);
      expect(response.status, JSON.stringify(fields)).toBe(403);
      expect(await response.text()).toContain("Only workspace owners can invite, change or remove members.");
    }
    expect(await snapshot()).toEqual(before);
    await accord.sql`update invites set revoked_at = now() where id = ${invite!.id}`;
  });
});

describe("inviting by e-mail", () => {
  test("an existing Accord user is added with the chosen role, team and sign-off right", async () => {
    const { owner: newcomer } = await createWorkspaceWithOwner(accord.sql, {
      owner: { name: "Nina Newcomer" },
    });
    const since = await lastAuditId();
    const response = await (
      await clientOf(owner)
    ).postForm("/members", {
      intent: "invite-email",
      email: `  ${newcomer.email.toUpperCase()} `,
      role: "editor",
      team: "sales",
      canSignOff: "on",
    });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain(
      "Added Nina Newcomer as an editor in Sales, able to sign off.",
    );
    expect(await membershipOf(workspace.id, newcomer.user.id)).toEqual({
      role: "editor",
      team: "sales",
      can_sign_off: true,
    });
    expect(await auditSince(since)).toEqual([
      {
        workspace_id: workspace.id,
        actor_id: owner.user.id,
        action: "member.added",
        detail: {
          userId: newcomer.user.id,
          email: newcomer.email,
          role: "editor",
          team: "sales",
          canSignOff: true,
        },
      },
    ]);
    // They can now switch to the workspace and see its members.
    const client = await clientOf(newcomer);
    expect((await client.postForm("/workspaces/switch", { workspaceId: workspace.id })).status).toBe(302);
    expect(textOf(await (await client.get("/members")).text())).toContain("Olivia Owner");
  });

  test.each([
    [
      "an unknown e-mail",
      () => "nobody-here@example.test",
      "No Accord account uses this e-mail. Create an invite link instead.",
    ],
    ["a member's e-mail", () => viewer.email, "Vic Viewer is already a member of this workspace."],
    ["a malformed e-mail", () => "not-an-email", "Enter a valid e-mail address, like name@company.com."],
    ["no e-mail", () => "", "Enter their e-mail address."],
  ])(
    "%s answers 400 with the message next to the e-mail field, and nothing changes",
    async (_what, email, message) => {
      const client = await clientOf(owner);
      const before = await snapshot();
      const response = await client.postForm("/members", {
        intent: "invite-email",
        email: email(),
        role: "editor",
        team: "sales",
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(
        /id="invite-email-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="invite-email-email"/,
      );
      expect(textOf(html)).toContain(message);
      expect(await snapshot()).toEqual(before);
    },
  );

  test("a bad role or team by e-mail answers 400 and changes nothing", async () => {
    const { owner: someone } = await createWorkspaceWithOwner(accord.sql);
    const client = await clientOf(owner);
    const before = await snapshot();
    const response = await client.postForm("/members", {
      intent: "invite-email",
      email: someone.email,
      role: "admin",
      team: "finance",
    });
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Choose a role.");
    expect(text).toContain("Choose a team.");
    expect(await snapshot()).toEqual(before);
  });
});

describe("invite links and pending invites", () => {
  test("creating a link shows the full URL once, stores only the token's SHA-256 and lists it as pending", async () => {
    const client = await clientOf(owner);
    const since = await lastAuditId();
    const response = await client.postForm("/members", {
      intent: "create-link",
      role: "commenter",
      team: "marketing",
      canSignOff: "on",
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    const match = new RegExp(`value="${accord.url}/invite/([A-Za-z0-9_-]{43})"`).exec(html);
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect(textOf(html)).toMatch(/It works once and expires on \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\./);

    const rows = await accord.sql`
      select id, token_hash, role, team, can_sign_off, created_by, expires_at, used_at, revoked_at
      from invites where workspace_id = ${workspace.id} and created_at > now() - interval '1 minute'
        and revoked_at is null`;
    expect(rows).toHaveLength(1);
    const invite = rows[0]!;
    expect(invite.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(await accord.sql`select * from invites`)).not.toContain(token);
    expect(invite).toMatchObject({
      role: "commenter",
      team: "marketing",
      can_sign_off: true,
      created_by: owner.user.id,
    });
    const days = ((invite.expires_at as Date).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const audit = await auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "member.invited",
      actor_id: owner.user.id,
      detail: { inviteId: invite.id, role: "commenter", team: "marketing", canSignOff: true },
    });

    // The list of pending invites shows it, but never the link again.
    const page = await (await client.get("/members")).text();
    expect(page).not.toContain(token);
    expect(textOf(page)).toMatch(
      /Pending invites Role Team Signs off Created by Expires Actions Commenter Marketing Signs off Olivia Owner/,
    );
    await accord.sql`update invites set revoked_at = now() where id = ${invite.id}`;
  });

  test("an invite link cannot make an owner, and bad values change nothing", async () => {
    const client = await clientOf(owner);
    const before = await snapshot();
    for (const [fields, message] of [
      [{ role: "owner", team: "sales" }, "Invite as editor, commenter or viewer."],
      [{ role: "admin", team: "sales" }, "Invite as editor, commenter or viewer."],
      [{ role: "viewer", team: "finance" }, "Choose a team."],
    ] as const) {
      const response = await client.postForm("/members", { intent: "create-link", ...fields });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(textOf(html)).toContain(message);
      expect(html).not.toContain("/invite/");
    }
    expect(await snapshot()).toEqual(before);
  });

  test("the owner revokes a pending invite: revoked_at is set, audited, and a second revoke is refused", async () => {
    const [invite] = await accord.sql<{ id: string }[]>`
      insert into invites (workspace_id, token_hash, role, team, created_by, expires_at)
      values (${workspace.id}, 'to-revoke', 'editor', 'sales', ${owner.user.id}, now() + interval '7 days')
      returning id`;
    const client = await clientOf(owner);
    const since = await lastAuditId();
    const response = await client.postForm("/members", { intent: "revoke-invite", inviteId: invite!.id });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain("Invite revoked. Its link no longer works.");
    const [row] = await accord.sql`select revoked_at from invites where id = ${invite!.id}`;
    expect(row!.revoked_at).toBeInstanceOf(Date);
    expect(await auditSince(since)).toEqual([
      {
        workspace_id: workspace.id,
        actor_id: owner.user.id,
        action: "invite.revoked",
        detail: { inviteId: invite!.id },
      },
    ]);

    const before = await snapshot();
    const again = await client.postForm("/members", { intent: "revoke-invite", inviteId: invite!.id });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("That invite was already used or revoked.");
    expect(await snapshot()).toEqual(before);
    expect(textOf(await (await client.get("/members")).text())).toContain("No pending invites");
  });

  test("another workspace's invite, an unknown id and a malformed id are refused, and nothing changes", async () => {
    const client = await clientOf(owner);
    const before = await snapshot();
    const foreign = await client.postForm("/members", { intent: "revoke-invite", inviteId: other.inviteId });
    expect(foreign.status).toBe(404);
    const unknown = await client.postForm("/members", {
      intent: "revoke-invite",
      inviteId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.status).toBe(404);
    const malformed = await client.postForm("/members", {
      intent: "revoke-invite",
      inviteId: "'; drop table invites",
    });
    expect(malformed.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const [row] = await accord.sql`select revoked_at from invites where id = ${other.inviteId}`;
    expect(row!.revoked_at).toBeNull();
  });

  test("the other workspace's owner sees only their own members and invites", async () => {
    const html = await (await (await clientOf(other.owner)).get("/members")).text();
    const text = textOf(html);
    expect(text).toContain("Boris Beyond");
    expect(text).toContain("Fabrikam Elsewhere");
    for (const m of [owner, editor, commenter, viewer]) expect(text).not.toContain(m.user.name);
    expect(text).toMatch(/Pending invites .* Viewer Other — No Fiona Foreign/);
  });
});
