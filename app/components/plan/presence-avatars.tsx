import { TEAM_LABELS, type Team } from "../../domain/membership";
import { initials } from "../person";

/** A person in the plan now, as the presence row shows them. */
export interface PresenceView {
  userId: string;
  name: string;
  team: Team;
  isMe: boolean;
  /** Label of the section they are in, if known. */
  where: string | null;
}

/** How many avatars show before the rest fold into "+N". */
const VISIBLE = 5;

/**
 * Everyone in the plan right now. Clicking someone else's avatar follows
 * them; "You" is marked and not clickable. `followControl` is the attribute
 * that tells the follow hook these clicks are not "clicking elsewhere".
 */
export function PresenceAvatars({
  people,
  followedId,
  onFollow,
  followControl,
}: {
  people: readonly PresenceView[];
  followedId: string | null;
  onFollow: (userId: string) => void;
  followControl: string;
}) {
  const visible = people.slice(0, VISIBLE);
  const rest = people.slice(VISIBLE);
  const marker = { [followControl]: "" };
  return (
    <div className="presence" aria-label={`In this plan now: ${people.length}`} role="group">
      <ul className="presence-list">
        {visible.map((person) => (
          <li key={person.userId}>
            <PresenceAvatar
              person={person}
              followed={person.userId === followedId}
              onFollow={onFollow}
              marker={marker}
            />
          </li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="presence-more" {...marker}>
          <summary aria-label={`${rest.length} more people`}>+{rest.length}</summary>
          <ul className="presence-menu">
            {rest.map((person) => (
              <li key={person.userId}>
                <PresenceAvatar
                  person={person}
                  followed={person.userId === followedId}
                  onFollow={onFollow}
                  marker={marker}
                  withName
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function PresenceAvatar({
  person,
  followed,
  onFollow,
  marker,
  withName = false,
}: {
  person: PresenceView;
  followed: boolean;
  onFollow: (userId: string) => void;
  marker: Record<string, string>;
  withName?: boolean;
}) {
  const team = TEAM_LABELS[person.team];
  const where = person.where ? `, in ${person.where}` : "";
  const face = (
    <span className={`avatar presence-avatar team-${person.team}`} aria-hidden="true">
      {initials(person.name)}
    </span>
  );
  if (person.isMe) {
    return (
      <span className="presence-item is-me" title={`You (${person.name})`}>
        {face}
        <span className="presence-you">You</span>
        <span className="visually-hidden">{` (${person.name}, ${team})`}</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`presence-item${followed ? " is-followed" : ""}`}
      title={`${person.name} · ${team}${where}. Click to follow.`}
      aria-pressed={followed}
      onClick={() => onFollow(person.userId)}
      {...marker}
    >
      {face}
      {withName ? <span className="presence-name">{person.name}</span> : null}
      <span className="visually-hidden">{`Follow ${person.name} (${team}${where})`}</span>
    </button>
  );
}

/** "Following Maya · Stop": shown while this person's view follows someone. */
export function FollowingBar({
  name,
  where,
  onStop,
  followControl,
}: {
  name: string;
  where: string | null;
  onStop: () => void;
  followControl: string;
}) {
  const first = name.split(/\s+/)[0] ?? name;
  return (
    <p className="following-bar" role="status" {...{ [followControl]: "" }}>
      <span>
        Following <strong>{first}</strong>
        {where ? <span className="following-where"> · {where}</span> : null}
      </span>
      <button type="button" className="link-button" onClick={onStop}>
        Stop
      </button>
    </p>
  );
}
