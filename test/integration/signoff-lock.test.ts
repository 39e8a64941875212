import { describe, expect, test } from "vitest";
import { reconnected, sleep, storedDoc, type Peer } from "../support/collab";
import type { TestServer } from "../support/server";
import {
  approveThrough,
  createPlan,
  expectJson,
  sign,
  signed,
  signoffOf,
  signoffSuite,
  submit,
  type SignoffWorld,
} from "../support/signoff";

/**
 * The lock (DESIGN.md section 5, isPlanLocked): an approved plan, and a
 * plan submitted with "freeze editing" while in review, are read-only for
 * everyone. The collaboration server enforces it on sockets that are
 * already open: their updates are dropped at once and they reconnect
 * read-only, without a reload; unlocking gives editors their pen back.
 */

let accord: TestServer;
let world: SignoffWorld;
const { peerOf } = signoffSuite({}, (started) => ({ accord, world } = started));

/** Sets the follow-up SLA (part of the signed content), then says whether the watcher and Postgres got it. */
async function editGoesThrough(writer: Peer, watcher: Peer, planId: string, hours: number): Promise<boolean> {
  writer.doc.getMap("leadDefinitions").set("slaHours", hours);
  await sleep(400);
  const seen = watcher.doc.getMap("leadDefinitions").get("slaHours") === hours;
  const stored = (await storedDoc(accord.sql, planId)).getMap("leadDefinitions").get("slaHours") === hours;
  expect(seen).toBe(stored);
  return stored;
}

describe("the lock", () => {
  test("after approval a former editor's open socket is read-only: its edits reach nobody and nothing is stored", async () => {
    const planId = await createPlan(world.editor.client);
    const editor = await peerOf(world.editor, planId);
    const watcher = await peerOf(world.owner, planId);
    expect(await editGoesThrough(editor, watcher, planId, 30)).toBe(true);

    const approved = await approveThrough(world, planId);
    await reconnected(editor);
    const rows = await accord.sql`select seq from doc_updates where plan_id = ${planId} order by seq`;
    expect(await editGoesThrough(editor, watcher, planId, 31)).toBe(false);
    expect(await accord.sql`select seq from doc_updates where plan_id = ${planId} order by seq`).toEqual(
      rows,
    );
    // What was signed is still what the plan holds.
    expect(await signoffOf(world.owner.client, planId)).toMatchObject({
      status: "approved",
      stale: false,
      currentHash: approved.currentHash,
    });

    // Reopened, the editor writes again after one more reconnect.
    await expectJson(
      await world.sales.client.postJson(`/api/plans/${planId}/reopen`, { reason: "More to do." }),
      200,
    );
    await reconnected(editor);
    expect(await editGoesThrough(editor, watcher, planId, 32)).toBe(true);
  });

  test("freezing while in review locks the document until a decision", async () => {
    const planId = await createPlan(world.editor.client);
    const editor = await peerOf(world.editor, planId);
    const watcher = await peerOf(world.owner, planId);

    const { version } = await submit(world.editor.client, planId, true);
    await reconnected(editor);
    expect(await editGoesThrough(editor, watcher, planId, 33)).toBe(false);
    expect((await signoffOf(world.owner.client, planId)).stale).toBe(false);
    // A socket opened now is read-only from the start.
    const late = await peerOf(world.editor, planId);
    expect(await editGoesThrough(late, watcher, planId, 34)).toBe(false);

    // A request for changes unfreezes it: editing goes on.
    await signed(world.sales.client, planId, "request_changes", version.hash, "Tighten the SQL criteria.");
    await reconnected(editor);
    expect(await editGoesThrough(editor, watcher, planId, 35)).toBe(true);
  });

  test("an edit racing the final approval either makes it stale (409) or is dropped: an approved plan holds what was signed", async () => {
    let approvals = 0;
    for (let round = 0; round < 12; round++) {
      const planId = await createPlan(world.editor.client);
      const editor = await peerOf(world.editor, planId);
      const { version } = await submit(world.editor.client, planId, false);
      await signed(world.sales.client, planId, "approve", version.hash);
      // The edit is sent 0–22 ms after the final approval: before, during or after its hash check.
      const final = sign(world.marketing.client, planId, "approve", version.hash);
      await sleep(round * 2);
      editor.doc.getMap("leadDefinitions").set("slaHours", 100 + round);
      const answer = await final;
      expect([201, 409]).toContain(answer.status);
      await sleep(150);
      const state = await signoffOf(world.owner.client, planId);
      if (state.status === "approved") {
        approvals += 1;
        expect(state.stale, `round ${round}: the approved plan changed after its approval`).toBe(false);
        expect(state.currentHash).toBe(version.hash);
      } else {
        expect(state.stale).toBe(true);
      }
      editor.destroy();
    }
    // Not vacuous: some approvals won the race.
    expect(approvals).toBeGreaterThan(0);
  });

  test("a plan in review without freezing stays editable", async () => {
    const planId = await createPlan(world.editor.client);
    const editor = await peerOf(world.editor, planId);
    const watcher = await peerOf(world.owner, planId);
    await submit(world.editor.client, planId, false);
    await sleep(300);
    expect(editor.closes).toEqual([]);
    expect(await editGoesThrough(editor, watcher, planId, 36)).toBe(true);
    expect((await signoffOf(world.owner.client, planId)).stale).toBe(true);
  });
});
