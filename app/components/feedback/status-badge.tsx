import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from "../../domain/feedback";

/** New, planned, done or declined, in the colours of app/styles/feedback.css. */
export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  return <span className={`badge feedback-status-${status}`}>{FEEDBACK_STATUS_LABELS[status]}</span>;
}
