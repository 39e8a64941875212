import { randomBytes, randomUUID } from "node:crypto";
import * as encoding from "lib0/encoding";
import { pino } from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { CLOSE } from "../../app/domain/collab";
import { insertPlan, type PlanRow } from "../../db/queries/plans";
import { TestClient } from "../support/client";
import {
  cookieHeaderOf,
  eventually,
  frames,
  openPeer,
  openRawSocket,
  poisonUpdate,
  sleep,
  storedDoc,
  type Peer,
} from "../support/collab";
import { createMember, createWorkspaceWithOwner } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Bad frames close the socket that sent them (1008, 1009 for size), with a
 * log line, and nothing else: the process, the document and every other
 * client carry on. Two normal providers keep editing throughout.
 */

const MAX_BYTES = 64 * 1024;
let accord: TestServer;
let plan: PlanRow;
let client: TestClient;
let a: Peer;
let b: Peer;
const logLines: Array<Record<string, unknown>> = [];

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

function awarenessFrame(entries: Array<[number, number, string]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return frames.awareness(encoding.toUint8Array(e));
}

const validStep1 = frames.syncStep1(new Y.Doc());

/** Every kind of bad frame, and the close code it earns. */
const BAD_FRAMES: Array<[string, Uint8Array | string, number]> = [
  ["an empty frame", bytes(), CLOSE.policyViolation],
  ["a sync message cut after its type", bytes(0), CLOSE.policyViolation],
  ["an update without its length", bytes(0, 2), CLOSE.policyViolation],
  ["an update shorter than its length", bytes(0, 2, 10, 1, 2), CLOSE.policyViolation],
  ["an unknown message type", bytes(7, 0), CLOSE.policyViolation],
  ["an unknown sync message type", bytes(0, 9, 0), CLOSE.policyViolation],
  [
    "an overlong varint",
    bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
    CLOSE.policyViolation,
  ],
  ["trailing bytes after a message", Uint8Array.from([...validStep1, 0]), CLOSE.policyViolation],
  ["a text frame", "hello", CLOSE.policyViolation],
  ["a state vector Yjs cannot read", frames.syncStep1Raw(bytes(5, 1)), CLOSE.policyViolation],
  ["an update Yjs cannot decode", frames.update(randomBytes(64)), CLOSE.policyViolation],
  ["a sync step 2 Yjs cannot decode", frames.syncStep2(bytes(3, 200, 1)), CLOSE.policyViolation],
  ["an update that would fail half-way", frames.update(poisonUpdate()), CLOSE.policyViolation],
  ["a truncated awareness update", frames.awareness(bytes(3, 1)), CLOSE.policyViolation],
  ["an awareness state that is not JSON", awarenessFrame([[42, 1, "{nope"]]), CLOSE.policyViolation],
  ["an awareness state that is not an object", awarenessFrame([[42, 1, "[1,2]"]]), CLOSE.policyViolation],
  ["a frame over the size limit", frames.update(new Uint8Array(MAX_BYTES + 1)), CLOSE.tooLarge],
];

beforeAll(async () => {
  const log = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  accord = await startTestServer({ log, collab: { maxMessageBytes: MAX_BYTES, unloadGraceMs: 100 } });
  const { workspace, owner } = await createWorkspaceWithOwner(accord.sql);
  const editor = await createMember(accord.sql, { workspaceId: workspace.id, role: "editor" });
  plan = await insertPlan(accord.sql, {
    workspaceId: workspace.id,
    title: "Q1",
    period: "2027-Q1",
    currency: "EUR",
    createdBy: owner.user.id,
  });
  client = new TestClient(accord.url);
  await client.login(editor.email, editor.password);
  a = openPeer(accord.url, plan.id, { client });
  b = openPeer(accord.url, plan.id, { client });
  await Promise.all([a.synced, b.synced]);
});

afterAll(async () => {
  a?.destroy();
  b?.destroy();
  await accord?.close();
});

const rawUrl = () => `${accord.url.replace(/^http/, "ws")}/collab/${plan.id}`;

test("bad frames close only their socket; the others keep editing and converge", async () => {
  let editing = true;
  let edits = 0;
  const editors = [a, b].map(async (peer, who) => {
    while (editing) {
      peer.doc.getText("strategy").insert(0, `<${who}:${edits++}>`);
      peer.doc.getArray("campaigns").push([new Y.Map([["id", randomUUID()]])]);
      await sleep(3);
    }
  });

  for (const [name, frame, code] of BAD_FRAMES) {
    const raw = openRawSocket(rawUrl(), { cookie: cookieHeaderOf(client), origin: accord.url });
    await raw.opened;
    raw.ws.send(validStep1); // a normal start...
    raw.ws.send(frame); // ...then the bad frame
    const closed = await raw.closed;
    expect({ name, code: closed.code }).toEqual({ name, code });
    expect(a.provider.wsconnected && b.provider.wsconnected, `after ${name}`).toBe(true);
  }

  editing = false;
  await Promise.all(editors);
  const converged = await eventually(() => {
    const text = a.doc.getText("strategy").toString();
    expect(b.doc.getText("strategy").toString()).toBe(text);
    expect(accord.server.collab.room(plan.id)!.doc.getText("strategy").toString()).toBe(text);
    return text;
  });
  expect(converged).not.toContain("HALF-APPLIED");
  expect(b.doc.getArray("campaigns").length).toBe(a.doc.getArray("campaigns").length);
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);

  // What Postgres holds loads, and holds the same.
  await accord.server.persistence.flush(plan.id);
  expect((await storedDoc(accord.sql, plan.id)).getText("strategy").toString()).toBe(converged);
  expect((await fetch(`${accord.url}/healthz`)).status).toBe(200);
});

test("each violation is logged with its reason, the plan and the user", async () => {
  const violations = logLines.filter((line) => line.msg === "collab protocol violation");
  expect(violations.length).toBeGreaterThanOrEqual(BAD_FRAMES.length);
  for (const line of violations) {
    expect(line).toMatchObject({ planId: plan.id, userId: expect.any(String), reason: expect.any(String) });
  }
  expect(violations.some((line) => line.reason === "frame over the size limit")).toBe(true);
  const closes = logLines.filter((line) => line.msg === "collab close").map((line) => line.code);
  expect(closes).toContain(CLOSE.policyViolation);
  expect(closes).toContain(CLOSE.tooLarge);
});

test("a frame just under the limit is accepted", async () => {
  const raw = openRawSocket(rawUrl(), { cookie: cookieHeaderOf(client), origin: accord.url });
  await raw.opened;
  const doc = new Y.Doc();
  doc.getText("glossary-note").insert(0, "x".repeat(MAX_BYTES - 200));
  const frame = frames.update(Y.encodeStateAsUpdate(doc));
  expect(frame.byteLength).toBeLessThanOrEqual(MAX_BYTES);
  raw.ws.send(frame);
  await eventually(() => expect(a.doc.getText("glossary-note").length).toBe(MAX_BYTES - 200));
  expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  raw.ws.close();
});
