import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { resolveTextAnchor, textRangeAnchor, type ThreadJson } from "../../app/domain/comments";
import { loginAs, type TestClient } from "../support/client";
import { eventually, PeerSet, storedDoc, type Peer } from "../support/collab";
import { createMember, createWorkspaceWithOwner, type CreatedMember } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Anchors follow concurrent edits (issue "Comment threads", Tests:
 * Anchoring). Two stock y-websocket clients on one plan: one anchors a
 * thread on a phrase of the strategy and posts it through the API while the
 * other inserts and deletes text before and inside that phrase. Afterwards
 * the anchor resolves to the same words in both documents and in the one
 * Postgres holds; deleting those words detaches the thread, which stays,
 * with its quote.
 */

const PHRASE = "the best choice, which problem we solve";

let accord: TestServer;
let maya: CreatedMember;
let sam: CreatedMember;
let mayaClient: TestClient;
let samClient: TestClient;
const peers = new PeerSet();

/** The strategy's text as anchors count it: every text node in document order, nothing between. */
function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  return fragment
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText
        ? child.toString()
        : child instanceof Y.XmlElement
          ? fragmentText(child)
          : "",
    )
    .join("");
}

/** The text node of the strategy paragraph that contains `text`. */
function paragraphWith(doc: Y.Doc, text: string): Y.XmlText {
  for (const child of doc.getXmlFragment("strategy").toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const node = child.get(0);
    if (node instanceof Y.XmlText && node.toString().includes(text)) return node;
  }
  throw new Error(`no strategy paragraph contains "${text}"`);
}

const strategy = (doc: Y.Doc) => doc.getXmlFragment("strategy");

async function peerOf(client: TestClient, planId: string): Promise<Peer> {
  return peers.synced(accord.url, planId, { client });
}

beforeAll(async () => {
  accord = await startTestServer();
  const home = await createWorkspaceWithOwner(accord.sql);
  maya = await createMember(accord.sql, {
    workspaceId: home.workspace.id,
    role: "editor",
    team: "marketing",
  });
  sam = await createMember(accord.sql, { workspaceId: home.workspace.id, role: "editor", team: "sales" });
  mayaClient = await loginAs(accord, maya);
  samClient = await loginAs(accord, sam);
});

afterEach(() => peers.destroyAll());

afterAll(async () => {
  await accord?.close();
});

describe("a text anchor under concurrent edits", () => {
  test("resolves to the same words everywhere, and detaches when they are deleted", async () => {
    const created = await mayaClient.postJson("/api/plans", { title: "Anchored plan", period: "2027-Q1" });
    expect(created.status).toBe(201);
    const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
    const editor = await peerOf(mayaClient, planId);
    const commenter = await peerOf(samClient, planId);
    expect(fragmentText(strategy(commenter.doc))).toContain(PHRASE);

    // In one tick: Sam anchors on the phrase as his document has it, while Maya's
    // edits before and inside it are on their way to him.
    const paragraph = paragraphWith(editor.doc, PHRASE);
    const before = paragraph.toString();
    paragraph.insert(0, "Honestly: "); // before the range
    paragraph.delete("Honestly: ".length, "For ".length); // before the range
    const best = paragraph.toString().indexOf("best ");
    paragraph.delete(best, "best ".length); // inside the range
    paragraph.insert(best, "only "); // inside the range
    const from = fragmentText(strategy(commenter.doc)).indexOf(PHRASE);
    const range = textRangeAnchor(strategy(commenter.doc), from, from + PHRASE.length)!;
    expect(range.quote).toBe(PHRASE);
    expect(paragraphWith(commenter.doc, PHRASE).toString()).toBe(before);

    const response = await samClient.postJson(`/api/plans/${planId}/threads`, {
      anchor: { kind: "text", field: "strategy", ...range },
      body: "Name the problem: stores cannot see their KPIs until month end.",
    });
    expect(response.status).toBe(201);
    const { thread } = (await response.json()) as { thread: ThreadJson };
    const anchor = thread.anchor as Extract<ThreadJson["anchor"], { kind: "text" }>;
    expect(anchor).toEqual({ kind: "text", field: "strategy", ...range });

    // More of Maya's edits, inside the range and right at its edges.
    const live = paragraphWith(editor.doc, "which problem");
    live.insert(live.toString().indexOf("problem"), "one ");
    const edge = live.toString().indexOf("the only choice");
    live.insert(edge, "by far "); // just before the first character: stays outside
    const end = live.toString().indexOf("we solve") + "we solve".length;
    live.insert(end, " today"); // just after the last character: stays outside

    const expected = "the only choice, which one problem we solve";
    await eventually(() => {
      for (const peer of [editor, commenter]) {
        expect(resolveTextAnchor(peer.doc, strategy(peer.doc), anchor)?.text).toBe(expected);
      }
    });
    await eventually(async () => {
      const stored = await storedDoc(accord.sql, planId);
      expect(resolveTextAnchor(stored, strategy(stored), anchor)?.text).toBe(expected);
    });
    expect(paragraphWith(commenter.doc, expected).toString()).toContain(`by far ${expected} today`);

    // Deleting the anchored words detaches the thread everywhere.
    const words = paragraphWith(editor.doc, expected);
    words.delete(words.toString().indexOf(expected), expected.length);
    await eventually(() => {
      for (const peer of [editor, commenter])
        expect(resolveTextAnchor(peer.doc, strategy(peer.doc), anchor)).toBeNull();
    });
    await eventually(async () => {
      const stored = await storedDoc(accord.sql, planId);
      expect(resolveTextAnchor(stored, strategy(stored), anchor)).toBeNull();
    });

    // The thread stays, with the words it was about.
    const listed = await samClient.get(`/api/plans/${planId}/threads`);
    const { threads } = (await listed.json()) as { threads: ThreadJson[] };
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: thread.id, status: "open", anchor: { quote: PHRASE } });
  });
});
