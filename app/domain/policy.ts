import type { Role } from "./membership";

/** Everything a member can be allowed or refused, checked by UI and server alike. */
export type Action =
  | "plan.read"
  | "plan.create"
  | "plan.edit"
  | "plan.comment"
  /** Create and revoke read-only share links for people outside the workspace. */
  | "plan.share"
  | "members.read"
  | "members.manage";

/** The smallest facts about a member that decide what they may do. */
export interface Actor {
  role: Role;
}

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  owner: new Set<Action>([
    "plan.read",
    "plan.create",
    "plan.edit",
    "plan.comment",
    "plan.share",
    "members.read",
    "members.manage",
  ]),
  editor: new Set<Action>(["plan.read", "plan.create", "plan.edit", "plan.comment", "members.read"]),
  commenter: new Set<Action>(["plan.read", "plan.comment", "members.read"]),
  viewer: new Set<Action>(["plan.read", "members.read"]),
};

/**
 * The one answer to "may this member do that?". The UI uses it to hide what a
 * member cannot do; the server uses the same function to refuse it.
 */
export function can(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  return GRANTS[actor.role].has(action);
}
