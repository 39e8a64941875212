import { z } from "zod";

/** Where a plan stands in the sign-off workflow (DESIGN.md section 5). */
export const PLAN_STATUSES = ["draft", "in_review", "approved"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PlanStatusSchema = z.enum(PLAN_STATUSES, { error: "Use one of draft, in_review, approved." });

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
};
