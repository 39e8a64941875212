import { ROLE_LABELS, TEAM_LABELS, type Role, type Team } from "../../domain/membership";
import { Avatar } from "../person";

export interface WorkspaceMember {
  userId: string;
  name: string;
  team: Team;
  role: Role;
  canSignOff: boolean;
}

/** Everyone in the plan's workspace, by team: who plans together, and who signs off. */
export function WorkspaceMembers({ members }: { members: WorkspaceMember[] }) {
  return (
    <section className="plan-members" aria-labelledby="plan-members-heading">
      <h2 id="plan-members-heading" className="eyebrow">
        Members · {members.length}
      </h2>
      <ul>
        {members.map((m) => (
          <li key={m.userId} className="person">
            <Avatar name={m.name} team={m.team} />
            <span>
              <span className="person-name">{m.name}</span>
              <br />
              <span className="person-meta">
                {TEAM_LABELS[m.team]} · {ROLE_LABELS[m.role]}
                {m.canSignOff ? " · signs off" : ""}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
