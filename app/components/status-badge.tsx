import { STATUS_LABELS, type PlanStatus } from "../domain/plan-status";

export function StatusBadge({ status }: { status: PlanStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
