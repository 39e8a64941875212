import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canonicalJson } from "../plan/canonical-json";
import { projectPlan } from "../plan/project";
import { planContentUpdate, planTemplate } from "../plan/template";
import { contentHash, shortHash } from "./content-hash";

function planDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    planContentUpdate(planTemplate({ title: "2027-Q1", period: "2027-Q1", currency: "EUR" })),
  );
  return doc;
}

describe("contentHash", () => {
  it("is the SHA-256 of the projection's canonical JSON", async () => {
    const content = projectPlan(planDoc());
    const expected = createHash("sha256").update(canonicalJson(content)).digest("hex");
    expect(await contentHash(content)).toBe(expected);
    expect(shortHash(expected)).toHaveLength(12);
  });

  it("comes back to the same hash when an edit is undone", async () => {
    const doc = planDoc();
    const before = await contentHash(projectPlan(doc));
    const meta = doc.getMap("meta");
    const undo = new Y.UndoManager(meta, { captureTimeout: 0 });
    meta.set("title", "2027-Q1 changed");
    const changed = await contentHash(projectPlan(doc));
    undo.undo();
    expect(changed).not.toBe(before);
    expect(await contentHash(projectPlan(doc))).toBe(before);
  });
});
