import { CURRENCY_LABELS } from "../../domain/plan";
import { TEAM_LABELS, type Team } from "../../domain/membership";
import { STATUS_LABELS, type PlanStatus } from "../../domain/plan-status";
import type { PlanContent } from "../../domain/plan";
import { formatDateTime } from "../members/format-date-time";
import type { PeopleNames } from "../plan-document/cell-text";
import { PlanDocument } from "../plan-document/plan-document";

export interface PrintDocumentProps {
  content: PlanContent;
  status: PlanStatus;
  hash: string;
  version: { number: number; name: string; createdAt: string } | null;
  signers: readonly { id: string; name: string; team: Team }[];
  signatures: readonly {
    signer: { name: string; team: Team };
    decision: "approve" | "request_changes";
    note: string;
    createdAt: string;
  }[];
  people: PeopleNames;
}

/**
 * The plan (or one version) as a document to print or save as PDF: title,
 * period, status, version, every section, who must sign, the signatures on
 * exactly this content with their times, and the content hash that lets
 * anyone check the paper against Accord. Times are in UTC, as in the
 * Markdown export.
 */
export function PrintDocument({
  content,
  status,
  hash,
  version,
  signers,
  signatures,
  people,
}: PrintDocumentProps) {
  const currency = content.meta.currency;
  return (
    <article className="print-document" aria-labelledby="print-title">
      <header className="print-header">
        <p className="eyebrow">Joint plan of Sales and Marketing</p>
        <h1 id="print-title">{content.meta.title || "Untitled plan"}</h1>
        <dl className="meta-list print-facts">
          <dt>Period</dt>
          <dd>{content.meta.period || "—"}</dd>
          <dt>Currency</dt>
          <dd>{currency ? `${currency} (${CURRENCY_LABELS[currency]})` : "—"}</dd>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[status]}</dd>
          <dt>Version</dt>
          <dd>
            {version
              ? `Version ${version.number} · ${version.name} · ${formatDateTime(version.createdAt)}`
              : "The current content"}
          </dd>
          <dt>Content hash</dt>
          <dd>
            <code className="print-hash">{hash}</code>
          </dd>
        </dl>
      </header>

      <PlanDocument content={content} people={people} idPrefix="print" />

      <section className="plan-doc-section print-signoff" aria-labelledby="print-signoff">
        <h2 id="print-signoff">Sign-off</h2>
        <h3>Required signers</h3>
        {signers.length ? (
          <ul>
            {signers.map((s) => (
              <li key={s.id}>
                {s.name} ({TEAM_LABELS[s.team]})
              </li>
            ))}
          </ul>
        ) : (
          <p>None chosen.</p>
        )}
        <h3>Signatures on this content</h3>
        <p className="hint">Each was given on exactly the content printed here, the content hash above.</p>
        {signatures.length ? (
          <div className="table-wrap plan-doc-table-wrap">
            <table className="plan-doc-table">
              <thead>
                <tr>
                  <th scope="col">Signer</th>
                  <th scope="col">Decision</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {signatures.map((s, i) => (
                  <tr key={i}>
                    <td>
                      {s.signer.name} ({TEAM_LABELS[s.signer.team]})
                    </td>
                    <td>
                      {s.decision === "approve" ? "Approved" : "Requested changes"}
                      {s.note ? <span className="print-note">“{s.note}”</span> : null}
                    </td>
                    <td>{formatDateTime(s.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No signatures on this content.</p>
        )}
        <p className="print-hash-line">
          Content hash (SHA-256 of the canonical JSON of the plan&apos;s content):{" "}
          <code className="print-hash">{hash}</code>
        </p>
      </section>
    </article>
  );
}
