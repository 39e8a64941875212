import { Link } from "@remix-run/react";
import { formatDateTime } from "../members/format-date-time";
import { RelativeTime } from "../relative-time";
import type { AuditEntryJson } from "../../domain/audit";
import { auditFacts, auditSentence } from "./audit-words";

/**
 * Audit log entries, newest first: when (relative, with the exact UTC time
 * beside it), who, what in words, on which plan, and the details that
 * matter: reasons, notes, versions, short hashes, role changes.
 */
export function AuditList({
  entries,
  people,
  showPlan,
}: {
  entries: readonly AuditEntryJson[];
  people: Readonly<Record<string, string>>;
  /** The workspace's log names each entry's plan; a plan's own log need not. */
  showPlan: boolean;
}) {
  return (
    <ol className="card audit-list" aria-label="Audit log entries, newest first">
      {entries.map((entry) => {
        const facts = auditFacts(entry, people);
        return (
          <li key={entry.id} className="audit-entry">
            <div className="audit-when">
              <RelativeTime iso={entry.at} />
              <span className="audit-exact">{formatDateTime(entry.at)}</span>
            </div>
            <div className="audit-what">
              <p className="audit-line">
                <strong>{entry.actor?.name || "Accord"}</strong> {auditSentence(entry, people)}
                {showPlan && entry.plan ? (
                  <>
                    {" "}
                    <span className="muted">on</span>{" "}
                    <Link to={`/plans/${entry.plan.id}`}>{entry.plan.title || "an untitled plan"}</Link>
                  </>
                ) : null}
              </p>
              {facts.length ? (
                <dl className="audit-facts">
                  {facts.map((fact) => (
                    <div key={fact.label} className="audit-fact">
                      <dt>{fact.label}</dt>
                      <dd>
                        {fact.code ? (
                          <code className="hash-chip">{fact.value}</code>
                        ) : fact.quote ? (
                          <q className="clamp" style={{ ["--lines" as string]: 3 }}>
                            {fact.value}
                          </q>
                        ) : (
                          fact.value
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
