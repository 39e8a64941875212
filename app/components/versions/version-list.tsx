import { Link } from "@remix-run/react";
import { shortHash, type VersionKind, type VersionSummaryJson } from "../../domain/signoff";
import { RelativeTime } from "../relative-time";

/**
 * A plan's versions, newest first: number, name, how it came about, who
 * and when, the short content hash, and which one is in review or
 * approved. Ticking two versions offers to compare them; every version can
 * be compared with the current plan.
 */
export function VersionList({
  planId,
  versions,
  underReviewId,
  approvedId,
  selected,
  onToggle,
}: {
  planId: string;
  versions: readonly VersionSummaryJson[];
  underReviewId: string | null;
  approvedId: string | null;
  /** Ticked versions (at most two). */
  selected: readonly string[];
  onToggle: (versionId: string) => void;
}) {
  if (versions.length === 0) {
    return (
      <div className="card empty-state">
        <h2>No versions yet</h2>
        <p>
          A version is kept each time the plan is submitted for sign-off and when it is approved. Editors can
          also save one at any time, with a name.
        </p>
      </div>
    );
  }
  return (
    <ol className="card version-list" aria-label="Versions, newest first">
      {versions.map((v) => {
        const href = `/plans/${planId}/versions/${v.id}`;
        const ticked = selected.includes(v.id);
        return (
          <li key={v.id} className={`version-row${ticked ? " is-selected" : ""}`}>
            <label className="version-select">
              <input type="checkbox" checked={ticked} onChange={() => onToggle(v.id)} />
              <span className="visually-hidden">Select version {v.number} to compare</span>
            </label>
            <div className="version-main">
              <p className="version-title">
                <Link to={href}>
                  <span className="version-number">v{v.number}</span> {v.name}
                </Link>
                <VersionKindBadge kind={v.kind} />
                {v.id === underReviewId ? <span className="badge status-in_review">In review</span> : null}
                {v.id === approvedId ? <span className="badge status-approved">Signed</span> : null}
              </p>
              <p className="version-meta muted">
                {v.createdBy?.name ?? "A former member"} · <RelativeTime iso={v.createdAt} /> · hash{" "}
                <code className="hash-chip" title={v.hash}>
                  {shortHash(v.hash)}
                </code>
              </p>
            </div>
            <Link className="button secondary small version-compare" to={`${href}?compare=current`}>
              Compare with current<span className="visually-hidden"> plan: version {v.number}</span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

export const VERSION_KIND_LABELS: Record<VersionKind, string> = {
  named: "Saved",
  submitted: "Submitted",
  approved: "Approved",
  restored: "Before a restore",
};

/** The status badges' colours: approved green, submitted for review amber, the rest plain. */
const KIND_CLASSES: Record<VersionKind, string> = {
  named: "neutral",
  submitted: "status-in_review",
  approved: "status-approved",
  restored: "neutral",
};

/** How a version came about, as a badge with words. */
export function VersionKindBadge({ kind }: { kind: VersionKind }) {
  return <span className={`badge ${KIND_CLASSES[kind]}`}>{VERSION_KIND_LABELS[kind]}</span>;
}
