import type { PlanStatus } from "../../domain/plan-status";
import type { SignoffJson } from "../../domain/signoff";
import { shortHash } from "../../domain/signoff";
import { Avatar } from "../person";
import { RelativeTime } from "../relative-time";
import { TEAM_LABELS } from "../../domain/membership";
import { signerStatus, type SignerTone } from "./signer-status";

/** The badge of each standing, in the colours the status badges use. */
const TONE_CLASSES: Record<SignerTone, string> = {
  neutral: "neutral",
  approved: "status-approved",
  changes: "danger",
  outdated: "status-in_review",
};

/**
 * The required signers, each with their team colour and where they stand:
 * waiting, approved (when, and the hash they signed), changes requested
 * (with the note), or an approval the plan has since outgrown. The words
 * carry the state; the badge colour only repeats it.
 */
export function SignerList({
  signers,
  status,
  stale,
  meId,
}: {
  signers: SignoffJson["signers"];
  status: PlanStatus;
  stale: boolean;
  meId: string;
}) {
  if (signers.length === 0) {
    return (
      <p className="muted signer-empty">
        No signers chosen yet: the plan cannot be submitted until someone must sign it.
      </p>
    );
  }
  return (
    <ul className="signer-list" aria-label="Required signers">
      {signers.map((row) => {
        const view = signerStatus(row, { status, stale });
        const signature = view.signature;
        return (
          <li key={row.signer.id} className={`signer team-${row.signer.team}`}>
            <Avatar name={row.signer.name} team={row.signer.team} />
            <div className="signer-text">
              <p className="signer-name">
                <strong>{row.signer.name}</strong>
                {row.signer.id === meId ? <span className="muted"> (you)</span> : null}
                <span className="muted"> · {TEAM_LABELS[row.signer.team]}</span>
              </p>
              <p className="signer-state">
                <span className={`badge ${TONE_CLASSES[view.tone]}`}>{view.label}</span>
                {signature ? (
                  <span className="muted">
                    {" "}
                    <RelativeTime iso={signature.createdAt} />
                    {view.tone === "approved" ? (
                      <>
                        {" · hash "}
                        <code className="hash-chip" title={signature.hash}>
                          {shortHash(signature.hash)}
                        </code>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </p>
              {signature && signature.note ? (
                <blockquote className="signer-note clamp" style={{ ["--lines" as string]: 3 }}>
                  {signature.note}
                </blockquote>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
