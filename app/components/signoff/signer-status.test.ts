import { describe, expect, it } from "vitest";
import type { SignatureJson } from "../../domain/signoff";
import { signerStatus } from "./signer-status";

const signature = (decision: SignatureJson["decision"]): SignatureJson => ({
  id: "s1",
  versionId: "v1",
  signer: { id: "u1", name: "Raj Mehta", team: "sales" },
  decision,
  note: decision === "approve" ? "" : "Fix the SMB goal",
  hash: "a".repeat(64),
  createdAt: "2027-01-05T14:03:00.000Z",
  threadId: null,
});

describe("signerStatus", () => {
  it("waits for a signer who has not signed the version in review", () => {
    expect(
      signerStatus({ state: "pending", signature: null }, { status: "in_review", stale: false }),
    ).toMatchObject({ tone: "neutral", label: "Waiting for review" });
  });

  it("says an approval counts only while the content is unchanged", () => {
    const approved = { state: "approved" as const, signature: signature("approve") };
    expect(signerStatus(approved, { status: "in_review", stale: false }).tone).toBe("approved");
    expect(signerStatus(approved, { status: "in_review", stale: true })).toMatchObject({
      tone: "outdated",
      label: "Approval no longer counts: the plan changed",
    });
    // The server already read it as pending: the signature is still shown as outdated.
    expect(
      signerStatus(
        { state: "pending", signature: signature("approve") },
        { status: "in_review", stale: false },
      ).tone,
    ).toBe("outdated");
  });

  it("shows a request for changes with its signature", () => {
    const status = signerStatus(
      { state: "changes_requested", signature: signature("request_changes") },
      { status: "in_review", stale: true },
    );
    expect(status).toMatchObject({ tone: "changes", label: "Changes requested" });
    expect(status.signature?.note).toBe("Fix the SMB goal");
  });

  it("lists signers of a draft or reopened plan without a state", () => {
    for (const status of ["draft", "reopened"] as const) {
      expect(signerStatus({ state: "pending", signature: null }, { status, stale: false }).label).toBe(
        "Signs when submitted",
      );
    }
  });
});
