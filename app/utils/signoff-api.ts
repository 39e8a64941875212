import type { Decision, SignatureJson, SignoffJson, VersionSummaryJson } from "../domain/signoff";
import { ApiError, callApi as call } from "./api-client";

/**
 * The sign-off and version endpoints of the JSON API (docs/API.md, "Sign-off,
 * versions, audit and export") as the pages call them from the browser.
 * A refusal throws an ApiError (./api-client.ts); `blockingThreadsOf`
 * reads the threads a `blocking_threads` refusal names.
 */

export interface BlockingThreadJson {
  id: string;
  section: string;
  quote: string;
  author: { id: string; name: string; team: string };
}

/** The open objections a `blocking_threads` refusal names. */
export function blockingThreadsOf(error: unknown): BlockingThreadJson[] {
  const threads = error instanceof ApiError ? error.body?.threads : undefined;
  return Array.isArray(threads) ? (threads as BlockingThreadJson[]) : [];
}

/**
 * What to tell a person about a failed call: the field's message, or the
 * API's, reworded where the page knows better what it means.
 */
export function signoffErrorText(error: unknown, field?: string): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  if (field && error.fieldErrors[field]?.[0]) return error.fieldErrors[field][0];
  if (error.code === "stale") {
    return "The plan changed since you opened it. Look at what changed, then sign the resubmitted version.";
  }
  return error.message;
}

const plan = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;

export const signoffApi = {
  submit(planId: string, freezeEditing: boolean) {
    return call<{ version: VersionSummaryJson; signoff: SignoffJson }>("POST", `${plan(planId)}/submit`, {
      freezeEditing,
    });
  },
  sign(planId: string, input: { decision: Decision; note: string; hash: string }) {
    return call<{ signature: SignatureJson; signoff: SignoffJson; approved: boolean }>(
      "POST",
      `${plan(planId)}/signoff`,
      input,
    );
  },
  reopen(planId: string, reason: string) {
    return call<{ signoff: SignoffJson }>("POST", `${plan(planId)}/reopen`, { reason });
  },
  chooseSigners(planId: string, userIds: string[]) {
    return call<unknown>("PUT", `${plan(planId)}/signers`, { userIds });
  },
  saveVersion(planId: string, name: string) {
    return call<{ version: VersionSummaryJson }>("POST", `${plan(planId)}/versions`, { name });
  },
  restore(planId: string, versionId: string) {
    return call<{ restored: boolean; checkpoint: VersionSummaryJson | null; hash: string }>(
      "POST",
      `${plan(planId)}/versions/${encodeURIComponent(versionId)}/restore`,
      {},
    );
  },
};
