import { describe, expect, test } from "vitest";
import type * as Y from "yjs";
import { projectPlan, type SectionDiff } from "../../app/domain/plan";
import type { VersionJson, VersionSummaryJson } from "../../app/domain/signoff";
import { eventually, storedDoc, type Peer } from "../support/collab";
import { createWorkspaceWithOwner } from "../support/factories";
import { loginAs } from "../support/client";
import type { TestServer } from "../support/server";
import {
  countsOf,
  createPlan,
  expectJson,
  signoffOf,
  signoffSuite,
  submit,
  type ErrorJson,
  type SignoffWorld,
} from "../support/signoff";

/**
 * Versions (DESIGN.md section 6): named versions, automatic ones, reading
 * and comparing them by section, and restoring one as a new change that
 * every open editor sees arrive, without rewriting the stored history.
 */

let accord: TestServer;
let world: SignoffWorld;
// Rooms unload soon after their last editor leaves, for the test with nobody connected.
const { peerOf } = signoffSuite(
  { collab: { unloadGraceMs: 100 } },
  (started) => ({ accord, world } = started),
);

const slaOf = (doc: Y.Doc) => doc.getMap("leadDefinitions").get("slaHours");

async function save(planId: string, name: string): Promise<VersionSummaryJson> {
  return (
    await expectJson<{ version: VersionSummaryJson }>(
      await world.editor.client.postJson(`/api/plans/${planId}/versions`, { name }),
      201,
    )
  ).version;
}

/** Sets the SLA through a websocket editor and waits until the server sees it. */
async function setSla(peer: Peer, planId: string, hours: number): Promise<void> {
  peer.doc.getMap("leadDefinitions").set("slaHours", hours);
  await eventually(async () => expect(slaOf(await storedDoc(accord.sql, planId))).toBe(hours));
}

describe("named versions, listing and comparing", () => {
  test("editors save versions; the list is newest first; two versions and the current content compare by section", async () => {
    const planId = await createPlan(world.editor.client);
    expect((await world.viewer.client.postJson(`/api/plans/${planId}/versions`, { name: "No" })).status).toBe(
      403,
    );
    const blank = await expectJson<ErrorJson>(
      await world.editor.client.postJson(`/api/plans/${planId}/versions`, { name: " " }),
      400,
    );
    expect(blank.fieldErrors?.name).toEqual(["Name the version."]);
    expect((await countsOf(accord, planId)).versions).toBe(0);

    const first = await save(planId, "Kickoff");
    const peer = await peerOf(world.editor, planId);
    await setSla(peer, planId, 48);
    const second = await save(planId, "After the SLA talk");
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.hash).not.toBe(second.hash);
    expect(second).toMatchObject({
      kind: "named",
      name: "After the SLA talk",
      createdBy: { id: world.editor.id },
    });

    const { versions } = await expectJson<{ versions: VersionSummaryJson[] }>(
      await world.viewer.client.get(`/api/plans/${planId}/versions`),
      200,
    );
    expect(versions.map((v) => v.id)).toEqual([second.id, first.id]);

    const read = await expectJson<{ version: VersionJson }>(
      await world.viewer.client.get(`/api/plans/${planId}/versions/${first.id}`),
      200,
    );
    expect(read.version.content.leadDefinitions.slaHours).toBe(24);
    expect(read.version.content.derived.funnel).toBeDefined();

    const compared = await expectJson<{
      version: VersionJson;
      compare: { versionId: string };
      diff: SectionDiff[];
    }>(await world.viewer.client.get(`/api/plans/${planId}/versions/${second.id}?compare=${first.id}`), 200);
    expect(compared.compare.versionId).toBe(first.id);
    expect(compared.diff).toEqual([
      {
        kind: "fields",
        section: "leadDefinitions",
        cells: [expect.objectContaining({ key: "slaHours", before: 24, after: 48 })],
      },
    ]);

    await setSla(peer, planId, 72);
    const withCurrent = await expectJson<{ compare: { versionId: null; hash: string }; diff: SectionDiff[] }>(
      await world.viewer.client.get(`/api/plans/${planId}/versions/${second.id}?compare=current`),
      200,
    );
    expect(withCurrent.compare.versionId).toBeNull();
    expect(withCurrent.diff).toEqual([
      {
        kind: "fields",
        section: "leadDefinitions",
        cells: [expect.objectContaining({ before: 72, after: 48 })],
      },
    ]);
  });

  test("unknown, malformed and other plans' versions are 404; a bad compare is 400", async () => {
    const planId = await createPlan(world.editor.client);
    const otherPlan = await createPlan(world.editor.client);
    const version = await save(planId, "Mine");
    const elsewhere = await save(otherPlan, "Theirs");
    const get = (path: string) => world.editor.client.get(`/api/plans/${planId}/versions/${path}`);
    expect((await get("nope")).status).toBe(404);
    expect((await get(elsewhere.id)).status).toBe(404);
    expect((await get(`${version.id}?compare=${elsewhere.id}`)).status).toBe(404);
    expect((await get(`${version.id}?compare=yesterday`)).status).toBe(400);
    expect(
      (await world.editor.client.postJson(`/api/plans/${planId}/versions/${elsewhere.id}/restore`, {}))
        .status,
    ).toBe(404);

    const { owner } = await createWorkspaceWithOwner(accord.sql);
    const outsider = await loginAs(accord, owner);
    expect((await outsider.get(`/api/plans/${planId}/versions/${version.id}`)).status).toBe(404);
    expect((await outsider.postJson(`/api/plans/${planId}/versions/${version.id}/restore`, {})).status).toBe(
      404,
    );
    expect((await outsider.postJson(`/api/plans/${planId}/versions`, { name: "x" })).status).toBe(404);
  });

  test("submitting and approving add automatic versions", async () => {
    const planId = await createPlan(world.editor.client);
    const { version } = await submit(world.editor.client, planId);
    await expectJson(
      await world.sales.client.postJson(`/api/plans/${planId}/signoff`, {
        decision: "approve",
        hash: version.hash,
      }),
      201,
    );
    await expectJson(
      await world.marketing.client.postJson(`/api/plans/${planId}/signoff`, {
        decision: "approve",
        hash: version.hash,
      }),
      201,
    );
    const { versions } = await expectJson<{ versions: VersionSummaryJson[] }>(
      await world.editor.client.get(`/api/plans/${planId}/versions`),
      200,
    );
    expect(versions.map((v) => [v.number, v.kind, v.hash])).toEqual([
      [2, "approved", version.hash],
      [1, "submitted", version.hash],
    ]);
  });
});

describe("restore", () => {
  test("writes the version over the live document as a new change that a connected client sees", async () => {
    const planId = await createPlan(world.editor.client);
    const kickoff = await save(planId, "Kickoff");
    const peer = await peerOf(world.editor, planId);
    await setSla(peer, planId, 96);
    const rowsBefore = await accord.sql<{ seq: bigint; update: Uint8Array }[]>`
      select seq, update from doc_updates where plan_id = ${planId} order by seq`;

    expect(
      (await world.viewer.client.postJson(`/api/plans/${planId}/versions/${kickoff.id}/restore`, {})).status,
    ).toBe(403);
    const restored = await expectJson<{ restored: boolean; checkpoint: VersionSummaryJson; hash: string }>(
      await world.editor.client.postJson(`/api/plans/${planId}/versions/${kickoff.id}/restore`, {}),
      200,
    );
    expect(restored).toMatchObject({ restored: true, hash: kickoff.hash });
    expect(restored.checkpoint).toMatchObject({ kind: "restored", name: "Before restoring v1", number: 2 });

    // The open editor sees it arrive, the server's content is the version's again.
    await eventually(() => expect(slaOf(peer.doc)).toBe(24));
    expect((await signoffOf(world.owner.client, planId)).currentHash).toBe(kickoff.hash);
    // Appended as a new change: the earlier rows are untouched, and Postgres holds the result.
    const rowsAfter = await accord.sql<{ seq: bigint; update: Uint8Array }[]>`
      select seq, update from doc_updates where plan_id = ${planId} order by seq`;
    expect(rowsAfter.slice(0, rowsBefore.length)).toEqual(rowsBefore);
    expect(rowsAfter.length).toBeGreaterThan(rowsBefore.length);
    expect(projectPlan(await storedDoc(accord.sql, planId)).leadDefinitions.slaHours).toBe(24);

    // The replaced content was kept, so the restore can itself be undone.
    const checkpoint = await expectJson<{ version: VersionJson }>(
      await world.editor.client.get(`/api/plans/${planId}/versions/${restored.checkpoint.id}`),
      200,
    );
    expect(checkpoint.version.content.leadDefinitions.slaHours).toBe(96);
    const [audit] =
      await accord.sql`select actor_id, detail from audit_log where plan_id = ${planId} and action = 'version.restored'`;
    expect(audit).toMatchObject({
      actor_id: world.editor.id,
      detail: { versionId: kickoff.id, checkpointId: restored.checkpoint.id },
    });

    // Restoring what is already there changes nothing.
    const again = await expectJson<{ restored: boolean }>(
      await world.editor.client.postJson(`/api/plans/${planId}/versions/${kickoff.id}/restore`, {}),
      200,
    );
    expect(again.restored).toBe(false);
  });

  test("works with nobody connected: the next editor to open the plan gets the restored content", async () => {
    const planId = await createPlan(world.editor.client);
    const kickoff = await save(planId, "Kickoff");
    const first = await peerOf(world.editor, planId);
    await setSla(first, planId, 12);
    first.destroy();
    await eventually(() => expect(accord.server.collab.room(planId)).toBeUndefined(), 10_000, 50);

    await expectJson(
      await world.editor.client.postJson(`/api/plans/${planId}/versions/${kickoff.id}/restore`, {}),
      200,
    );
    const later = await peerOf(world.editor, planId);
    expect(slaOf(later.doc)).toBe(24);
  });

  test("is refused while the plan is locked, changing nothing", async () => {
    const planId = await createPlan(world.editor.client);
    const kickoff = await save(planId, "Kickoff");
    const peer = await peerOf(world.editor, planId);
    await setSla(peer, planId, 6);
    await submit(world.editor.client, planId, true);
    const before = await countsOf(accord, planId);
    const refused = await expectJson<ErrorJson>(
      await world.editor.client.postJson(`/api/plans/${planId}/versions/${kickoff.id}/restore`, {}),
      409,
    );
    expect(refused.error).toBe("locked");
    expect(await countsOf(accord, planId)).toEqual(before);
    expect(slaOf(await storedDoc(accord.sql, planId))).toBe(6);
  });
});
