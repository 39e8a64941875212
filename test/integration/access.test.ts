import { createHash, randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertInvite } from "../../db/queries/invites";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import { type WorkspaceRow } from "../../db/queries/workspaces";
import { SERVER_BUILD } from "../../server/build";
import { PROJECT_ROOT } from "../../server/paths";
import { TestClient, loginAs } from "../support/client";
import { openEventStream } from "../support/event-stream";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * THE ROUTE WALK. Two workspaces, A and B. The owner of B walks every page and
 * API route of the app, handing it A's ids wherever a route takes an id: each
 * answer must be a 404 (or show only B), no answer may contain anything of A,
 * and A's rows must be exactly as they were.
 *
 * The walk is checked against the routes the app really serves (the Remix
 * build of app/routes): a route or a method added later without a step here,
 * or an explicit public entry, fails the first test.
 */

type Method = "GET" | "POST";

interface World {
  a: {
    workspace: WorkspaceRow;
    owner: CreatedMember;
    editor: CreatedMember;
    plan: PlanRow;
    inviteId: string;
    /** A thread on A's plan, its two comments and the notifications they sent. */
    threadId: string;
    commentIds: string[];
    notificationIds: string[];
    /** The version of A's plan under review (A's sales editor submitted it). */
    versionId: string;
    /** A field feedback item A's sales editor filed about A's plan. */
    feedbackId: string;
    /** A read-only share link of A's plan, and its token. */
    shareLinkId: string;
    shareToken: string;
  };
  b: { workspace: WorkspaceRow; owner: CreatedMember; plan: PlanRow };
  /** What of A must never reach B: names, e-mails, the plan title, the workspace name. */
  secrets: string[];
}

interface Step {
  method: Method;
  /** The route pattern as the app declares it, e.g. `/plans/:planId`. */
  pattern: string;
  what: string;
  /** Runs as B's owner with a fresh session; returns every response body seen, checked for leaks. */
  walk: (client: TestClient, world: World) => Promise<string[]>;
}

let accord: TestServer;
let world: World;

const A_PLAN_TITLE = "Alpha confidential launch plan";

const clientOf = (member: CreatedMember) => loginAs(accord, member);

/** The status and body of a response, the body kept for the leak check. */
async function read(response: Response, status: number, bodies: string[]): Promise<string> {
  const body = await response.text();
  bodies.push(body);
  expect(response.status, body.slice(0, 500)).toBe(status);
  return body;
}

const expectJson404 = async (response: Response, bodies: string[]) => {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await read(response, 404, bodies);
  expect(JSON.parse(body)).toMatchObject({ error: "not_found" });
};

/** The one plan with this title, to see where a post put it. */
async function workspaceOfPlan(title: string): Promise<string[]> {
  const rows = await accord.sql<{ workspaceId: string }[]>`
    select workspace_id as "workspaceId" from plans where title = ${title}`;
  return rows.map((r) => r.workspaceId);
}

const currentWorkspaceOf = async (userId: string) =>
  accord.sql<{ workspaceId: string }[]>`
    select workspace_id as "workspaceId" from sessions where user_id = ${userId}`;

const WALK: Step[] = [
  {
    method: "GET",
    pattern: "/",
    what: "the home page sends B's member to the plans",
    walk: async (c) => {
      const bodies: string[] = [];
      const response = await c.get("/");
      await read(response, 302, bodies);
      expect(response.headers.get("location")).toBe("/plans");
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans",
    what: "the plans list shows B's plans only, with every filter",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of ["", "?status=draft", "?status=approved", "?status=in_review"]) {
        await read(await c.get(`/plans${query}`), 200, bodies);
      }
      expect(bodies[0]).toContain(w.b.plan.title);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/new",
    what: "the new-plan form",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.get("/plans/new"), 200, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/plans/new",
    what: "creating a plan lands in B, whatever workspace the form names",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const title = `B form plan ${randomBytes(3).toString("hex")}`;
      const response = await c.postForm("/plans/new", {
        title,
        period: "2027-Q1",
        currency: "USD",
        workspaceId: w.a.workspace.id,
      });
      await read(response, 302, bodies);
      expect(await workspaceOfPlan(title)).toEqual([w.b.workspace.id]);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId",
    what: "A's plan page is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = await read(await c.get(`/plans/${w.a.plan.id}`), 404, bodies);
      expect(body).toContain("There is no such plan, or you do not have access to it.");
      // And B's own plan still opens, so the 404 is about A, not a broken page.
      await read(await c.get(`/plans/${w.b.plan.id}`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId/versions",
    what: "A's versions page is a 404; B's opens",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = await read(await c.get(`/plans/${w.a.plan.id}/versions`), 404, bodies);
      expect(body).toContain("There is no such plan, or you do not have access to it.");
      await read(await c.get(`/plans/${w.b.plan.id}/versions`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId/versions/:versionId",
    what: "A's version is a 404 through A's plan or B's, and B's version cannot be compared with it",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const path of [
        `/plans/${w.a.plan.id}/versions/${w.a.versionId}`,
        `/plans/${w.b.plan.id}/versions/${w.a.versionId}`,
        `/plans/${w.a.plan.id}/versions/${w.a.versionId}?compare=current`,
      ]) {
        await read(await c.get(path), 404, bodies);
      }
      const saved = await c.postJson(`/api/plans/${w.b.plan.id}/versions`, { name: "B walk" });
      bodies.push(await saved.text());
      expect(saved.status).toBe(201);
      const bVersion = (JSON.parse(bodies[bodies.length - 1]!) as { version: { id: string } }).version.id;
      const compared = `/plans/${w.b.plan.id}/versions/${bVersion}?compare=${w.a.versionId}`;
      expect(await read(await c.get(compared), 404, bodies)).toContain(
        "There is no such version of this plan.",
      );
      await read(await c.get(`/plans/${w.b.plan.id}/versions/${bVersion}?compare=current`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId/audit",
    what: "A's audit log page is a 404; B's shows B's plan only",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of ["", "?action=plan.submitted", "?before=1"]) {
        await read(await c.get(`/plans/${w.a.plan.id}/audit${query}`), 404, bodies);
      }
      await read(await c.get(`/plans/${w.b.plan.id}/audit`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId/print",
    what: "A's print view is a 404, and B's plan prints no version of A",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/plans/${w.a.plan.id}/print`), 404, bodies);
      await read(await c.get(`/plans/${w.a.plan.id}/print?version=${w.a.versionId}`), 404, bodies);
      await read(await c.get(`/plans/${w.b.plan.id}/print?version=${w.a.versionId}`), 404, bodies);
      await read(await c.get(`/plans/${w.b.plan.id}/print`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/audit",
    what: "the audit log page shows B's workspace only, whatever the filter or cursor",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of [
        "",
        "?action=plan.submitted",
        "?action=member.added",
        `?plan=${w.a.plan.id}`,
        "?before=9",
      ]) {
        await read(await c.get(`/audit${query}`), 200, bodies);
      }
      expect(bodies[0]).toContain(w.b.workspace.name);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/members",
    what: "the members page lists B's members only",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = await read(await c.get("/members"), 200, bodies);
      expect(body).toContain(w.b.owner.email);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/members",
    what: "every members action on A's people and invites is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const posts: Array<Record<string, string>> = [
        { intent: "update-member", userId: w.a.editor.user.id, role: "viewer", team: "sales" },
        {
          intent: "update-member",
          userId: w.a.owner.user.id,
          role: "viewer",
          team: "sales",
          canSignOff: "on",
        },
        { intent: "remove-member", userId: w.a.editor.user.id },
        { intent: "remove-member", userId: w.a.owner.user.id },
        { intent: "revoke-invite", inviteId: w.a.inviteId },
      ];
      for (const fields of posts) {
        const body = await read(await c.postForm("/members", fields), 404, bodies);
        expect(body, JSON.stringify(fields)).toMatch(/There is no such (member|invite) in this workspace\./);
      }
      // The intents without ids work on B only: a link for B, an unknown e-mail refused as a field error.
      await read(
        await c.postForm("/members", { intent: "create-link", role: "viewer", team: "sales" }),
        200,
        bodies,
      );
      const [links] = await accord.sql<{ a: number; b: number }[]>`
        select count(*) filter (where workspace_id = ${w.a.workspace.id})::int as a,
               count(*) filter (where workspace_id = ${w.b.workspace.id})::int as b
        from invites`;
      expect(links).toMatchObject({ a: 1 });
      expect(links!.b).toBeGreaterThanOrEqual(1);
      await read(
        await c.postForm("/members", {
          intent: "invite-email",
          email: `nobody-${randomBytes(3).toString("hex")}@example.test`,
          role: "viewer",
          team: "sales",
        }),
        400,
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/workspaces/new",
    what: "the new-workspace form",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.get("/workspaces/new"), 200, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/workspaces/new",
    what: "creating a workspace makes a new one of B's owner, touching nothing of A",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const name = `B side project ${randomBytes(3).toString("hex")}`;
      await read(await c.postForm("/workspaces/new", { name, workspaceId: w.a.workspace.id }), 302, bodies);
      const rows = await accord.sql`
        select m.role from workspaces ws join memberships m on m.workspace_id = ws.id
        where ws.name = ${name} and m.user_id = ${w.b.owner.user.id}`;
      expect(rows).toEqual([{ role: "owner" }]);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/workspaces/switch",
    what: "a GET of the switch just goes to the plans",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.get(`/workspaces/switch`), 302, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/workspaces/switch",
    what: "switching to A is a 404 and the session stays in B",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = await read(
        await c.postForm("/workspaces/switch", { workspaceId: w.a.workspace.id, redirectTo: "/plans" }),
        404,
        bodies,
      );
      expect(body).toContain("There is no such workspace, or you are not a member of it.");
      const current = (await currentWorkspaceOf(w.b.owner.user.id)).map((r) => r.workspaceId);
      expect(current).not.toContain(w.a.workspace.id);
      // The walking session is still in B.
      expect(JSON.parse(await read(await c.get("/api/me"), 200, bodies))).toMatchObject({
        workspace: { id: w.b.workspace.id },
      });
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/invite/:token",
    what: "an invite page needs the token itself: A's invite id or a made-up token opens nothing",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const token of [w.a.inviteId, randomBytes(32).toString("base64url")]) {
        await read(await c.get(`/invite/${token}`), 404, bodies);
      }
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/invite/:token",
    what: "joining by A's invite id or a made-up token joins nothing",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const token of [w.a.inviteId, randomBytes(32).toString("base64url")]) {
        await read(await c.postForm(`/invite/${token}`, { intent: "join" }), 400, bodies);
      }
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/me",
    what: "/api/me names B's workspaces only",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = JSON.parse(await read(await c.get("/api/me"), 200, bodies)) as {
        workspace: { id: string };
        workspaces: Array<{ id: string }>;
      };
      expect(body.workspace.id).toBe(w.b.workspace.id);
      expect(body.workspaces.map((ws) => ws.id)).not.toContain(w.a.workspace.id);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/me",
    what: "POST /api/me is a 405",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.postJson("/api/me", { workspaceId: world.a.workspace.id }), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans",
    what: "/api/plans lists B's plans only, with every filter",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of ["", "?status=draft", "?status=approved", `?workspaceId=${w.a.workspace.id}`]) {
        const body = JSON.parse(await read(await c.get(`/api/plans${query}`), 200, bodies)) as {
          plans: Array<{ id: string }>;
        };
        expect(body.plans.map((p) => p.id)).not.toContain(w.a.plan.id);
      }
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans",
    what: "POST /api/plans creates in B, whatever workspace the body names",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const title = `B api plan ${randomBytes(3).toString("hex")}`;
      await read(
        await c.postJson("/api/plans", { title, period: "2027-Q2", workspaceId: w.a.workspace.id }),
        201,
        bodies,
      );
      expect(await workspaceOfPlan(title)).toEqual([w.b.workspace.id]);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId",
    what: "A's plan through the API is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId",
    what: "writing to A's plan through the API is refused",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await c.request(`/api/plans/${w.a.plan.id}`, {
          method,
          body: JSON.stringify({ title: "Hijacked" }),
          headers: { "content-type": "application/json" },
        });
        expect([404, 405]).toContain(response.status);
        bodies.push(await response.text());
      }
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/collab-token",
    what: "no collab token for A's plan: a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/collab-token`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/collab-token",
    what: "POST for a collab token is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.postJson(`/api/plans/${w.a.plan.id}/collab-token`, {}), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/submit",
    what: "GET of submit is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/api/plans/${w.a.plan.id}/submit`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/submit",
    what: "submitting A's plan is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(
        await c.postJson(`/api/plans/${w.a.plan.id}/submit`, { freezeEditing: true }),
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/signoff",
    what: "A's sign-off state is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/signoff`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/signoff",
    what: "signing A's plan is a 404, whatever the decision",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const decision of ["approve", "request_changes"]) {
        await expectJson404(
          await c.postJson(`/api/plans/${w.a.plan.id}/signoff`, {
            decision,
            note: "Hijacked",
            hash: "0".repeat(64),
          }),
          bodies,
        );
      }
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/reopen",
    what: "GET of reopen is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/api/plans/${w.a.plan.id}/reopen`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/reopen",
    what: "reopening A's plan is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(
        await c.postJson(`/api/plans/${w.a.plan.id}/reopen`, { reason: "Hijacked" }),
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/signers",
    what: "A's signers are a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/signers`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/signers",
    what: "choosing A's signers is a 404 (and a POST a 405); B's plan takes no member of A",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const put = (planId: string, userIds: string[]) =>
        c.request(`/api/plans/${planId}/signers`, {
          method: "PUT",
          body: JSON.stringify({ userIds }),
          headers: { "content-type": "application/json" },
        });
      await expectJson404(await put(w.a.plan.id, [w.b.owner.user.id]), bodies);
      await read(await c.postJson(`/api/plans/${w.a.plan.id}/signers`, { userIds: [] }), 405, bodies);
      await read(await put(w.b.plan.id, [w.a.editor.user.id]), 400, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/versions",
    what: "A's versions are a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/versions`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/versions",
    what: "saving a version of A's plan is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(
        await c.postJson(`/api/plans/${w.a.plan.id}/versions`, { name: "Hijacked" }),
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/versions/:versionId",
    what: "A's version is a 404, through A's plan or B's, compared or not",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const path of [
        `/api/plans/${w.a.plan.id}/versions/${w.a.versionId}`,
        `/api/plans/${w.b.plan.id}/versions/${w.a.versionId}`,
        `/api/plans/${w.a.plan.id}/versions/${w.a.versionId}?compare=current`,
      ]) {
        await expectJson404(await c.get(path), bodies);
      }
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/versions/:versionId",
    what: "POST to a version is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.postJson(`/api/plans/${w.a.plan.id}/versions/${w.a.versionId}`, {}), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/versions/:versionId/restore",
    what: "GET of restore is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/api/plans/${w.a.plan.id}/versions/${w.a.versionId}/restore`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/versions/:versionId/restore",
    what: "restoring A's version, onto A's plan or B's, is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const planId of [w.a.plan.id, w.b.plan.id]) {
        await expectJson404(
          await c.postJson(`/api/plans/${planId}/versions/${w.a.versionId}/restore`, {}),
          bodies,
        );
      }
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/export.md",
    what: "exporting A's plan, or A's version through B's plan, is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/export.md`), bodies);
      await expectJson404(
        await c.get(`/api/plans/${w.b.plan.id}/export.md?version=${w.a.versionId}`),
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/export.md",
    what: "POST of an export is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.postJson(`/api/plans/${w.a.plan.id}/export.md`, {}), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/actuals",
    what: "A's actuals are a 404, by A's id or a malformed one; B's plan answers",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/actuals`), bodies);
      await expectJson404(await c.get(`/api/plans/not-a-uuid/actuals`), bodies);
      await read(await c.get(`/api/plans/${w.b.plan.id}/actuals`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/actuals",
    what: "posting actuals to A's plan is a 404 and writes nothing",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const row = {
        targetMarketId: crypto.randomUUID(),
        month: "2027-01",
        revenueWon: 1,
        dealsWon: 1,
        pipelineCreated: 1,
        mqls: 1,
        sqls: 1,
        leadsFollowedUpInSla: 1,
        leadsHandedOff: 1,
      };
      await expectJson404(await c.postJson(`/api/plans/${w.a.plan.id}/actuals`, { rows: [row] }), bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/actuals.csv",
    what: "A's CSV templates are a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const kind of ["actuals", "spend"]) {
        await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/actuals.csv?kind=${kind}`), bodies);
      }
      await read(await c.get(`/api/plans/${w.b.plan.id}/actuals.csv`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/actuals.csv",
    what: "importing a CSV into A's plan is a 404 and writes nothing",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const response = await c.request(`/api/plans/${w.a.plan.id}/actuals.csv`, {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body: "month,campaign,spend,mqls\n2027-01,x,1,1\n",
      });
      await expectJson404(response, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/metrics",
    what: "A's metrics are a 404; B's plan answers",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/metrics?today=2027-02-01`), bodies);
      await read(await c.get(`/api/plans/${w.b.plan.id}/metrics?today=2027-02-01`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/audit",
    what: "the audit log shows B's workspace only; A's plan as a filter is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = JSON.parse(await read(await c.get("/api/audit?limit=200"), 200, bodies)) as {
        entries: Array<{ plan: { id: string } | null }>;
      };
      expect(body.entries.some((e) => e.plan?.id === w.a.plan.id)).toBe(false);
      await expectJson404(await c.get(`/api/audit?plan=${w.a.plan.id}`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/audit",
    what: "POST to the audit log is a 405",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.postJson("/api/audit", { action: "plan.approved" }), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/threads",
    what: "A's threads are a 404; B's plan lists none of A's",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of ["", "?status=all", "?mentioning=me"]) {
        await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/threads${query}`), bodies);
      }
      const body = JSON.parse(await read(await c.get(`/api/plans/${w.b.plan.id}/threads`), 200, bodies)) as {
        threads: Array<{ id: string }>;
      };
      expect(body.threads.map((t) => t.id)).not.toContain(w.a.threadId);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/threads",
    what: "starting a thread on A's plan is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(
        await c.postJson(`/api/plans/${w.a.plan.id}/threads`, {
          anchor: { kind: "section", section: "strategy" },
          body: "Hijacked",
          mentions: [w.a.owner.user.id],
        }),
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/threads/:threadId",
    what: "A's thread is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/threads/${w.a.threadId}`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/threads/:threadId",
    what: "marking A's thread blocking is a 404 (and a POST a 405)",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.patchJson(`/api/threads/${w.a.threadId}`, { blocking: true }), bodies);
      await read(await c.postJson(`/api/threads/${w.a.threadId}`, { blocking: true }), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/threads/:threadId/comments",
    what: "GET of a thread's comments is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/api/threads/${w.a.threadId}/comments`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/threads/:threadId/comments",
    what: "replying in A's thread is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(
        await c.postJson(`/api/threads/${w.a.threadId}/comments`, { body: "Hijacked", mentions: [] }),
        bodies,
      );
      return bodies;
    },
  },
  ...(["resolve", "reopen"] as const).flatMap((verb): Step[] => [
    {
      method: "GET",
      pattern: `/api/threads/:threadId/${verb}`,
      what: `GET of ${verb} is a 405`,
      walk: async (c, w) => {
        const bodies: string[] = [];
        await read(await c.get(`/api/threads/${w.a.threadId}/${verb}`), 405, bodies);
        return bodies;
      },
    },
    {
      method: "POST",
      pattern: `/api/threads/:threadId/${verb}`,
      what: `${verb} on A's thread is a 404`,
      walk: async (c, w) => {
        const bodies: string[] = [];
        await expectJson404(await c.postJson(`/api/threads/${w.a.threadId}/${verb}`, {}), bodies);
        return bodies;
      },
    },
  ]),
  {
    method: "GET",
    pattern: "/api/comments/:commentId",
    what: "GET of a comment is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/api/comments/${w.a.commentIds[0]}`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/comments/:commentId",
    what: "editing or deleting A's comments is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const id of w.a.commentIds) {
        await expectJson404(await c.patchJson(`/api/comments/${id}`, { body: "Hijacked" }), bodies);
        await expectJson404(await c.delete(`/api/comments/${id}`), bodies);
      }
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/notifications",
    what: "B's notifications hold nothing of A",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of ["", "?unread=1", "?limit=200"]) {
        const body = JSON.parse(await read(await c.get(`/api/notifications${query}`), 200, bodies)) as {
          notifications: Array<{ id: string }>;
        };
        expect(body.notifications.map((n) => n.id)).not.toEqual(expect.arrayContaining(w.a.notificationIds));
      }
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/notifications",
    what: "POST /api/notifications is a 405",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.postJson("/api/notifications", {}), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/notifications/read",
    what: "GET of mark-read is a 405",
    walk: async (c) => {
      const bodies: string[] = [];
      await read(await c.get("/api/notifications/read"), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/notifications/read",
    what: "marking A's notifications read marks nothing of A's",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.postJson("/api/notifications/read", { ids: w.a.notificationIds }), 200, bodies);
      await read(await c.postJson("/api/notifications/read", { all: true }), 200, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/events",
    what: "no event stream of A's plan; B's own stream carries only B's inbox",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/events?plan=${w.a.plan.id}`), bodies);
      const stream = await openEventStream(c, "/api/events");
      try {
        expect((await stream.next()).event).toBe("inbox");
        expect((await stream.next()).event).toBe("ready");
      } finally {
        stream.close();
      }
      bodies.push(...stream.events.map((e) => e.data));
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/events",
    what: "POST /api/events is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.postJson(`/api/events?plan=${w.a.plan.id}`, {}), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId/dashboard",
    what: "A's dashboard page is a 404, by A's id or a malformed one; B's opens",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const id of [w.a.plan.id, "not-a-uuid"]) {
        const body = await read(await c.get(`/plans/${id}/dashboard`), 404, bodies);
        expect(body).toContain("There is no such plan, or you do not have access to it.");
      }
      expect(await read(await c.get(`/plans/${w.b.plan.id}/dashboard`), 200, bodies)).toContain(
        "Share read-only",
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/share-links",
    what: "A's share links are a 404, by A's id or a malformed one; B's plan lists B's only",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/plans/${w.a.plan.id}/share-links`), bodies);
      await expectJson404(await c.get(`/api/plans/not-a-uuid/share-links`), bodies);
      const body = JSON.parse(
        await read(await c.get(`/api/plans/${w.b.plan.id}/share-links`), 200, bodies),
      ) as { links: Array<{ id: string }> };
      expect(body.links.map((l) => l.id)).not.toContain(w.a.shareLinkId);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/share-links",
    what: "sharing A's plan is a 404 and makes no link",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.postJson(`/api/plans/${w.a.plan.id}/share-links`, {}), bodies);
      await read(await c.delete(`/api/plans/${w.a.plan.id}/share-links`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/plans/:planId/share-links/:linkId",
    what: "GET of one share link is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await read(await c.get(`/api/plans/${w.a.plan.id}/share-links/${w.a.shareLinkId}`), 405, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/plans/:planId/share-links/:linkId",
    what: "revoking A's link through A's plan or B's is a 404, and the link still works",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const planId of [w.a.plan.id, w.b.plan.id]) {
        await expectJson404(await c.delete(`/api/plans/${planId}/share-links/${w.a.shareLinkId}`), bodies);
      }
      await read(
        await c.postJson(`/api/plans/${w.a.plan.id}/share-links/${w.a.shareLinkId}`, {}),
        405,
        bodies,
      );
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/share/:token",
    what: "A's share token cannot be guessed: near misses and random tokens are a plain 404; B's own link opens",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const token = w.a.shareToken;
      const flip = (ch: string) => (ch === "A" ? "B" : "A");
      const guesses = [
        token.slice(0, -1) + flip(token.slice(-1)),
        flip(token[0]!) + token.slice(1),
        token.slice(0, -1),
        `${token}A`,
        token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase(),
        randomBytes(32).toString("base64url"),
        createHash("sha256").update(token).digest("hex"),
      ];
      for (const guess of guesses) {
        const body = await read(await c.get(`/share/${encodeURIComponent(guess)}`), 404, bodies);
        expect(body).toContain("This link does not work");
      }
      const created = await c.postJson(`/api/plans/${w.b.plan.id}/share-links`, {});
      bodies.push(await created.text());
      expect(created.status).toBe(201);
      const url = (JSON.parse(bodies[bodies.length - 1]!) as { url: string }).url;
      expect(await read(await c.get(new URL(url).pathname), 200, bodies)).toContain(w.b.plan.title);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/plans/:planId/actuals",
    what: "A's actuals page is a 404; B's opens",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const body = await read(await c.get(`/plans/${w.a.plan.id}/actuals`), 404, bodies);
      expect(body).toContain("There is no such plan, or you do not have access to it.");
      expect(await read(await c.get(`/plans/${w.b.plan.id}/actuals`), 200, bodies)).toContain(w.b.plan.title);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/feedback",
    what: "the feedback page shows B's items only, whatever item or plan the URL names",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const query of ["", `?item=${w.a.feedbackId}`, `?plan=${w.a.plan.id}`, "?status=new&mine=1"])
        await read(await c.get(`/feedback${query}`), 200, bodies);
      expect(bodies[1]).not.toContain(`feedback-${w.a.feedbackId}`);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/feedback",
    what: "the page's forms cannot file into A's plan or change A's items; a filing lands in B",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const item = { account: "Bravo account", insight: "Heard in B", tags: "pricing" };
      await read(
        await c.postForm("/feedback", { intent: "create", ...item, planId: w.a.plan.id }),
        400,
        bodies,
      );
      for (const intent of ["edit", "triage"]) {
        const fields = { intent, id: w.a.feedbackId, ...item, status: "done", reply: "Hijacked" };
        await read(await c.postForm("/feedback", fields), 404, bodies);
      }
      await read(await c.postForm("/feedback", { intent: "create", ...item, planId: "" }), 302, bodies);
      const [filed] =
        await accord.sql`select workspace_id from feedback where account = 'Bravo account' limit 1`;
      expect(filed).toEqual({ workspace_id: w.b.workspace.id });
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/feedback",
    what: "B's feedback list holds nothing of A; a filter on A's plan is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const page = JSON.parse(await read(await c.get("/api/feedback?limit=100"), 200, bodies)) as {
        items: Array<{ id: string }>;
      };
      expect(page.items.map((i) => i.id)).not.toContain(w.a.feedbackId);
      await expectJson404(await c.get(`/api/feedback?plan=${w.a.plan.id}`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/feedback",
    what: "filing about A's plan is refused (400); a filing lands in B",
    walk: async (c, w) => {
      const bodies: string[] = [];
      const item = { account: "Bravo API account", insight: "Heard in B", tags: ["objection"] };
      await read(await c.postJson("/api/feedback", { ...item, planId: w.a.plan.id }), 400, bodies);
      const created = JSON.parse(await read(await c.postJson("/api/feedback", item), 201, bodies)) as {
        item: { id: string };
      };
      const [filed] = await accord.sql`select workspace_id from feedback where id = ${created.item.id}`;
      expect(filed).toEqual({ workspace_id: w.b.workspace.id });
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/feedback/:feedbackId",
    what: "A's feedback item is a 404",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.get(`/api/feedback/${w.a.feedbackId}`), bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/feedback/:feedbackId",
    what: "triaging or editing A's feedback item is a 404; POST is a 405",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.patchJson(`/api/feedback/${w.a.feedbackId}`, { status: "done" }), bodies);
      await expectJson404(
        await c.patchJson(`/api/feedback/${w.a.feedbackId}`, { account: "Hijacked" }),
        bodies,
      );
      await read(await c.postJson(`/api/feedback/${w.a.feedbackId}`, { status: "done" }), 405, bodies);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/inbox",
    what: "the inbox page shows B's own notifications only",
    walk: async (c) => {
      const bodies: string[] = [];
      for (const query of ["", "?show=all", "?show=unread"])
        await read(await c.get(`/inbox${query}`), 200, bodies);
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/inbox",
    what: "marking A's notifications read from the inbox page changes nothing of A",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const id of w.a.notificationIds) {
        const response = await c.postForm("/inbox", { intent: "read", id });
        bodies.push(await response.text());
        expect(response.status).toBeLessThan(400);
      }
      const all = await c.postForm("/inbox", { intent: "read-all" });
      bodies.push(await all.text());
      expect(all.status).toBeLessThan(400);
      return bodies;
    },
  },
  {
    method: "GET",
    pattern: "/api/*",
    what: "unknown API paths with A's ids are 404 JSON",
    walk: async (c, w) => {
      const bodies: string[] = [];
      for (const p of [`/api/workspaces/${w.a.workspace.id}`, `/api/plans/${w.a.plan.id}/members`]) {
        await expectJson404(await c.get(p), bodies);
      }
      return bodies;
    },
  },
  {
    method: "POST",
    pattern: "/api/*",
    what: "unknown API paths take no writes",
    walk: async (c, w) => {
      const bodies: string[] = [];
      await expectJson404(await c.postJson(`/api/workspaces/${w.a.workspace.id}/members`, {}), bodies);
      return bodies;
    },
  },
];

/**
 * Routes outside the walk, each with the reason. A new entry here is a
 * decision a reviewer should see.
 */
const NOT_WALKED: Record<string, string> = {
  "GET /login": "public: the login form",
  "POST /login": "public: logging in (auth.test.ts)",
  "GET /signup": "public: the sign-up form",
  "POST /signup": "public: creates a new user and workspace of their own (auth.test.ts)",
  "GET /logout": "redirects home, shows nothing",
  "POST /logout": "ends the caller's own session",
  "GET /share/:token":
    "public: the read-only page behind an owner's share link, for anyone with the token; the walk shows A's token cannot be guessed (share-links.test.ts)",
  "LAYOUT routes/_app":
    "the signed-in layout: its loader runs with, and its output is part of, every /plans and /members page walked above",
};

interface RouteEntry {
  id: string;
  /** `GET /plans/:planId`, or `LAYOUT <id>` for a pathless layout with a loader or action. */
  keys: string[];
}

/** The routes the app serves, from the Remix build of app/routes. */
async function servedRoutes(): Promise<{ build: ServerBuild; entries: RouteEntry[] }> {
  const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild;
  const entries: RouteEntry[] = [];
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const module = route.module as { loader?: unknown; action?: unknown; default?: unknown };
    if (route.id === "root" || (!route.path && !route.index)) {
      if (module.loader || module.action) entries.push({ id: route.id, keys: [`LAYOUT ${route.id}`] });
      continue;
    }
    const segments: string[] = [];
    for (let r: typeof route | undefined = route; r; r = r.parentId ? build.routes[r.parentId] : undefined) {
      if (r.path) segments.unshift(r.path);
    }
    const pattern = `/${segments.join("/")}`.replace(/\/+/g, "/");
    const keys: string[] = [];
    if (module.loader || module.default) keys.push(`GET ${pattern}`);
    if (module.action) keys.push(`POST ${pattern}`);
    entries.push({ id: route.id, keys });
  }
  return { build, entries };
}

/** Route modules in app/routes, as vite.config.ts's ignoredRouteFiles leaves them. */
function routeFiles(): string[] {
  const dir = path.join(PROJECT_ROOT, "app/routes");
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith(".")) return [];
    if (statSync(path.join(dir, name)).isDirectory()) return [`routes/${name}`];
    if (/\.server\.tsx?$|\.test\.tsx?$/.test(name) || !/\.(tsx?|jsx?)$/.test(name)) return [];
    return [`routes/${name.replace(/\.[jt]sx?$/, "")}`];
  });
}

async function snapshotOfA() {
  const id = world.a.workspace.id;
  return {
    workspace: await accord.sql`select name from workspaces where id = ${id}`,
    plans: await accord.sql`
      select id, title, period, currency, status, updated_at from plans where workspace_id = ${id} order by id`,
    members: await accord.sql`
      select user_id, role, team, can_sign_off from memberships where workspace_id = ${id} order by user_id`,
    invites: await accord.sql`
      select id, used_at, revoked_at, expires_at from invites where workspace_id = ${id} order by id`,
    audit: await accord.sql`select count(*)::int as n from audit_log where workspace_id = ${id}`,
    sessions: await accord.sql`
      select s.id, s.workspace_id from sessions s where s.workspace_id = ${id} order by s.id`,
    threads: await accord.sql`
      select t.id, t.status, t.blocking, t.updated_at from comment_threads t
      join plans p on p.id = t.plan_id where p.workspace_id = ${id} order by t.id`,
    comments: await accord.sql`
      select c.id, c.body, c.edited_at, c.deleted_at from comments c
      join comment_threads t on t.id = c.thread_id join plans p on p.id = t.plan_id
      where p.workspace_id = ${id} order by c.id`,
    feedback: await accord.sql`
      select id, account, insight, tags::text, status, reply, section, plan_id, updated_at
      from feedback where workspace_id = ${id} order by id`,
    notifications: await accord.sql`
      select n.id, n.user_id, n.read_at from notifications n where n.workspace_id = ${id} order by n.id`,
    shareLinks: await accord.sql`
      select id, token_hash, revoked_at, revoked_by from share_links where workspace_id = ${id} order by id`,
    actuals: await accord.sql`
      select (select count(*)::int from plan_actuals a join plans p on p.id = a.plan_id where p.workspace_id = ${id}) as rows,
             (select count(*)::int from campaign_spend s join plans p on p.id = s.plan_id where p.workspace_id = ${id}) as spend`,
    signoff: await accord.sql`
      select p.id, p.frozen, p.review_version_id, p.approved_version_id, p.approved_at,
             (select count(*)::int from plan_versions v where v.plan_id = p.id) as versions,
             (select count(*)::int from signatures s where s.plan_id = p.id) as signatures,
             (select array_agg(ps.user_id order by ps.user_id) from plan_signers ps where ps.plan_id = p.id) as signers
      from plans p where p.workspace_id = ${id} order by p.id`,
  };
}

beforeAll(async () => {
  accord = await startTestServer();
  const sql = accord.sql;
  const a = await createWorkspaceWithOwner(sql, {
    name: "Alphasecret Holdings",
    owner: { name: "Alice Alphasecret", email: "alice.alphasecret@alpha.test" },
  });
  const aEditor = await createMember(sql, {
    workspaceId: a.workspace.id,
    role: "editor",
    team: "sales",
    canSignOff: true,
    user: { name: "Adam Alphasecret", email: "adam.alphasecret@alpha.test" },
  });
  const aViewer = await createMember(sql, {
    workspaceId: a.workspace.id,
    role: "viewer",
    user: { name: "Ava Alphasecret", email: "ava.alphasecret@alpha.test" },
  });
  const aPlan = await insertPlan(sql, {
    workspaceId: a.workspace.id,
    title: A_PLAN_TITLE,
    period: "2027-Q1",
    currency: "USD",
    createdBy: a.owner.user.id,
  });
  const invite = await insertInvite(sql, {
    workspaceId: a.workspace.id,
    tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
    role: "editor",
    team: "marketing",
    canSignOff: false,
    createdBy: a.owner.user.id,
    expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
  });

  // A's people discuss their plan: a thread, a reply, and the notifications they send.
  const aOwnerClient = await clientOf(a.owner);
  const aEditorClient = await clientOf(aEditor);
  const started = await aOwnerClient.postJson(`/api/plans/${aPlan.id}/threads`, {
    anchor: { kind: "section", section: "strategy" },
    body: "@Adam Alphasecret the Alphasecret launch date slips",
    mentions: [aEditor.user.id],
  });
  expect(started.status).toBe(201);
  const aThread = ((await started.json()) as { thread: { id: string; comments: Array<{ id: string }> } })
    .thread;
  const replied = await aEditorClient.postJson(`/api/threads/${aThread.id}/comments`, {
    body: "Alphasecret answer: agreed",
  });
  expect(replied.status).toBe(201);
  const aReply = ((await replied.json()) as { comment: { id: string } }).comment;
  const aNotifications = await sql<{ id: string }[]>`
    select id from notifications where workspace_id = ${a.workspace.id} order by id`;
  expect(aNotifications).toHaveLength(2);
  // A's sales editor files what a customer said about A's plan.
  const filed = await aEditorClient.postJson("/api/feedback", {
    account: "Alphasecret Foods",
    insight: "Alphasecret pricing objection",
    tags: ["pricing"],
    planId: aPlan.id,
  });
  expect(filed.status).toBe(201);
  const aFeedback = ((await filed.json()) as { item: { id: string } }).item;
  // A's plan goes into review: a version B must not reach (its only signer submitted it, so nobody is notified).
  const submitted = await aEditorClient.postJson(`/api/plans/${aPlan.id}/submit`, {});
  expect(submitted.status).toBe(201);
  const aVersion = ((await submitted.json()) as { version: { id: string } }).version;
  // A's owner shares the plan: a link B must neither reach, revoke nor guess.
  const shared = await aOwnerClient.postJson(`/api/plans/${aPlan.id}/share-links`, {});
  expect(shared.status).toBe(201);
  const aShare = (await shared.json()) as { link: { id: string }; url: string };

  const b = await createWorkspaceWithOwner(sql, { name: "Bravo Works" });
  await createMember(sql, { workspaceId: b.workspace.id, role: "editor" });
  const bPlan = await insertPlan(sql, {
    workspaceId: b.workspace.id,
    title: "Bravo open plan",
    period: "2027-Q1",
    currency: "USD",
    createdBy: b.owner.user.id,
  });

  world = {
    a: {
      workspace: a.workspace,
      feedbackId: aFeedback.id,
      owner: a.owner,
      editor: aEditor,
      plan: aPlan,
      inviteId: invite.id,
      threadId: aThread.id,
      commentIds: [aThread.comments[0]!.id, aReply.id],
      notificationIds: aNotifications.map((n) => n.id),
      versionId: aVersion.id,
      shareLinkId: aShare.link.id,
      shareToken: new URL(aShare.url).pathname.split("/").pop()!,
    },
    b: { workspace: b.workspace, owner: b.owner, plan: bPlan },
    secrets: [
      a.workspace.name,
      A_PLAN_TITLE,
      ...[a.owner, aEditor, aViewer].flatMap((m) => [m.email, m.user.name]),
      "Alphasecret",
    ],
  };
  // A's people are logged in too, so their sessions are part of what must not change.
  await clientOf(a.owner);
  await clientOf(aEditor);
});

afterAll(async () => {
  await accord?.close();
});

describe("the route walk", () => {
  test("covers every route and method the app serves, or names why not", async () => {
    const { build, entries } = await servedRoutes();
    // The build is of the current app/routes (a stale build would hide a new file).
    const ids = new Set(Object.keys(build.routes));
    expect(routeFiles().filter((id) => !ids.has(id))).toEqual([]);

    const served = entries.flatMap((e) => e.keys);
    const walked = new Set(WALK.map((s) => `${s.method} ${s.pattern}`));
    const uncovered = served.filter((key) => !walked.has(key) && !(key in NOT_WALKED));
    expect(uncovered, "routes with no step in WALK and no entry in NOT_WALKED").toEqual([]);
    // Nor may the table describe routes that no longer exist.
    const stale = [...walked, ...Object.keys(NOT_WALKED)].filter((key) => !served.includes(key));
    expect(stale, "WALK or NOT_WALKED entries for routes the app does not serve").toEqual([]);
    expect(walked.size).toBe(WALK.length);
  });

  test.each(WALK.map((step) => [`${step.method} ${step.pattern}`, step.what, step] as const))(
    "%s: %s",
    async (_key, _what, step) => {
      const before = await snapshotOfA();
      const client = await clientOf(world.b.owner);
      const bodies = await step.walk(client, world);
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        for (const secret of world.secrets) {
          expect(body.includes(secret), `a response shows "${secret}": ${body.slice(0, 300)}`).toBe(false);
        }
      }
      expect(await snapshotOfA()).toEqual(before);
    },
  );
});

describe("roles inside one workspace", () => {
  test.each(["viewer", "commenter"] as const)(
    "a %s cannot create plans, by page or API (403)",
    async (role) => {
      const member = await createMember(accord.sql, { workspaceId: world.b.workspace.id, role });
      const client = await clientOf(member);
      const count = async () =>
        (
          await accord.sql`select count(*)::int as n from plans where workspace_id = ${world.b.workspace.id}`
        )[0]!.n;
      const before = await count();
      expect((await client.get("/plans/new")).status).toBe(403);
      expect((await client.postForm("/plans/new", { title: "No", period: "2027-Q1" })).status).toBe(403);
      expect((await client.postJson("/api/plans", { title: "No", period: "2027-Q1" })).status).toBe(403);
      expect(await count()).toBe(before);
    },
  );

  test("a member of both workspaces acting in B cannot change A's members from B", async () => {
    const both = await createMember(accord.sql, { workspaceId: world.b.workspace.id, role: "owner" });
    await accord.sql`
      insert into memberships (workspace_id, user_id, role, team)
      values (${world.a.workspace.id}, ${both.user.id}, 'viewer', 'other')`;
    await accord.sql`delete from rate_limits`;
    const client = new TestClient(accord.url);
    await client.login(both.email, both.password);
    await client.postForm("/workspaces/switch", { workspaceId: world.b.workspace.id });
    const before = await snapshotOfA();
    const response = await client.postForm("/members", {
      intent: "remove-member",
      userId: world.a.editor.user.id,
    });
    expect(response.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
    // But as a member of A they read A's plan, in its own workspace.
    expect((await client.get(`/api/plans/${world.a.plan.id}`)).status).toBe(200);
    await accord.sql`delete from memberships where user_id = ${both.user.id} and workspace_id = ${world.a.workspace.id}`;
  });
});
