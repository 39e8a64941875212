import { afterAll, beforeAll, expect, test } from "vitest";
import { SECTION } from "../../app/domain/plan";
import { TestClient } from "../support/client";
import { eventually, openPeer } from "../support/collab";
import { createWorkspaceWithOwner } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/** Renaming a plan in its document renames it in the plans list too. */

let accord: TestServer;
let client: TestClient;

beforeAll(async () => {
  accord = await startTestServer();
  const { owner } = await createWorkspaceWithOwner(accord.sql);
  client = new TestClient(accord.url);
  await client.login(owner.email, owner.password);
});

afterAll(async () => {
  await accord?.close();
});

const listedTitles = async () => {
  const body = (await (await client.get("/api/plans")).json()) as { plans: Array<{ id: string; title: string }> };
  return body.plans;
};

test("a title edited live reaches the plans list; a blank one does not", async () => {
  const created = await client.postJson("/api/plans", { title: "Draft title", period: "2027-Q2" });
  const { plan } = (await created.json()) as { plan: { id: string } };
  const peer = openPeer(accord.url, plan.id, { client });
  try {
    await peer.synced;
    peer.doc.getMap(SECTION.meta).set("title", "  FY27 Q2 joint plan ");
    await eventually(async () =>
      expect((await listedTitles()).find((p) => p.id === plan.id)?.title).toBe("FY27 Q2 joint plan"),
    );
    peer.doc.getMap(SECTION.meta).set("title", "   ");
    peer.doc.getMap(SECTION.meta).set("other", 1); // a later commit, so the blank title was seen
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await listedTitles()).find((p) => p.id === plan.id)?.title).toBe("FY27 Q2 joint plan");
  } finally {
    peer.destroy();
  }
});
