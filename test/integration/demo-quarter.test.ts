import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ActualsRow } from "../../app/domain/actuals";
import type { Dashboard } from "../../app/domain/metrics";
import type { SignoffJson, VersionSummaryJson } from "../../app/domain/signoff";
import { loginAsDemo } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The demo's running quarter, seeded beside the next quarter's draft: an
 * approved plan whose signatures match the document Postgres holds, with
 * the actuals entered so far, so the dashboard opens with numbers.
 */

let accord: TestServer;
let planId: string;

beforeAll(async () => {
  accord = await startTestServer({ seedDemo: true });
  const [plan] = await accord.sql<{ id: string }[]>`select id from plans where title = 'FY26 Q4 joint plan'`;
  planId = plan!.id;
});

afterAll(async () => {
  await accord?.close();
});

describe("the demo's running quarter", () => {
  test("is approved by both leaders on the hash of the stored document", async () => {
    const sam = await loginAsDemo(accord, "sam");
    const { signoff } = (await (await sam.get(`/api/plans/${planId}/signoff`)).json()) as {
      signoff: SignoffJson;
    };
    expect(signoff.status).toBe("approved");
    expect(signoff.stale).toBe(false);
    expect(signoff.signers.map((s) => [s.signer.name, s.state])).toEqual([
      ["Raj Mehta", "approved"],
      ["Lena Fischer", "approved"],
    ]);
    const versions = (await (await sam.get(`/api/plans/${planId}/versions`)).json()) as {
      versions: VersionSummaryJson[];
    };
    expect(versions.versions.map((v) => v.kind)).toEqual(["approved", "submitted"]);
    expect(new Set(versions.versions.map((v) => v.hash))).toEqual(new Set([signoff.currentHash]));
  });

  test("has actuals up to today that the metrics API turns into a dashboard", async () => {
    const vic = await loginAsDemo(accord, "vic");
    const actuals = (await (await vic.get(`/api/plans/${planId}/actuals`)).json()) as { rows: ActualsRow[] };
    const today = new Date().toISOString().slice(0, 7);
    expect(actuals.rows.length).toBeGreaterThan(0);
    expect(actuals.rows.every((row) => row.month <= today)).toBe(true);
    const { metrics } = (await (await vic.get(`/api/plans/${planId}/metrics?today=2026-11-22`)).json()) as {
      metrics: Dashboard;
    };
    expect(metrics.plan.empty).toBe(false);
    expect(metrics.markets.map((m) => m.name)).toEqual([
      "Mid-market retail",
      "Enterprise logistics",
      "SMB e-commerce",
    ]);
    expect(metrics.plan.revenue.actual).toBeGreaterThan(0);
  });
});
