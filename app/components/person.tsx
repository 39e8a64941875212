import { TEAM_LABELS, type Team } from "../domain/membership";

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

/** A round avatar in the member's team colour. */
export function Avatar({ name, team }: { name: string; team: Team }) {
  return (
    <span className={`avatar team-${team}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/** Avatar, name and a line of detail: how a member is shown everywhere. */
export function Person({ name, team, detail }: { name: string; team: Team; detail?: string }) {
  return (
    <span className="person">
      <Avatar name={name} team={team} />
      <span>
        <span className="person-name">{name}</span>
        <br />
        <span className="person-meta">{detail ?? TEAM_LABELS[team]}</span>
      </span>
    </span>
  );
}

export function TeamLabel({ team }: { team: Team }) {
  return (
    <span className={`row team-${team}`} style={{ gap: "0.4rem" }}>
      <span className="team-dot" aria-hidden="true" />
      {TEAM_LABELS[team]}
    </span>
  );
}
