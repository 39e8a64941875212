import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loginAs, type TestClient } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";
import { createPlan, expectJson, sign, signoffWorld, submit, type SignoffWorld } from "../support/signoff";

/**
 * Races cannot corrupt a sign-off (DESIGN.md section 5): two final
 * approvals at the same moment make exactly one transition, and a double
 * click makes one signature. Half the rounds go through two server
 * processes sharing the database, where only the plan row's lock in
 * Postgres keeps the two apart.
 */

const ROUNDS = 20;

let accord: TestServer;
let second: TestServer;
let world: SignoffWorld;
/** The marketing leader, logged in on the second server. */
let marketingThere: TestClient;

beforeAll(async () => {
  accord = await startTestServer();
  second = await startTestServer({ database: accord.database });
  world = await signoffWorld(accord);
  marketingThere = await loginAs(second, world.marketing.member);
});

afterAll(async () => {
  await second?.close();
  await accord?.close();
});

async function approvals(planId: string) {
  const [row] = await accord.sql<
    { transitions: number; approvedVersions: number; signatures: number; status: string }[]
  >`
    select (select count(*)::int from audit_log where plan_id = ${planId} and action = 'plan.approved') as transitions,
           (select count(*)::int from plan_versions where plan_id = ${planId} and kind = 'approved') as "approvedVersions",
           (select count(*)::int from signatures where plan_id = ${planId}) as signatures,
           (select status::text from plans where id = ${planId}) as status`;
  return row!;
}

describe("concurrent sign-offs", () => {
  test(`both final approvals at once, ${ROUNDS} times: exactly one approval each time`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const planId = await createPlan(world.editor.client, `Race ${round}`);
      const { version } = await submit(world.editor.client, planId);
      const marketing = round % 2 === 0 ? world.marketing.client : marketingThere;
      const responses = await Promise.all([
        sign(world.sales.client, planId, "approve", version.hash),
        sign(marketing, planId, "approve", version.hash),
      ]);
      const bodies = await Promise.all(responses.map((r) => expectJson<{ approved: boolean }>(r, 201)));
      expect(
        bodies.filter((b) => b.approved),
        `round ${round}`,
      ).toHaveLength(1);
      expect(await approvals(planId), `round ${round}`).toEqual({
        transitions: 1,
        approvedVersions: 1,
        signatures: 2,
        status: "approved",
      });
    }
  });

  test("a double click signs once; the second answer is a 409, never a 500", async () => {
    for (let round = 0; round < 5; round++) {
      const planId = await createPlan(world.editor.client, `Double ${round}`);
      const { version } = await submit(world.editor.client, planId);
      const responses = await Promise.all([
        sign(world.sales.client, planId, "approve", version.hash),
        sign(
          round % 2 === 0 ? world.sales.client : await loginAs(second, world.sales.member),
          planId,
          "approve",
          version.hash,
        ),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = responses.find((r) => r.status === 409)!;
      expect(await refused.json()).toMatchObject({ error: "already_signed" });
      expect((await approvals(planId)).signatures).toBe(1);
    }
  });
});
