export type PlanStatus = "draft" | "in_review" | "approved";

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
};

export function StatusBadge({ status }: { status: PlanStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
