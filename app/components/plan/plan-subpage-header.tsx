import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PlanStatus } from "../../domain/plan-status";
import { StatusBadge } from "../status-badge";

/**
 * The header of a page about one plan (dashboard, actuals, versions, audit
 * log): the way back to the plans and the plan, the page's title and what
 * it is for, the plan's status and the links to its other records.
 */
export function PlanSubpageHeader({
  plan,
  title,
  links,
  children,
}: {
  plan: { id: string; title: string; status: PlanStatus };
  title: string;
  /** The plan's other records, as buttons beside the status; hidden ones are left out by the caller. */
  links: ReadonlyArray<{ to: string; label: string }>;
  /** One sentence on what the page is for. */
  children: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <p className="eyebrow">
          <Link to="/plans">Plans</Link> · <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
        </p>
        <h1>{title}</h1>
        <p className="muted">{children}</p>
      </div>
      <div className="row">
        <StatusBadge status={plan.status} />
        {links.map((link) => (
          <Link key={link.to} className="button secondary small" to={link.to}>
            {link.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
