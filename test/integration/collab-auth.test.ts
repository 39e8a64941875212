import { randomBytes, randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COLLAB_TOKEN_SECONDS } from "../../app/domain/collab";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import { mintCollabToken } from "../../server/collab/tokens";
import { TestClient, loginAs } from "../support/client";
import { cookieHeaderOf, eventually, openPeer, tryUpgrade } from "../support/collab";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Who may open /collab/<planId>, decided on the upgrade before the socket
 * opens: cookie + same Origin, or a collab token; membership; 401/403/404
 * refusals as plain HTTP answers. Also GET /api/plans/:id/collab-token.
 */

let accord: TestServer;
let owner: CreatedMember;
let editor: CreatedMember;
let outsider: CreatedMember;
let plan: PlanRow;
let otherPlan: PlanRow;
let editorClient: TestClient;
const logLines: Array<Record<string, unknown>> = [];

const clientOf = (member: CreatedMember) => loginAs(accord, member);

const wsUrl = (planId: string, query = "") => `${accord.url.replace(/^http/, "ws")}/collab/${planId}${query}`;
const browserHeaders = (client: TestClient, origin = accord.url) => ({
  cookie: cookieHeaderOf(client),
  origin,
});

async function tokenFor(client: TestClient, planId: string): Promise<string> {
  const response = await client.get(`/api/plans/${planId}/collab-token`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  const log = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  accord = await startTestServer({ log });
  const home = await createWorkspaceWithOwner(accord.sql, { name: "Contoso Revenue" });
  owner = home.owner;
  editor = await createMember(accord.sql, {
    workspaceId: home.workspace.id,
    role: "editor",
    team: "marketing",
  });
  const away = await createWorkspaceWithOwner(accord.sql, { name: "Fabrikam Growth" });
  outsider = away.owner;
  plan = await insertPlan(accord.sql, {
    workspaceId: home.workspace.id,
    title: "Q1 joint plan",
    period: "2027-Q1",
    currency: "EUR",
    createdBy: owner.user.id,
  });
  otherPlan = await insertPlan(accord.sql, {
    workspaceId: away.workspace.id,
    title: "Fabrikam plan",
    period: "2027-Q1",
    currency: "EUR",
    createdBy: outsider.user.id,
  });
  editorClient = await clientOf(editor);
});

afterAll(async () => {
  await accord?.close();
});

describe("upgrade with the session cookie", () => {
  test("opens for a member, with the app's Origin", async () => {
    expect(await tryUpgrade(wsUrl(plan.id), browserHeaders(editorClient))).toEqual({ status: "open" });
  });

  test("401 without a cookie", async () => {
    expect(await tryUpgrade(wsUrl(plan.id), { origin: accord.url })).toMatchObject({ status: 401 });
  });

  test("401 for a cookie signed with another secret", async () => {
    const [name, value] = cookieHeaderOf(editorClient).split("=") as [string, string];
    const forged = `${name}=${value.replace(/\.[^.]+$/, `.${randomBytes(32).toString("base64")}`)}`;
    expect(await tryUpgrade(wsUrl(plan.id), { cookie: forged, origin: accord.url })).toMatchObject({
      status: 401,
    });
  });

  test("401 once the session has expired", async () => {
    const member = await createMember(accord.sql, { workspaceId: plan.workspaceId });
    const client = await clientOf(member);
    expect(await tryUpgrade(wsUrl(plan.id), browserHeaders(client))).toEqual({ status: "open" });
    await accord.sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${member.user.id}`;
    expect(await tryUpgrade(wsUrl(plan.id), browserHeaders(client))).toMatchObject({ status: 401 });
  });

  test("403 for a member of another workspace", async () => {
    const client = await clientOf(outsider);
    expect(await tryUpgrade(wsUrl(plan.id), browserHeaders(client))).toMatchObject({ status: 403 });
    // ...who may still open their own plans.
    expect(await tryUpgrade(wsUrl(otherPlan.id), browserHeaders(client))).toEqual({ status: "open" });
  });

  test("403 from another site's page, or with no Origin at all", async () => {
    const refused = await tryUpgrade(wsUrl(plan.id), browserHeaders(editorClient, "https://evil.example"));
    expect(refused).toMatchObject({ status: 403 });
    expect(await tryUpgrade(wsUrl(plan.id), { cookie: cookieHeaderOf(editorClient) })).toMatchObject({
      status: 403,
    });
  });

  test("404 for an unknown plan, a malformed id or another path", async () => {
    const headers = browserHeaders(editorClient);
    expect(await tryUpgrade(wsUrl(randomUUID()), headers)).toMatchObject({ status: 404 });
    expect(await tryUpgrade(wsUrl("not-a-plan"), headers)).toMatchObject({ status: 404 });
    expect(await tryUpgrade(wsUrl(""), headers)).toMatchObject({ status: 404 });
    expect(await tryUpgrade(`${accord.url.replace(/^http/, "ws")}/elsewhere`, headers)).toMatchObject({
      status: 404,
    });
  });
});

describe("GET /api/plans/:planId/collab-token", () => {
  test("gives a member a token valid for COLLAB_TOKEN_SECONDS", async () => {
    const before = Date.now();
    const response = await editorClient.get(`/api/plans/${plan.id}/collab-token`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const after = Date.now();
    const body = (await response.json()) as { token: string; expiresAt: string };
    expect(typeof body.token).toBe("string");
    // Minted at some moment between before and after, in whole seconds.
    const expiresAt = Date.parse(body.expiresAt);
    expect(expiresAt - before).toBeGreaterThan((COLLAB_TOKEN_SECONDS - 2) * 1000);
    expect(expiresAt - after).toBeLessThanOrEqual(COLLAB_TOKEN_SECONDS * 1000);
  });

  test("401 logged out; 404 for another workspace's plan, an unknown or malformed id; 405 for POST", async () => {
    expect((await new TestClient(accord.url).get(`/api/plans/${plan.id}/collab-token`)).status).toBe(401);
    expect((await editorClient.get(`/api/plans/${otherPlan.id}/collab-token`)).status).toBe(404);
    expect((await editorClient.get(`/api/plans/${randomUUID()}/collab-token`)).status).toBe(404);
    expect((await editorClient.get(`/api/plans/nope/collab-token`)).status).toBe(404);
    expect((await editorClient.postJson(`/api/plans/${plan.id}/collab-token`, {})).status).toBe(405);
  });
});

describe("upgrade with a token", () => {
  test("opens without cookie or Origin, and a provider syncs over it", async () => {
    const token = await tokenFor(editorClient, plan.id);
    expect(await tryUpgrade(wsUrl(plan.id, `?token=${token}`))).toEqual({ status: "open" });
    const peer = openPeer(accord.url, plan.id, { token });
    try {
      await peer.synced;
    } finally {
      peer.destroy();
    }
  });

  test("401 for a forged token", async () => {
    const token = await tokenFor(editorClient, plan.id);
    const [payload] = token.split(".");
    const forgedMac = `${payload}.${randomBytes(32).toString("base64url")}`;
    const otherSecret = mintCollabToken(randomBytes(32).toString("base64url"), {
      userId: editor.user.id,
      planId: plan.id,
      sessionId: "a".repeat(64),
    }).token;
    for (const forged of [forgedMac, otherSecret, "garbage", `${token}x`]) {
      expect(await tryUpgrade(wsUrl(plan.id, `?token=${encodeURIComponent(forged)}`))).toMatchObject({
        status: 401,
      });
    }
  });

  test("401 for an expired token", async () => {
    const [session] = await accord.sql<
      { id: string }[]
    >`select id from sessions where user_id = ${editor.user.id}`;
    const subject = { userId: editor.user.id, planId: plan.id, sessionId: session!.id };
    const fresh = mintCollabToken(accord.sessionSecret, subject).token;
    expect(await tryUpgrade(wsUrl(plan.id, `?token=${fresh}`))).toEqual({ status: "open" });
    const stale = mintCollabToken(
      accord.sessionSecret,
      subject,
      Date.now() - (COLLAB_TOKEN_SECONDS + 1) * 1000,
    );
    expect(await tryUpgrade(wsUrl(plan.id, `?token=${stale.token}`))).toMatchObject({ status: 401 });
  });

  test("401 on another plan than the one it was issued for, even of the same user", async () => {
    const second = await insertPlan(accord.sql, {
      workspaceId: plan.workspaceId,
      title: "Q2 joint plan",
      period: "2027-Q2",
      currency: "EUR",
      createdBy: owner.user.id,
    });
    const token = await tokenFor(editorClient, plan.id);
    expect(await tryUpgrade(wsUrl(second.id, `?token=${token}`))).toMatchObject({ status: 401 });
  });

  test("401 once the session that asked for it has ended", async () => {
    const member = await createMember(accord.sql, { workspaceId: plan.workspaceId });
    const client = await clientOf(member);
    const token = await tokenFor(client, plan.id);
    await client.logout();
    expect(await tryUpgrade(wsUrl(plan.id, `?token=${token}`))).toMatchObject({ status: 401 });
  });

  test("403 for a user who is no longer a member", async () => {
    const member = await createMember(accord.sql, { workspaceId: plan.workspaceId });
    const client = await clientOf(member);
    const token = await tokenFor(client, plan.id);
    await accord.sql`delete from memberships where user_id = ${member.user.id}`;
    expect(await tryUpgrade(wsUrl(plan.id, `?token=${token}`))).toMatchObject({ status: 403 });
  });
});

test("logs connect, refuse and close with plan, user and reason, never content", async () => {
  logLines.length = 0;
  const peer = openPeer(accord.url, plan.id, { client: editorClient });
  await peer.synced;
  peer.doc.getText("strategy").insert(0, "TOP-SECRET-PRICING");
  await eventually(() => expect(logLines.some((l) => l.msg === "collab connect")).toBe(true));
  peer.destroy();
  await tryUpgrade(wsUrl(plan.id), { origin: accord.url });

  await eventually(() => {
    const connect = logLines.find((l) => l.msg === "collab connect");
    expect(connect).toMatchObject({
      planId: plan.id,
      userId: editor.user.id,
      role: "editor",
      readOnly: false,
    });
    expect(logLines.find((l) => l.msg === "collab close")).toMatchObject({
      planId: plan.id,
      userId: editor.user.id,
      code: expect.any(Number),
    });
    expect(logLines.find((l) => l.msg === "collab refused")).toMatchObject({
      planId: plan.id,
      status: 401,
      reason: expect.any(String),
    });
  });
  expect(JSON.stringify(logLines)).not.toContain("TOP-SECRET-PRICING");
});
