import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Role, Team } from "../../app/domain/membership";
import type { Decision, SignatureJson, SignoffJson, VersionSummaryJson } from "../../app/domain/signoff";
import type { WorkspaceRow } from "../../db/queries/workspaces";
import { loginAs, type TestClient } from "./client";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "./factories";
import { PeerSet, type Peer } from "./collab";
import { startTestServer, type TestServer, type TestServerOptions } from "./server";

/**
 * A workspace set up for the sign-off tests: an owner, an editor, a viewer,
 * a sales and a marketing leader who sign off (editors too, so they can be
 * seen losing their write access), each logged in, and the sign-off API
 * called as they would call it.
 */

export interface SignoffPerson {
  member: CreatedMember;
  client: TestClient;
  id: string;
}

export interface SignoffWorld {
  workspace: WorkspaceRow;
  owner: SignoffPerson;
  editor: SignoffPerson;
  viewer: SignoffPerson;
  sales: SignoffPerson;
  marketing: SignoffPerson;
}

export async function signoffWorld(accord: TestServer): Promise<SignoffWorld> {
  const { workspace, owner } = await createWorkspaceWithOwner(accord.sql);
  const person = async (member: CreatedMember): Promise<SignoffPerson> => ({
    member,
    client: await loginAs(accord, member),
    id: member.user.id,
  });
  const join = (role: Role, team: Team, canSignOff = false) =>
    createMember(accord.sql, { workspaceId: workspace.id, role, team, canSignOff }).then(person);
  return {
    workspace,
    owner: await person(owner),
    editor: await join("editor", "other"),
    viewer: await join("viewer", "other"),
    sales: await join("editor", "sales", true),
    marketing: await join("editor", "marketing", true),
  };
}

export interface SignoffSuite {
  /** A websocket editor as `person` on the plan, synced; destroyed after the test. */
  peerOf: (person: SignoffPerson, planId: string) => Promise<Peer>;
}

/**
 * The hooks of a sign-off test file: before all, a server (with `options`)
 * and a SignoffWorld, handed to `ready`; after each test, its peers are
 * destroyed; after all, the server is closed.
 */
export function signoffSuite(
  options: TestServerOptions,
  ready: (started: { accord: TestServer; world: SignoffWorld }) => void,
): SignoffSuite {
  let accord: TestServer | undefined;
  const peers = new PeerSet();
  beforeAll(async () => {
    accord = await startTestServer(options);
    ready({ accord, world: await signoffWorld(accord) });
  });
  afterEach(() => peers.destroyAll());
  afterAll(async () => {
    await accord?.close();
  });
  return { peerOf: (person, planId) => peers.synced(accord!.url, planId, { client: person.client }) };
}

/** An error answer of the API, with the extras the sign-off refusals carry. */
export interface ErrorJson {
  error: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  threads?: Array<{ id: string; section: string; quote: string }>;
  currentHash?: string;
}

/** The body of a response with the expected status (the body is in the failure message). */
export async function expectJson<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text.slice(0, 800)).toBe(status);
  return JSON.parse(text) as T;
}

/** A new plan made through the API, as `client` (its default signers are chosen as it is created). */
export async function createPlan(
  client: TestClient,
  title = `Plan ${Math.random().toString(36).slice(2, 8)}`,
) {
  const { plan } = await expectJson<{ plan: { id: string } }>(
    await client.postJson("/api/plans", { title, period: "2027-Q1", currency: "USD" }),
    201,
  );
  return plan.id;
}

export async function signoffOf(client: TestClient, planId: string): Promise<SignoffJson> {
  return (await expectJson<{ signoff: SignoffJson }>(await client.get(`/api/plans/${planId}/signoff`), 200))
    .signoff;
}

export async function submit(
  client: TestClient,
  planId: string,
  freezeEditing = false,
): Promise<{ version: VersionSummaryJson; signoff: SignoffJson }> {
  return expectJson(await client.postJson(`/api/plans/${planId}/submit`, { freezeEditing }), 201);
}

export function sign(
  client: TestClient,
  planId: string,
  decision: Decision,
  hash: string,
  note = decision === "approve" ? "" : "Please change this.",
): Promise<Response> {
  return client.postJson(`/api/plans/${planId}/signoff`, { decision, hash, note });
}

export async function signed(
  client: TestClient,
  planId: string,
  decision: Decision,
  hash: string,
  note?: string,
): Promise<{ signature: SignatureJson; signoff: SignoffJson; approved: boolean }> {
  return expectJson(await sign(client, planId, decision, hash, note), 201);
}

/** Submits and has both leaders approve: the plan ends approved. */
export async function approveThrough(world: SignoffWorld, planId: string): Promise<SignoffJson> {
  const { version } = await submit(world.editor.client, planId);
  await signed(world.sales.client, planId, "approve", version.hash);
  const { signoff, approved } = await signed(world.marketing.client, planId, "approve", version.hash);
  expect(approved).toBe(true);
  return signoff;
}

/** Counts rows of a table for one plan, to prove that a refused request wrote nothing. */
export async function countsOf(accord: TestServer, planId: string) {
  const [row] = await accord.sql<
    { versions: number; signatures: number; audit: number; threads: number; notifications: number }[]
  >`
    select (select count(*)::int from plan_versions where plan_id = ${planId}) as versions,
           (select count(*)::int from signatures where plan_id = ${planId}) as signatures,
           (select count(*)::int from audit_log where plan_id = ${planId}) as audit,
           (select count(*)::int from comment_threads where plan_id = ${planId}) as threads,
           (select count(*)::int from notifications where plan_id = ${planId}) as notifications`;
  return row!;
}
