import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AuditEntryJson } from "../../app/utils/audit.server";
import { createMember, createWorkspaceWithOwner } from "../support/factories";
import { TestClient, loginAs } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";
import { approveThrough, createPlan, expectJson, signoffWorld, type SignoffWorld } from "../support/signoff";

/**
 * The audit log (DESIGN.md section 5): append-only in the database itself,
 * and readable by the workspace's members through GET /api/audit, newest
 * first, by plan and by action, a page at a time.
 */

interface AuditJson {
  entries: AuditEntryJson[];
  next: string | null;
}

let accord: TestServer;
let world: SignoffWorld;

beforeAll(async () => {
  accord = await startTestServer();
  world = await signoffWorld(accord);
});

afterAll(async () => {
  await accord?.close();
});

describe("append-only", () => {
  test("the database refuses UPDATE, DELETE and TRUNCATE of the audit log", async () => {
    await createPlan(world.editor.client);
    const [{ n }] = (await accord.sql`select count(*)::int as n from audit_log`) as unknown as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    const refused = async (statement: Promise<unknown>) => {
      await expect(statement).rejects.toMatchObject({
        code: "42501",
        message: expect.stringMatching(/append-only/),
      });
    };
    await refused(accord.sql`update audit_log set action = 'plan.approved'`);
    await refused(accord.sql`update audit_log set detail = '{}' where id = (select min(id) from audit_log)`);
    await refused(accord.sql`delete from audit_log`);
    await refused(accord.sql`truncate audit_log`);
    const [after] = await accord.sql`select count(*)::int as n from audit_log`;
    expect(after!.n).toBe(n);
  });

  test("versions and signatures are never rewritten either", async () => {
    const planId = await createPlan(world.editor.client);
    await approveThrough(world, planId);
    await expect(
      accord.sql`update plan_versions set name = 'forged' where plan_id = ${planId}`,
    ).rejects.toMatchObject({
      code: "42501",
    });
    await expect(
      accord.sql`update signatures set decision = 'request_changes' where plan_id = ${planId}`,
    ).rejects.toMatchObject({ code: "42501" });
  });
});

describe("GET /api/audit", () => {
  test("members read their workspace's log newest first, with actor names, by plan and by action", async () => {
    const planId = await createPlan(world.editor.client, "Audited plan");
    await approveThrough(world, planId);
    await expectJson(
      await world.sales.client.postJson(`/api/plans/${planId}/reopen`, { reason: "Budget cut." }),
      200,
    );
    // A role change on the members page is in the log too.
    await world.owner.client.postForm("/members", {
      intent: "update-member",
      userId: world.viewer.id,
      role: "commenter",
      team: "other",
    });

    const all = await expectJson<AuditJson>(await world.viewer.client.get("/api/audit"), 200);
    expect(all.entries[0]).toMatchObject({ action: "member.changed", actor: { id: world.owner.id } });
    const ids = all.entries.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));

    const ofPlan = await expectJson<AuditJson>(
      await world.viewer.client.get(`/api/audit?plan=${planId}`),
      200,
    );
    expect(ofPlan.entries.map((e) => e.action)).toEqual([
      "plan.reopened",
      "plan.approved",
      "signature.approved",
      "signature.approved",
      "plan.submitted",
      "plan.created",
    ]);
    expect(ofPlan.entries[0]).toMatchObject({
      actor: { id: world.sales.id, name: world.sales.member.user.name },
      plan: { id: planId, title: "Audited plan" },
      detail: { reason: "Budget cut." },
    });

    const approvals = await expectJson<AuditJson>(
      await world.viewer.client.get(`/api/audit?plan=${planId}&action=signature.approved`),
      200,
    );
    expect(approvals.entries.map((e) => e.actor?.id).sort()).toEqual(
      [world.sales.id, world.marketing.id].sort(),
    );
  });

  test("pages with limit and before", async () => {
    const planId = await createPlan(world.editor.client);
    await approveThrough(world, planId);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: AuditJson = await expectJson<AuditJson>(
        await world.editor.client.get(
          `/api/audit?plan=${planId}&limit=2${before ? `&before=${before}` : ""}`,
        ),
        200,
      );
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.action));
      before = page.next;
    } while (before);
    expect(seen).toEqual([
      "plan.approved",
      "signature.approved",
      "signature.approved",
      "plan.submitted",
      "plan.created",
    ]);
  });

  test("bad input is 400; another workspace's plan and malformed ids are 404; logged out is 401", async () => {
    const bad = ["limit=0", "limit=201", "limit=x", "action=plan.deleted", "before=-1", "before=abc"];
    for (const query of bad) {
      expect((await world.editor.client.get(`/api/audit?${query}`)).status, query).toBe(400);
    }
    const other = await createWorkspaceWithOwner(accord.sql);
    const stranger = await loginAs(accord, other.owner);
    const theirPlan = await createPlan(stranger);
    for (const plan of [theirPlan, "not-a-plan"]) {
      expect(await expectJson(await world.editor.client.get(`/api/audit?plan=${plan}`), 404)).toMatchObject({
        error: "not_found",
      });
    }
    // Nothing of the other workspace shows up in this one's log, and the other way round.
    const mine = await expectJson<AuditJson>(await world.editor.client.get("/api/audit?limit=200"), 200);
    expect(mine.entries.some((e) => e.plan?.id === theirPlan)).toBe(false);
    const theirs = await expectJson<AuditJson>(await stranger.get("/api/audit?limit=200"), 200);
    expect(theirs.entries.every((e) => e.plan === null || e.plan.id === theirPlan)).toBe(true);

    // A member of both reads the log of the workspace they are in now.
    const both = await createMember(accord.sql, { workspaceId: other.workspace.id, role: "viewer" });
    await accord.sql`
      insert into memberships (workspace_id, user_id, role, team)
      values (${world.workspace.id}, ${both.user.id}, 'viewer', 'other')`;
    const bothClient = await loginAs(accord, both);
    const inOther = await expectJson<AuditJson>(await bothClient.get(`/api/audit?plan=${theirPlan}`), 200);
    expect(inOther.entries.length).toBeGreaterThan(0);

    expect((await new TestClient(accord.url).get("/api/audit")).status).toBe(401);
    expect((await world.editor.client.postJson("/api/audit", {})).status).toBe(405);
  });
});
