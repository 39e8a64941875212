import { z } from "zod";
import type { PlanStatus } from "../plan-status";
import type { PersonJson } from "../comments/schemas";
import type { PlanContent } from "../plan/project";
import { withoutNul } from "../text";
import { CONTENT_HASH } from "./content-hash";

/**
 * The sign-off API's inputs and answers (DESIGN.md sections 5 and 6,
 * docs/API.md "Sign-off, versions, audit and export").
 */

const hash = z.string({ error: "Send the content hash you reviewed." }).regex(CONTENT_HASH, {
  error: "A content hash is 64 hexadecimal digits.",
});

export const MAX_NOTE_LENGTH = 4_000;

/** Free text a person types: without NUL (PostgreSQL text refuses it), trimmed, within limits. */
function freeText(messages: { missing: string; empty?: string; max: number; tooLong: string }) {
  let text = z.string().trim().max(messages.max, messages.tooLong);
  if (messages.empty) text = text.min(1, messages.empty);
  return z.string({ error: messages.missing }).transform(withoutNul).pipe(text);
}

/** POST /api/plans/:planId/submit */
export const SubmitSchema = z.object({
  /** Lock the document until a decision (approve or request changes). */
  freezeEditing: z.boolean({ error: "freezeEditing is true or false." }).default(false),
});

export const DECISIONS = ["approve", "request_changes"] as const;
export type Decision = (typeof DECISIONS)[number];

/** POST /api/plans/:planId/signoff */
export const SignoffSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: 'decision is "approve" or "request_changes".' }),
    note: freeText({
      missing: "The note is text.",
      max: MAX_NOTE_LENGTH,
      tooLong: `Keep the note under ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`,
    }).default(""),
    hash,
  })
  .refine((s) => s.decision !== "request_changes" || s.note.length > 0, {
    message: "Say what should change.",
    path: ["note"],
  });
export type SignoffInput = z.output<typeof SignoffSchema>;

/** POST /api/plans/:planId/reopen */
export const ReopenSchema = z.object({
  reason: freeText({
    missing: "Give a reason for reopening.",
    empty: "Give a reason for reopening.",
    max: MAX_NOTE_LENGTH,
    tooLong: `Keep the reason under ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`,
  }),
});

/** POST /api/plans/:planId/versions */
export const VersionCreateSchema = z.object({
  name: freeText({
    missing: "Name the version.",
    empty: "Name the version.",
    max: 120,
    tooLong: "Keep the name under 121 characters.",
  }),
});

/** PUT /api/plans/:planId/signers: who must sign this plan. */
export const SignersSchema = z.object({
  userIds: z
    .array(z.uuid({ error: "Signers are member ids." }), {
      error: "Send the signers as a list of member ids.",
    })
    .min(1, "Choose at least one signer.")
    .max(20, "Choose at most 20 signers.")
    .refine((ids) => new Set(ids).size === ids.length, "Choose each signer once."),
});

export const VERSION_KINDS = ["named", "submitted", "approved", "restored"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionSummaryJson {
  id: string;
  number: number;
  name: string;
  kind: VersionKind;
  hash: string;
  createdAt: string;
  createdBy: PersonJson | null;
}

export interface VersionJson extends VersionSummaryJson {
  content: PlanContent;
}

export type SignerState = "pending" | "approved" | "changes_requested";

export interface SignatureJson {
  id: string;
  versionId: string;
  signer: PersonJson;
  decision: Decision;
  note: string;
  hash: string;
  createdAt: string;
  /** The thread the note opened (request for changes), when there is one. */
  threadId: string | null;
}

export interface SignoffJson {
  status: PlanStatus;
  /** Editing is locked until a decision (submitted with freezeEditing). */
  frozen: boolean;
  /** The version under review (in_review), or the approved one (approved); null for a draft. */
  version: VersionSummaryJson | null;
  /** The hash of the plan's content now. */
  currentHash: string;
  /** The content changed since the version was submitted: its approvals no longer count. */
  stale: boolean;
  signers: { signer: PersonJson; state: SignerState; signature: SignatureJson | null }[];
  /** Every signature on every version, newest first: the history survives reopening. */
  history: SignatureJson[];
  /** Open blocking threads: what stands between the plan and its approval. */
  blockingThreads: { id: string; section: string; quote: string; author: PersonJson }[];
  approvedAt: string | null;
}
