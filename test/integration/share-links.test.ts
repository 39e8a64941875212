import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ActualsRow } from "../../app/domain/actuals";
import { blankRow } from "../../app/domain/plan";
import { quarterGoal, storePlanRows } from "../support/collab";
import type { CreatedShareLinkJson, ShareLinkJson } from "../../app/domain/share-links";
import { TestClient, loginAs } from "../support/client";
import { createMember, createWorkspaceWithOwner } from "../support/factories";
import { textOf } from "../support/html";
import { startTestServer, type TestServer } from "../support/server";
import {
  approveThrough,
  createPlan,
  expectJson,
  signoffWorld,
  type ErrorJson,
  type SignoffWorld,
} from "../support/signoff";

/**
 * Read-only share links (issue 6): the owner makes a link, anyone with it
 * reads the plan's dashboard and approved version without a session (no
 * comments, no e-mail addresses, nothing editable), revoking it makes it a
 * 404 at once, only the token's hash is stored, and nobody but the owner
 * of the plan's workspace can make, list or revoke links.
 */

let accord: TestServer;
let world: SignoffWorld;
let commenter: TestClient;
/** Every e-mail address of the workspace's members. */
let emails: string[];

const MARKET = "Nordics enterprise";
const OTHER_MARKET = "DACH mid-market";
const GLOSSARY_TERM = "Qualified opportunity (shared glossary)";
const COMMENT = "Internal only: the Nordics number is a stretch";

interface Seeded {
  planId: string;
  title: string;
  markets: Array<{ id: string; segment: string }>;
}

/** A plan with two markets (the first owned by the sales leader), a revenue goal, a campaign and a glossary term. */
async function seededPlan(): Promise<Seeded> {
  const title = `Shared plan ${randomBytes(3).toString("hex")}`;
  const planId = await createPlan(world.editor.client, title);
  const markets = [
    { ...blankRow("targetMarkets"), segment: MARKET, ownerId: world.sales.id },
    { ...blankRow("targetMarkets"), segment: OTHER_MARKET },
  ];
  const goal = quarterGoal(markets[0]!.id);
  const campaign = {
    ...blankRow("campaigns"),
    name: "Nordics webinar series",
    targetMarketId: markets[0]!.id,
    budget: 9_000,
    expectedMqls: 100,
  };
  const term = { ...blankRow("glossary"), term: GLOSSARY_TERM, agreedDefinition: "Agreed by both teams." };
  await storePlanRows(accord.sql, planId, {
    targetMarkets: markets,
    revenueGoals: [goal],
    campaigns: [campaign],
    glossary: [term],
  });
  return { planId, title, markets };
}

function actuals(targetMarketId: string): ActualsRow {
  return {
    targetMarketId,
    month: "2027-01",
    revenueWon: 45_000,
    dealsWon: 3,
    pipelineCreated: 135_000,
    mqls: 80,
    sqls: 20,
    leadsFollowedUpInSla: 9,
    leadsHandedOff: 12,
  };
}

const linksUrl = (planId: string) => `/api/plans/${planId}/share-links`;

async function createLink(client: TestClient, planId: string): Promise<CreatedShareLinkJson> {
  return expectJson<CreatedShareLinkJson>(await client.postJson(linksUrl(planId), {}), 201);
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function linkRows(planId: string) {
  return accord.sql<{ id: string; revokedAt: Date | null; revokedBy: string | null; row: string }[]>`
    select id, revoked_at as "revokedAt", revoked_by as "revokedBy", row_to_json(l)::text as row
    from share_links l where plan_id = ${planId} order by created_at`;
}

async function auditOf(planId: string) {
  return accord.sql<{ action: string; actorId: string; detail: Record<string, unknown> }[]>`
    select action, actor_id as "actorId", detail from audit_log
    where plan_id = ${planId} and action like 'share_link.%' order by id`;
}

/** A browser with no session: what anyone who was sent the link gets. */
const stranger = () => new TestClient(accord.url);

let approved: Seeded;

beforeAll(async () => {
  accord = await startTestServer();
  world = await signoffWorld(accord);
  const commenterMember = await createMember(accord.sql, {
    workspaceId: world.workspace.id,
    role: "commenter",
  });
  commenter = await loginAs(accord, commenterMember);
  emails = [
    ...[world.owner, world.editor, world.viewer, world.sales, world.marketing].map((p) => p.member.email),
    commenterMember.email,
  ];

  // One plan with actuals, a comment and an approved version.
  approved = await seededPlan();
  await expectJson(
    await world.editor.client.postJson(`/api/plans/${approved.planId}/actuals`, {
      rows: [actuals(approved.markets[0]!.id)],
    }),
    200,
  );
  await expectJson(
    await world.owner.client.postJson(`/api/plans/${approved.planId}/threads`, {
      anchor: { kind: "section", section: "strategy" },
      body: COMMENT,
      mentions: [],
    }),
    201,
  );
  await approveThrough(world, approved.planId);
});

afterAll(async () => {
  await accord?.close();
});

describe("creating a link", () => {
  test("the owner gets the URL once; only the token's SHA-256 is stored, and the audit log records it", async () => {
    const { planId } = await seededPlan();
    const created = await createLink(world.owner.client, planId);
    expect(created.url).toMatch(new RegExp(`^${accord.url}/share/[A-Za-z0-9_-]{43}$`));
    expect(created.link.createdBy).toEqual({ id: world.owner.id, name: world.owner.member.user.name });
    const token = tokenOf(created.url);

    const rows = await linkRows(planId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token);
    const [stored] = await accord.sql<{ tokenHash: string }[]>`
      select token_hash as "tokenHash" from share_links where id = ${created.link.id}`;
    expect(stored!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));

    const audit = await auditOf(planId);
    expect(audit).toEqual([
      { action: "share_link.created", actorId: world.owner.id, detail: { linkId: created.link.id } },
    ]);

    // The list names who made it and when, never the token or the URL.
    const listed = await expectJson<{ links: ShareLinkJson[] }>(
      await world.owner.client.get(linksUrl(planId)),
      200,
    );
    expect(listed.links.map((l) => l.id)).toEqual([created.link.id]);
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  test("two links of one plan have different tokens and both work", async () => {
    const first = await createLink(world.owner.client, approved.planId);
    const second = await createLink(world.owner.client, approved.planId);
    expect(tokenOf(first.url)).not.toBe(tokenOf(second.url));
    for (const { url } of [first, second])
      expect((await stranger().get(new URL(url).pathname)).status).toBe(200);
  });
});

describe("the public page", () => {
  test("answers without a session with the dashboard and the approved version, and nothing private", async () => {
    const { url } = await createLink(world.owner.client, approved.planId);
    const response = await stranger().get(new URL(url).pathname);
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(response.headers.get("set-cookie")).toBeNull();

    const text = textOf(html);
    expect(text).toContain(approved.title);
    // The dashboard's numbers: $45,000 won of a $90,000 target.
    expect(text).toContain("$45,000");
    expect(text).toContain("50% to target");
    expect(text).toContain(MARKET);
    expect(text).toContain("Nordics webinar series");
    // The approved version: its content, who signed it and its hash.
    expect(text).toContain("Approved plan");
    expect(text).toContain(GLOSSARY_TERM);
    expect(text).toContain(world.sales.member.user.name);
    expect(text).toContain(world.marketing.member.user.name);
    const [plan] = await accord.sql<{ hash: string }[]>`
      select v.content_hash as hash from plans p join plan_versions v on v.id = p.approved_version_id
      where p.id = ${approved.planId}`;
    expect(text).toContain(plan!.hash);

    // Nothing private, in the page or in the data it hydrates from.
    for (const email of emails) expect(html).not.toContain(email);
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.test\b/);
    expect(html).not.toContain(COMMENT);
    expect(html).not.toContain("Enter actuals");
    // The same page's data, as the browser fetches it, is private too.
    const data = await stranger().get(`${new URL(url).pathname}.data`);
    const dataText = await data.text();
    expect(data.status).toBe(200);
    expect(dataText).toContain("45000");
    expect(data.headers.get("cache-control")).toBe("no-store");
    expect(data.headers.get("referrer-policy")).toBe("no-referrer");
    for (const email of emails) expect(dataText).not.toContain(email);
    expect(dataText).not.toContain(COMMENT);

    // Nothing editable and no way into the app.
    expect(html).not.toMatch(/<(input|textarea|select|form)\b/);
    expect(html).not.toMatch(/contenteditable/i);
    expect(html).not.toContain('href="/plans');
    expect(html).not.toContain("/api/");
  });

  test("a plan without an approved version or actuals says so", async () => {
    const { planId } = await seededPlan();
    const { url } = await createLink(world.owner.client, planId);
    const response = await stranger().get(new URL(url).pathname);
    const text = textOf(await response.text());
    expect(response.status).toBe(200);
    expect(text).toContain("This plan has no approved version yet.");
    expect(text).toContain("No actuals yet");
    expect(text).not.toContain("Enter actuals");
    expect(text).toContain("$90,000");
  });

  test("malformed and unknown tokens are a plain 404 that names no plan", async () => {
    for (const token of ["short", randomBytes(32).toString("base64url"), "%00", "a".repeat(44)]) {
      const response = await stranger().get(`/share/${token}`);
      const html = await response.text();
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(html).not.toContain(approved.title);
      expect(textOf(html)).toContain("This link does not work");
    }
  });
});

describe("revoking a link", () => {
  test("makes the page a 404 at once, is recorded, and cannot be done twice", async () => {
    const { planId, title } = await seededPlan();
    const { url, link } = await createLink(world.owner.client, planId);
    const path = new URL(url).pathname;
    const reader = stranger();
    expect((await reader.get(path)).status).toBe(200);

    const revoked = await expectJson<{ revoked: { id: string } }>(
      await world.owner.client.delete(`${linksUrl(planId)}/${link.id}`),
      200,
    );
    expect(revoked.revoked.id).toBe(link.id);
    const response = await reader.get(path);
    const html = await response.text();
    expect(response.status).toBe(404);
    expect(html).not.toContain(title);
    expect(html).not.toContain("$90,000");

    const [row] = await linkRows(planId);
    expect(row!.revokedAt).toBeInstanceOf(Date);
    expect(row!.revokedBy).toBe(world.owner.id);
    expect((await auditOf(planId)).map((a) => a.action)).toEqual([
      "share_link.created",
      "share_link.revoked",
    ]);
    const listed = await expectJson<{ links: ShareLinkJson[] }>(
      await world.owner.client.get(linksUrl(planId)),
      200,
    );
    expect(listed.links).toEqual([]);

    const again = await expectJson<ErrorJson>(
      await world.owner.client.delete(`${linksUrl(planId)}/${link.id}`),
      404,
    );
    expect(again.error).toBe("not_found");
    expect(await auditOf(planId)).toHaveLength(2);
  });

  test("a link of another plan cannot be revoked through this one", async () => {
    const one = await seededPlan();
    const other = await seededPlan();
    const { link, url } = await createLink(world.owner.client, other.planId);
    await expectJson(await world.owner.client.delete(`${linksUrl(one.planId)}/${link.id}`), 404);
    expect((await stranger().get(new URL(url).pathname)).status).toBe(200);
  });
});

describe("who may", () => {
  test("editors, commenters and viewers can neither list, create nor revoke links (403), and nothing is written", async () => {
    const { planId } = await seededPlan();
    const { link, url } = await createLink(world.owner.client, planId);
    for (const client of [world.editor.client, world.sales.client, commenter, world.viewer.client]) {
      const refusals = [
        await client.get(linksUrl(planId)),
        await client.postJson(linksUrl(planId), {}),
        await client.delete(`${linksUrl(planId)}/${link.id}`),
      ];
      for (const response of refusals) {
        const body = await expectJson<ErrorJson>(response, 403);
        expect(body.message).toBe("Only owners can share a plan outside the workspace.");
      }
    }
    const rows = await linkRows(planId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revokedAt).toBeNull();
    expect(await auditOf(planId)).toHaveLength(1);
    expect((await stranger().get(new URL(url).pathname)).status).toBe(200);
  });

  test("the owner of another workspace gets 404 for everything, and nothing is written", async () => {
    const { planId } = await seededPlan();
    const { link } = await createLink(world.owner.client, planId);
    const other = await createWorkspaceWithOwner(accord.sql);
    const client = await loginAs(accord, other.owner);
    for (const response of [
      await client.get(linksUrl(planId)),
      await client.postJson(linksUrl(planId), {}),
      await client.delete(`${linksUrl(planId)}/${link.id}`),
    ]) {
      expect((await expectJson<ErrorJson>(response, 404)).error).toBe("not_found");
    }
    expect(await linkRows(planId)).toHaveLength(1);
    expect((await linkRows(planId))[0]!.revokedAt).toBeNull();
  });

  test("without a session the API is a 401; bad ids are 404; other methods are 405", async () => {
    const { planId } = await seededPlan();
    const anonymous = stranger();
    expect((await anonymous.get(linksUrl(planId))).status).toBe(401);
    expect((await anonymous.postJson(linksUrl(planId), {})).status).toBe(401);
    const owner = world.owner.client;
    await expectJson(await owner.get(linksUrl("not-a-uuid")), 404);
    await expectJson(await owner.postJson(linksUrl("not-a-uuid"), {}), 404);
    await expectJson(await owner.delete(`${linksUrl(planId)}/not-a-uuid`), 404);
    await expectJson(await owner.delete(`${linksUrl(planId)}/${crypto.randomUUID()}`), 404);
    await expectJson(await owner.patchJson(linksUrl(planId), {}), 405);
    await expectJson(await owner.get(`${linksUrl(planId)}/${crypto.randomUUID()}`), 405);
    await expectJson(await owner.postJson(`${linksUrl(planId)}/${crypto.randomUUID()}`, {}), 405);
    expect(await linkRows(planId)).toHaveLength(0);
  });
});
