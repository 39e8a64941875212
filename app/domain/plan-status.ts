import { z } from "zod";

/**
 * Where a plan stands in the sign-off workflow (DESIGN.md section 5):
 * draft → in_review → approved (locked) → reopened → in_review …
 */
export const PLAN_STATUSES = ["draft", "in_review", "approved", "reopened"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PlanStatusSchema = z.enum(PLAN_STATUSES, {
  error: "Use one of draft, in_review, approved, reopened.",
});

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  reopened: "Reopened",
};

/** The statuses a plan can be submitted for sign-off from (in_review: a resubmission). */
export const SUBMITTABLE_STATUSES: readonly PlanStatus[] = ["draft", "reopened", "in_review"];

/**
 * THE lock rule: nobody may change the document of an approved plan, nor of
 * a plan submitted with "freeze editing" while its review lasts. The
 * collaboration server (read-only sockets, and its re-check when the plan
 * changes), the plan page and the restore endpoint all ask this one function.
 */
export function isPlanLocked(plan: { status: PlanStatus; frozen: boolean }): boolean {
  return plan.status === "approved" || (plan.status === "in_review" && plan.frozen);
}
