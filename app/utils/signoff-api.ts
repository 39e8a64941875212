import type { Decision, SignatureJson, SignoffJson, VersionSummaryJson } from "../domain/signoff";

/**
 * The sign-off and version endpoints of the JSON API (docs/API.md, "Sign-off,
 * versions, audit and export") as the pages call them from the browser.
 * A refusal throws a SignoffApiError carrying the server's `error` id, its
 * message, field errors and, for `blocking_threads`, the threads.
 */

export interface BlockingThreadJson {
  id: string;
  section: string;
  quote: string;
  author: { id: string; name: string; team: string };
}

export class SignoffApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The API's stable id: `stale`, `blocking_threads`, `already_signed`, `invalid_input`… */
    readonly code: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly threads: BlockingThreadJson[] = [],
  ) {
    super(message);
    this.name = "SignoffApiError";
  }
}

const OFFLINE = "Accord can’t be reached right now. Check your connection and try again.";

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new SignoffApiError(OFFLINE, 0, "offline");
  }
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    throw new SignoffApiError(
      typeof data?.message === "string" ? data.message : `The request failed (${response.status}).`,
      response.status,
      typeof data?.error === "string" ? data.error : "error",
      (data?.fieldErrors ?? {}) as Record<string, string[]>,
      Array.isArray(data?.threads) ? (data.threads as BlockingThreadJson[]) : [],
    );
  }
  if (!data)
    throw new SignoffApiError(
      "The server answered something unexpected. Try again.",
      response.status,
      "error",
    );
  return data as T;
}

/**
 * What to tell a person about a failed call: the field's message, or the
 * API's, reworded where the page knows better what it means.
 */
export function signoffErrorText(error: unknown, field?: string): string {
  if (!(error instanceof SignoffApiError)) return "Something went wrong. Try again.";
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
