import type { Team } from "../../domain/membership";

export interface SectionIndexEntry {
  anchor: string;
  label: string;
  /** Teams of the people in it now, one dot each (at most three shown). */
  visitors: ReadonlyArray<{ userId: string; name: string; team: Team }>;
}

/** The plan's table of contents: anchors to every section, with a dot for each person working there. */
export function SectionIndex({ entries }: { entries: readonly SectionIndexEntry[] }) {
  return (
    <nav className="section-index" aria-label="Plan sections">
      <ol>
        {entries.map((entry) => (
          <li key={entry.anchor}>
            <a href={`#${entry.anchor}`}>
              <span>{entry.label}</span>
              {entry.visitors.length > 0 ? (
                <span className="index-dots" title={entry.visitors.map((v) => v.name).join(", ")}>
                  <span className="visually-hidden">
                    {`, ${entry.visitors.length} ${entry.visitors.length === 1 ? "person" : "people"} here`}
                  </span>
                  {entry.visitors.slice(0, 3).map((v) => (
                    <span key={v.userId} className={`team-dot team-${v.team}`} aria-hidden="true" />
                  ))}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
