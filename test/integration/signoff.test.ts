import { describe, expect, test } from "vitest";
import type { NotificationJson, ThreadJson } from "../../app/domain/comments";
import type { SignoffJson } from "../../app/domain/signoff";
import { eventually, type Peer } from "../support/collab";
import { openEventStream } from "../support/event-stream";
import { createMember, createWorkspaceWithOwner } from "../support/factories";
import { TestClient, loginAs } from "../support/client";
import type { TestServer } from "../support/server";
import {
  approveThrough,
  countsOf,
  createPlan,
  expectJson,
  sign,
  signed,
  signoffOf,
  signoffSuite,
  submit,
  type ErrorJson,
  type SignoffWorld,
} from "../support/signoff";

/**
 * The sign-off workflow over real HTTP and a real websocket editor
 * (DESIGN.md section 5): default signers, submit, stale content, approve
 * and request changes, objections, reopen, and who may do each.
 */

let accord: TestServer;
let world: SignoffWorld;
const { peerOf } = signoffSuite({}, (started) => ({ accord, world } = started));

/** Changes the follow-up SLA through the websocket and waits until the server's hash says so. */
async function setSla(peer: Peer, planId: string, hours: number, expectStale: boolean): Promise<SignoffJson> {
  peer.doc.getMap("leadDefinitions").set("slaHours", hours);
  return eventually(async () => {
    const state = await signoffOf(world.owner.client, planId);
    expect(state.stale).toBe(expectStale);
    return state;
  });
}

describe("required signers", () => {
  test("a new plan gets one sales and one marketing member who can sign off", async () => {
    const planId = await createPlan(world.editor.client);
    const body = await expectJson<{
      signers: Array<{ id: string }>;
      eligible: Array<{ id: string }>;
      canChoose: boolean;
    }>(await world.viewer.client.get(`/api/plans/${planId}/signers`), 200);
    expect(body.signers.map((s) => s.id)).toEqual([world.sales.id, world.marketing.id]);
    expect(body.eligible.map((s) => s.id).sort()).toEqual([world.sales.id, world.marketing.id].sort());
    expect(body.canChoose).toBe(false);
  });

  test("the owner chooses them among members who can sign off; others cannot", async () => {
    const planId = await createPlan(world.owner.client);
    const put = (client = world.owner.client, userIds: unknown = [world.sales.id]) =>
      client.request(`/api/plans/${planId}/signers`, {
        method: "PUT",
        body: JSON.stringify({ userIds }),
        headers: { "content-type": "application/json" },
      });
    expect((await put(world.editor.client)).status).toBe(403);
    expect((await put(world.sales.client)).status).toBe(403);
    const refused = await expectJson<ErrorJson>(
      await put(world.owner.client, [world.sales.id, world.editor.id]),
      400,
    );
    expect(refused.fieldErrors?.userIds).toEqual(["Choose members of this workspace who can sign off."]);
    expect((await put(world.owner.client, [])).status).toBe(400);
    expect((await put(world.owner.client, "nope")).status).toBe(400);

    const chosen = await expectJson<{ signers: Array<{ id: string }> }>(await put(), 200);
    expect(chosen.signers.map((s) => s.id)).toEqual([world.sales.id]);
    const [audit] = await accord.sql`
      select detail from audit_log where plan_id = ${planId} and action = 'plan.signers_changed'`;
    expect(audit!.detail).toMatchObject({ added: [], removed: [world.marketing.id] });
  });
});

describe("submit", () => {
  test("viewers cannot submit; an editor's submit freezes a version and asks the signers", async () => {
    const planId = await createPlan(world.editor.client);
    const before = await countsOf(accord, planId);
    expect((await world.viewer.client.postJson(`/api/plans/${planId}/submit`, {})).status).toBe(403);
    expect(
      (await world.editor.client.postJson(`/api/plans/${planId}/submit`, { freezeEditing: "yes" })).status,
    ).toBe(400);
    expect(await countsOf(accord, planId)).toEqual(before);

    const { version, signoff } = await submit(world.editor.client, planId);
    expect(version).toMatchObject({ number: 1, kind: "submitted", createdBy: { id: world.editor.id } });
    expect(version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(signoff).toMatchObject({
      status: "in_review",
      frozen: false,
      stale: false,
      currentHash: version.hash,
    });
    expect(signoff.signers.map((s) => [s.signer.id, s.state])).toEqual([
      [world.sales.id, "pending"],
      [world.marketing.id, "pending"],
    ]);
    const inbox = await expectJson<{ notifications: NotificationJson[] }>(
      await world.sales.client.get("/api/notifications"),
      200,
    );
    expect(inbox.notifications[0]).toMatchObject({
      kind: "review_requested",
      plan: { id: planId },
      threadId: null,
    });
    const [audit] =
      await accord.sql`select actor_id, detail from audit_log where plan_id = ${planId} and action = 'plan.submitted'`;
    expect(audit).toMatchObject({
      actor_id: world.editor.id,
      detail: { versionId: version.id, hash: version.hash },
    });

    // The same content again is already in review.
    expect(
      (
        await expectJson<ErrorJson>(
          await world.editor.client.postJson(`/api/plans/${planId}/submit`, {}),
          409,
        )
      ).error,
    ).toBe("already_in_review");
  });

  test("a plan with nobody to sign cannot be submitted", async () => {
    const { workspace, owner } = await createWorkspaceWithOwner(accord.sql);
    const client = await loginAs(accord, owner);
    const planId = await createPlan(client);
    expect(
      (await expectJson<ErrorJson>(await client.postJson(`/api/plans/${planId}/submit`, {}), 409)).error,
    ).toBe("no_signers");
    await createMember(accord.sql, { workspaceId: workspace.id, team: "sales", canSignOff: true });
    expect((await countsOf(accord, planId)).versions).toBe(0);
  });
});

describe("stale content", () => {
  test("an edit through the websocket makes the version stale; editing it back makes it current again", async () => {
    const planId = await createPlan(world.editor.client);
    const peer = await peerOf(world.editor, planId);
    const { version } = await submit(world.editor.client, planId);

    const changed = await setSla(peer, planId, 48, true);
    expect(changed.currentHash).not.toBe(version.hash);
    // The stale hash and the old hash alike are refused, and nothing is recorded.
    const before = await countsOf(accord, planId);
    for (const hash of [version.hash, changed.currentHash]) {
      const refused = await expectJson<ErrorJson>(
        await sign(world.sales.client, planId, "approve", hash),
        409,
      );
      expect(refused).toMatchObject({ error: "stale", message: "The plan changed since you opened it." });
    }
    expect(await countsOf(accord, planId)).toEqual(before);

    const back = await setSla(peer, planId, 24, false);
    expect(back.currentHash).toBe(version.hash);
    const { signature } = await signed(world.sales.client, planId, "approve", version.hash);
    expect(signature).toMatchObject({
      decision: "approve",
      hash: version.hash,
      signer: { id: world.sales.id },
    });
  });

  test("an approval of content that changed since stops counting", async () => {
    const planId = await createPlan(world.editor.client);
    const peer = await peerOf(world.editor, planId);
    const { version } = await submit(world.editor.client, planId);
    await signed(world.sales.client, planId, "approve", version.hash);
    const stale = await setSla(peer, planId, 12, true);
    expect(stale.signers.find((s) => s.signer.id === world.sales.id)).toMatchObject({
      state: "pending",
      signature: { decision: "approve", hash: version.hash },
    });
    // Resubmitted: a new version, signed afresh.
    const again = await submit(world.editor.client, planId);
    expect(again.version.number).toBe(2);
    expect(again.signoff.signers.every((s) => s.state === "pending")).toBe(true);
    await signed(world.sales.client, planId, "approve", again.version.hash);
    const done = await signed(world.marketing.client, planId, "approve", again.version.hash);
    expect(done.approved).toBe(true);
  });
});

describe("signing", () => {
  test("only required signers sign, once per version, with valid input", async () => {
    const planId = await createPlan(world.editor.client);
    const { version } = await submit(world.editor.client, planId);
    const before = await countsOf(accord, planId);
    for (const person of [world.owner, world.editor, world.viewer]) {
      expect((await sign(person.client, planId, "approve", version.hash)).status).toBe(403);
    }
    const invalid = await expectJson<ErrorJson>(
      await world.sales.client.postJson(`/api/plans/${planId}/signoff`, { decision: "maybe", hash: "abc" }),
      400,
    );
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["decision", "hash"]);
    const noNote = await expectJson<ErrorJson>(
      await sign(world.sales.client, planId, "request_changes", version.hash, ""),
      400,
    );
    expect(noNote.fieldErrors?.note).toEqual(["Say what should change."]);
    expect(await countsOf(accord, planId)).toEqual(before);

    await signed(world.sales.client, planId, "approve", version.hash);
    const twice = await expectJson<ErrorJson>(
      await sign(world.sales.client, planId, "approve", version.hash),
      409,
    );
    expect(twice.error).toBe("already_signed");
  });

  test("a draft cannot be signed", async () => {
    const planId = await createPlan(world.editor.client);
    const state = await signoffOf(world.sales.client, planId);
    expect(state).toMatchObject({ status: "draft", version: null, stale: false });
    expect(
      (await expectJson<ErrorJson>(await sign(world.sales.client, planId, "approve", state.currentHash), 409))
        .error,
    ).toBe("not_in_review");
  });

  test("a request for changes opens a blocking thread, tells the submitter and unfreezes", async () => {
    const planId = await createPlan(world.editor.client);
    const { version } = await submit(world.editor.client, planId, true);
    expect((await signoffOf(world.editor.client, planId)).frozen).toBe(true);
    const { signature, signoff } = await signed(
      world.marketing.client,
      planId,
      "request_changes",
      version.hash,
      "The MQL threshold is too low.",
    );
    expect(signoff.frozen).toBe(false);
    expect(signoff.signers.find((s) => s.signer.id === world.marketing.id)?.state).toBe("changes_requested");
    expect(signature.threadId).toEqual(expect.any(String));
    const { thread } = await expectJson<{ thread: ThreadJson }>(
      await world.editor.client.get(`/api/threads/${signature.threadId}`),
      200,
    );
    expect(thread).toMatchObject({
      blocking: true,
      status: "open",
      anchor: { kind: "section", section: "strategy" },
    });
    expect(thread.comments[0]).toMatchObject({
      body: "The MQL threshold is too low.",
      author: { id: world.marketing.id },
    });
    expect(signoff.blockingThreads.map((t) => t.id)).toEqual([thread.id]);
    const inbox = await expectJson<{ notifications: NotificationJson[] }>(
      await world.editor.client.get("/api/notifications"),
      200,
    );
    expect(inbox.notifications[0]).toMatchObject({ kind: "changes_requested", threadId: thread.id });
  });

  test("open blocking threads refuse the final approval with their list, recording nothing", async () => {
    const planId = await createPlan(world.editor.client);
    const { version } = await submit(world.editor.client, planId);
    const { thread } = await expectJson<{ thread: ThreadJson }>(
      await world.editor.client.postJson(`/api/plans/${planId}/threads`, {
        anchor: { kind: "section", section: "campaigns" },
        body: "Budget for the roadshow is not agreed.",
        blocking: true,
      }),
      201,
    );
    await signed(world.sales.client, planId, "approve", version.hash);
    const before = await countsOf(accord, planId);
    const refused = await expectJson<ErrorJson>(
      await sign(world.marketing.client, planId, "approve", version.hash),
      409,
    );
    expect(refused.error).toBe("blocking_threads");
    expect(refused.threads).toEqual([expect.objectContaining({ id: thread.id, section: "campaigns" })]);
    expect(await countsOf(accord, planId)).toEqual(before);

    await expectJson(await world.editor.client.postJson(`/api/threads/${thread.id}/resolve`, {}), 200);
    const done = await signed(world.marketing.client, planId, "approve", version.hash);
    expect(done.approved).toBe(true);
    expect(done.signoff).toMatchObject({ status: "approved", stale: false, blockingThreads: [] });
    expect(done.signoff.version).toMatchObject({ kind: "approved", hash: version.hash });
    expect(done.signoff.approvedAt).toEqual(expect.any(String));
    expect(done.signoff.signers.map((s) => s.state)).toEqual(["approved", "approved"]);
  });
});

describe("approval and reopening", () => {
  test("approval notifies, audits and refuses another submit; a signer reopens with a reason", async () => {
    const planId = await createPlan(world.editor.client);
    const approved = await approveThrough(world, planId);
    expect(approved.status).toBe("approved");
    const audit = await accord.sql<{ action: string }[]>`
      select action from audit_log where plan_id = ${planId} order by id`;
    expect(audit.map((r) => r.action)).toEqual([
      "plan.created",
      "plan.submitted",
      "signature.approved",
      "signature.approved",
      "plan.approved",
    ]);
    const inbox = await expectJson<{ notifications: NotificationJson[] }>(
      await world.editor.client.get("/api/notifications"),
      200,
    );
    expect(inbox.notifications.some((n) => n.kind === "plan_approved" && n.plan?.id === planId)).toBe(true);
    expect(
      (
        await expectJson<ErrorJson>(
          await world.editor.client.postJson(`/api/plans/${planId}/submit`, {}),
          409,
        )
      ).error,
    ).toBe("approved");

    const reopen = (client = world.sales.client, body: unknown = { reason: "Q1 budget was cut." }) =>
      client.postJson(`/api/plans/${planId}/reopen`, body);
    expect((await reopen(world.editor.client)).status).toBe(403);
    expect((await reopen(world.viewer.client)).status).toBe(403);
    expect(
      (await expectJson<ErrorJson>(await reopen(world.sales.client, { reason: "  " }), 400)).fieldErrors
        ?.reason,
    ).toBeDefined();
    const { signoff } = await expectJson<{ signoff: SignoffJson }>(await reopen(), 200);
    expect(signoff).toMatchObject({ status: "reopened", frozen: false, approvedAt: null });
    expect(signoff.history.filter((s) => s.decision === "approve")).toHaveLength(2);
    const [row] =
      await accord.sql`select actor_id, detail from audit_log where plan_id = ${planId} and action = 'plan.reopened'`;
    expect(row).toMatchObject({ actor_id: world.sales.id, detail: { reason: "Q1 budget was cut." } });
    expect((await expectJson<ErrorJson>(await reopen(), 409)).error).toBe("not_approved");

    // Reopened plans go back into review, and the owner may reopen too.
    const again = await submit(world.editor.client, planId);
    expect(again.version.number).toBe(3);
    await signed(world.sales.client, planId, "approve", again.version.hash);
    await signed(world.marketing.client, planId, "approve", again.version.hash);
    await expectJson(await reopen(world.owner.client), 200);
  });
});

describe("live", () => {
  test("each sign-off step tells the plan's open pages, on commit", async () => {
    const planId = await createPlan(world.editor.client);
    const otherPlan = await createPlan(world.editor.client);
    const stream = await openEventStream(world.viewer.client, `/api/events?plan=${planId}`);
    const elsewhere = await openEventStream(world.viewer.client, `/api/events?plan=${otherPlan}`);
    try {
      await stream.next((e) => e.event === "ready");
      const isSignoff = (e: { event: string }) => e.event === "signoff";
      const { version } = await submit(world.editor.client, planId);
      expect(JSON.parse((await stream.next(isSignoff)).data)).toEqual({ planId });
      await signed(world.sales.client, planId, "approve", version.hash);
      await stream.next(isSignoff);
      // A refused step (a stale hash) sends nothing.
      await sign(world.marketing.client, planId, "approve", "0".repeat(64));
      await signed(world.marketing.client, planId, "approve", version.hash);
      await stream.next(isSignoff);
      expect((await signoffOf(world.viewer.client, planId)).status).toBe("approved");
      expect(stream.events.filter(isSignoff)).toHaveLength(3);
      expect(elsewhere.events.filter(isSignoff)).toHaveLength(0);
    } finally {
      stream.close();
      elsewhere.close();
    }
  });
});

describe("access", () => {
  test("logged out is 401; another workspace and malformed ids are 404", async () => {
    const planId = await createPlan(world.editor.client);
    const { owner } = await createWorkspaceWithOwner(accord.sql);
    const outsider = await loginAs(accord, owner);
    const anonymous = new TestClient(accord.url);
    const paths = ["signoff", "signers", "versions", "export.md"];
    for (const path of paths) {
      expect((await anonymous.get(`/api/plans/${planId}/${path}`)).status).toBe(401);
      expect((await outsider.get(`/api/plans/${planId}/${path}`)).status).toBe(404);
      expect((await world.editor.client.get(`/api/plans/not-a-uuid/${path}`)).status).toBe(404);
    }
    for (const path of ["submit", "reopen", "signoff"]) {
      expect((await anonymous.postJson(`/api/plans/${planId}/${path}`, {})).status).toBe(401);
      expect(
        (await outsider.postJson(`/api/plans/${planId}/${path}`, { reason: "x", decision: "approve" }))
          .status,
      ).toBe(404);
    }
    expect((await countsOf(accord, planId)).versions).toBe(0);
  });
});
