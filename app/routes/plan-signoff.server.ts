import { can } from "../domain/policy";
import type { SignoffJson } from "../domain/signoff";
import { reviewBaseOf } from "../domain/signoff/review-base";
import type { AccordContext } from "../utils/context.server";
import { signersOf, type SignersJson } from "../utils/signers.server";
import type { PlanForMember } from "../utils/plans.server";
import { signoffState } from "../utils/signoff.server";
import { versionsOf } from "../utils/versions.server";

/** What the plan page's sign-off card shows, and what this member may do there. */
export interface SignoffView {
  signoff: SignoffJson;
  signers: SignersJson;
  /** The version reviewers compare the one under review with; null when there is none. */
  reviewBaseId: string | null;
  may: {
    /** Submit and resubmit: owners and editors. */
    submit: boolean;
    /** Approve or request changes: a required signer. */
    sign: boolean;
    /** Reopen an approved plan: a required signer or the workspace owner. */
    reopen: boolean;
  };
}

/**
 * The sign-off card's data, read through the same helpers the JSON API
 * answers with, so the page and the API can never disagree on a rule.
 */
export async function signoffView(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
): Promise<SignoffView> {
  const [signoff, signers, versions] = await Promise.all([
    signoffState(context, plan.id),
    signersOf(context, plan, userId),
    versionsOf(context, plan),
  ]);
  const isSigner = signers.signers.some((s) => s.id === userId);
  const underReview = signoff.status === "in_review" ? signoff.version : null;
  return {
    signoff,
    signers,
    reviewBaseId: underReview ? reviewBaseOf(versions, underReview) : null,
    may: {
      submit: can({ role: plan.role }, "plan.edit"),
      sign: isSigner,
      reopen: isSigner || plan.role === "owner",
    },
  };
}
