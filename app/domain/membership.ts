import { z } from "zod";

/** What a member may do in a workspace; see `can()` in policy.ts. */
export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
/** Which side of the house a member plays for; drives colours and default signers. */
export const TEAMS = ["sales", "marketing", "leadership", "other"] as const;

export type Role = (typeof ROLES)[number];
export type Team = (typeof TEAMS)[number];

export const RoleSchema = z.enum(ROLES, { error: "Choose a role." });
export const TeamSchema = z.enum(TEAMS, { error: "Choose a team." });

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  commenter: "Commenter",
  viewer: "Viewer",
};

export const ROLE_HINTS: Record<Role, string> = {
  owner: "manages members and plans",
  editor: "edits plans",
  commenter: "reads and comments",
  viewer: "reads only",
};

export const TEAM_LABELS: Record<Team, string> = {
  sales: "Sales",
  marketing: "Marketing",
  leadership: "Leadership",
  other: "Other",
};
