import { Person, TeamLabel } from "../person";
import { ROLE_LABELS, type Role, type Team } from "../../domain/membership";

/** A member as the members page shows it: who, and what they may do in this workspace. */
export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: Role;
  team: Team;
  canSignOff: boolean;
}

/** Avatar, name and e-mail, with a "You" badge on the viewer's own row. */
export function MemberName({ member, isSelf }: { member: MemberSummary; isSelf: boolean }) {
  return (
    <span className="member-name">
      <Person name={member.name} team={member.team} detail={member.email} />
      {isSelf ? <span className="badge neutral">You</span> : null}
    </span>
  );
}

/**
 * The sign-off right as a badge, or a dash that screen readers hear as "No"
 * (an empty cell would be read as nothing at all).
 */
export function SignsOff({ canSignOff }: { canSignOff: boolean }) {
  if (canSignOff) return <span className="badge signs-off">Signs off</span>;
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">No</span>
    </span>
  );
}

/** One member's row for someone who may look but not change: plain text, no controls. */
export function MemberRow({ member, isSelf }: { member: MemberSummary; isSelf: boolean }) {
  return (
    <tr>
      <td>
        <MemberName member={member} isSelf={isSelf} />
      </td>
      <td>
        <TeamLabel team={member.team} />
      </td>
      <td>{ROLE_LABELS[member.role]}</td>
      <td>
        <SignsOff canSignOff={member.canSignOff} />
      </td>
    </tr>
  );
}
