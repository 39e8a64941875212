import type { ReactNode } from "react";
import type { Team } from "../../domain/membership";
import { initials } from "../person";

/** Someone working in a section, as its card shows them. */
export interface SectionVisitor {
  userId: string;
  name: string;
  team: Team;
}

/**
 * One section of the plan as a card: its heading (the anchor the section
 * index and "follow" scroll to), a one-line hint, who else is in it now,
 * its actions (the comment button) and its content.
 */
export function SectionFrame({
  id,
  title,
  hint,
  visitors = [],
  actions,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  visitors?: readonly SectionVisitor[];
  /** Controls beside the heading, e.g. the section's comment button. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} className="card plan-section" aria-labelledby={headingId}>
      <header className="plan-section-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          <p className="hint">{hint}</p>
        </div>
        <div className="section-header-side">
          {visitors.length > 0 ? (
            <p className="section-visitors">
              <span className="visually-hidden">Here now: {visitors.map((v) => v.name).join(", ")}</span>
              {visitors.slice(0, 4).map((v) => (
                <span
                  key={v.userId}
                  className={`avatar mini team-${v.team}`}
                  title={`${v.name} is here`}
                  aria-hidden="true"
                >
                  {initials(v.name)}
                </span>
              ))}
            </p>
          ) : null}
          {actions}
        </div>
      </header>
      {children}
    </section>
  );
}

/** A section the document does not have in a usable shape (an old or damaged plan): said, never repaired here. */
export function SectionUnavailable({ what }: { what: string }) {
  return (
    <p className="section-unavailable">
      {what} is not available in this plan. It was made before this part existed, or its content could not be
      read. Nothing was changed.
    </p>
  );
}
