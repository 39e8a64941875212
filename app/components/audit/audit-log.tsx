import { Form } from "@remix-run/react";
import { useId } from "react";
import { AuditList } from "./audit-list";
import type { AuditEntryJson } from "../../domain/audit";
import { AUDIT_ACTION_NAMES } from "./audit-words";

/**
 * An audit log page's body: the filter, the entries, "Load older" while
 * there are older ones, and what to say when there is nothing.
 */
export function AuditLog({
  pages: { entries, olderHref, loading, loadOlder },
  people,
  actions,
  action,
  showPlan,
}: {
  /** The entries shown so far and how to load older ones. */
  pages: {
    entries: readonly AuditEntryJson[];
    olderHref: string | null;
    loading: boolean;
    loadOlder: () => void;
  };
  people: Readonly<Record<string, string>>;
  actions: readonly string[];
  action: string | null;
  showPlan: boolean;
}) {
  return (
    <>
      <div className="audit-toolbar">
        <AuditFilter actions={actions} current={action} />
        <p className="muted audit-note">The log is append-only: nobody can change or delete an entry.</p>
      </div>
      {entries.length === 0 ? (
        <div className="card empty-state">
          <h2>Nothing here yet</h2>
          <p>
            {action
              ? `No entries of “${AUDIT_ACTION_NAMES[action] ?? action}” yet.`
              : "Submissions, signatures, approvals, versions and changes of members appear here as they happen."}
          </p>
        </div>
      ) : (
        <AuditList entries={entries} people={people} showPlan={showPlan} />
      )}
      {olderHref ? (
        <p className="audit-more">
          <a
            className="button secondary"
            href={olderHref}
            aria-disabled={loading}
            onClick={(event) => {
              event.preventDefault();
              loadOlder();
            }}
          >
            {loading ? "Loading…" : "Load older"}
          </a>
        </p>
      ) : entries.length > 0 ? (
        <p className="muted audit-end">That is the beginning of the log.</p>
      ) : null}
    </>
  );
}

/**
 * Which entries to show: all, or one action. The page reloads as soon as
 * the choice changes (the button does it without JavaScript).
 */
function AuditFilter({ actions, current }: { actions: readonly string[]; current: string | null }) {
  const id = useId();
  return (
    <Form method="get" className="audit-filter" preventScrollReset>
      <label htmlFor={id}>Show</label>
      <select
        id={id}
        name="action"
        defaultValue={current ?? ""}
        key={current ?? ""}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <option value="">Everything</option>
        {actions.map((action) => (
          <option key={action} value={action}>
            {AUDIT_ACTION_NAMES[action] ?? action}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button secondary small">
          Filter
        </button>
      </noscript>
    </Form>
  );
}
