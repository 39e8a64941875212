import type { BlockingThreadRow } from "../../db/queries/signoff";

/**
 * The sign-off API's refusals (docs/API.md "Sign-off"), each a 409 with a
 * stable `error` id the UI can act on. Thrown inside a transaction, they
 * roll it back: a refused step records nothing.
 */

function refuse(error: string, message: string, extra: Record<string, unknown> = {}): never {
  throw Response.json({ error, message, ...extra }, { status: 409 });
}

/** The hash the signer saw is not the version's, or the content changed since it was submitted. */
export function stale(currentHash: string): never {
  refuse("stale", "The plan changed since you opened it.", { currentHash });
}

export function blockingThreads(threads: readonly BlockingThreadRow[]): never {
  refuse(
    "blocking_threads",
    `Resolve the open objections first: ${threads.length === 1 ? "one blocking thread is" : `${threads.length} blocking threads are`} still open.`,
    { threads },
  );
}

export function notInReview(): never {
  refuse("not_in_review", "This plan is not in review: submit it for sign-off first.");
}

export function alreadySigned(): never {
  refuse("already_signed", "You already signed this version.");
}

export function alreadyApproved(): never {
  refuse("approved", "This plan is approved and locked. Reopen it first.");
}

export function notApproved(): never {
  refuse("not_approved", "Only an approved plan can be reopened.");
}

export function noSigners(): never {
  refuse("no_signers", "Choose who must sign this plan before submitting it.");
}

export function alreadyInReview(): never {
  refuse("already_in_review", "This content is already in review. Submit again once the plan has changed.");
}

export function locked(): never {
  refuse("locked", "This plan is locked while it is approved or frozen for review.");
}
