import { describe, expect, it } from "vitest";
import type { AuditEntryJson } from "../../domain/audit";
import { auditFacts, auditSentence } from "./audit-words";

const people = { u1: "Raj Mehta", u2: "Lena Fischer", u3: "Sam Ortiz" };
const entry = (action: string, detail: Record<string, unknown>): AuditEntryJson => ({
  id: "1",
  at: "2027-01-05T14:03:00.000Z",
  action,
  actor: { id: "u1", name: "Raj Mehta" },
  plan: { id: "p1", title: "FY27 Q1" },
  detail,
});
const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("audit words", () => {
  it("tells sign-off steps with their version, note and short hash", () => {
    const approved = entry("signature.approved", { number: 4, hash });
    expect(auditSentence(approved, people)).toBe("approved version 4");
    expect(auditFacts(approved, people)).toEqual([{ label: "Hash", value: "9f86d081884c", code: true }]);
    const request = entry("signature.changes_requested", { number: 4, hash, note: "Fix the SMB goal" });
    expect(auditSentence(request, people)).toBe("requested changes to version 4");
    expect(auditFacts(request, people)[0]).toEqual({ label: "Note", value: "Fix the SMB goal", quote: true });
    expect(auditSentence(entry("plan.submitted", {}), people)).toBe("submitted a version for sign-off");
  });

  it("gives the reason of a reopening and the signers of an approval by name", () => {
    expect(auditFacts(entry("plan.reopened", { reason: "Budget moved" }), people)).toEqual([
      { label: "Reason", value: "Budget moved", quote: true },
    ]);
    const facts = auditFacts(entry("plan.approved", { signers: ["u1", "u2", "gone"], hash }), people);
    expect(facts).toContainEqual({ label: "Signed by", value: "Raj Mehta, Lena Fischer, a former member" });
  });

  it("shows what changed for a member, in the words of the members page", () => {
    const changed = entry("member.changed", {
      userId: "u3",
      before: { role: "viewer", team: "sales", canSignOff: false },
      after: { role: "editor", team: "sales", canSignOff: true },
    });
    expect(auditSentence(changed, people)).toBe("changed what Sam Ortiz may do");
    expect(auditFacts(changed, people)).toEqual([
      { label: "Role", value: "Viewer → Editor" },
      { label: "Signs off", value: "no → yes" },
    ]);
  });

  it("tells share links without their token", () => {
    expect(auditSentence(entry("share_link.created", { linkId: "l1" }), people)).toBe(
      "created a read-only share link",
    );
    expect(auditSentence(entry("share_link.revoked", { linkId: "l1" }), people)).toBe(
      "revoked a read-only share link",
    );
    expect(auditFacts(entry("share_link.revoked", { linkId: "l1" }), people)).toEqual([]);
  });

  it("falls back to the action's id for an action it does not know", () => {
    expect(auditSentence(entry("plan.archived", {}), people)).toBe("plan.archived");
    expect(auditFacts(entry("plan.archived", { hash: 42 }), people)).toEqual([]);
  });
});
