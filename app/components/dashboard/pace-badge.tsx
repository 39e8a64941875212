import type { Pacing } from "../../domain/metrics";
import { paceLabel } from "./figures";

/** On track / At risk / Off track, or why there is no pace yet ("Not started", "No target"). */
export function PaceBadge({ pacing }: { pacing: Pacing }) {
  const { text, tone } = paceLabel(pacing);
  return <span className={`badge pace-badge pace-${tone}`}>{text}</span>;
}
