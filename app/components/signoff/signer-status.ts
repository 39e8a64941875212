import type { PlanStatus } from "../../domain/plan-status";
import type { SignatureJson, SignerState } from "../../domain/signoff";

export type SignerTone = "neutral" | "approved" | "changes" | "outdated";

/** How one required signer stands, in words (never by colour alone). */
export interface SignerStatus {
  tone: SignerTone;
  label: string;
  /** The signature the label is about, for its time and note. */
  signature: SignatureJson | null;
}

/**
 * A required signer's standing as the sign-off card shows it. The server
 * reads an approval of content that has changed since as "pending" with
 * the signature kept; so does this tab as soon as it sees the content
 * change (`stale`), before the server is asked again.
 */
export function signerStatus(
  row: { state: SignerState; signature: SignatureJson | null },
  plan: { status: PlanStatus; stale: boolean },
): SignerStatus {
  const { signature } = row;
  if (plan.status === "draft" || plan.status === "reopened" || !signature) {
    return {
      tone: "neutral",
      label: plan.status === "in_review" ? "Waiting for review" : "Signs when submitted",
      signature: null,
    };
  }
  if (signature.decision === "request_changes") {
    return { tone: "changes", label: "Changes requested", signature };
  }
  if (plan.stale || row.state === "pending") {
    return { tone: "outdated", label: "Approval no longer counts: the plan changed", signature };
  }
  return { tone: "approved", label: "Approved", signature };
}
