import type { ReactNode, Ref } from "react";

/**
 * The plan page's frame, the same while the document opens and once it is
 * live: header, a sticky bar (connection, presence, history, comments), an
 * optional banner, the section index on the left, the section cards, and
 * the comments panel on the right while it is open.
 */
export function PlanLayout({
  header,
  bar,
  banner,
  index,
  barRef,
  panel,
  panelOpen = false,
  children,
}: {
  header: ReactNode;
  bar: ReactNode;
  /** The sticky bar, measured so that scrolling to a section stops below it. */
  barRef?: Ref<HTMLDivElement>;
  banner?: ReactNode;
  index: ReactNode;
  /** The comments side panel. */
  panel?: ReactNode;
  /** Makes room for the panel beside the sections. */
  panelOpen?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`plan-page${panelOpen ? " has-panel" : ""}`}>
      {header}
      <div className="plan-bar" ref={barRef}>
        {bar}
      </div>
      {banner}
      <div className="plan-body">
        <aside className="plan-aside">{index}</aside>
        <div className="plan-sections">{children}</div>
        {panel}
      </div>
    </div>
  );
}

/** Title block of the plan page. `title` is the h1 (or the rename form in its place). */
export function PlanHeader({
  eyebrow,
  title,
  details,
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  details: ReactNode;
}) {
  return (
    <div className="page-header plan-header">
      <div className="plan-header-main">
        <p className="eyebrow">{eyebrow}</p>
        {title}
        <div className="row plan-details">{details}</div>
      </div>
    </div>
  );
}

/** What the page shows in place of the sections while the plan opens. */
export function OpeningPlan({ unreachable }: { unreachable: boolean }) {
  return (
    <div className="card opening-plan" aria-busy={!unreachable}>
      <span className="spinner" aria-hidden="true" />
      <div>
        <p className="opening-title">Opening the plan…</p>
        {unreachable ? (
          <p className="muted">
            Accord can’t be reached right now. The plan opens as soon as the connection is back; nothing you
            did before is lost.
          </p>
        ) : (
          <p className="muted">Loading the latest version and who is here.</p>
        )}
      </div>
    </div>
  );
}
