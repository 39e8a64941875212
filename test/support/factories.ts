import type { Role, Team } from "../../app/domain/membership";
import { hashPassword } from "../../app/utils/password.server";
import { insertUser, type UserRow } from "../../db/queries/users";
import { insertMembership, insertWorkspace, type WorkspaceRow } from "../../db/queries/workspaces";
import type { Db } from "../../db/sql";
import { buildUser, type BuiltUser } from "./build-user";

export { buildUser, type BuiltUser };

/** A user made straight in the database, with the password to log in as them. */
export interface CreatedMember {
  user: UserRow;
  email: string;
  password: string;
}

export interface MemberOptions {
  workspaceId: string;
  role?: Role;
  team?: Team;
  canSignOff?: boolean;
  /** Name, email or password instead of buildUser()'s. */
  user?: Partial<Pick<BuiltUser, "name" | "email" | "password">>;
}

/**
 * Inserts a user and their membership of a workspace, skipping the sign-up
 * and invite pages, for tests about what members can do. Defaults: an editor
 * in team `other` who cannot sign off.
 */
export async function createMember(db: Db, options: MemberOptions): Promise<CreatedMember> {
  const built = buildUser(options.user);
  const user = await insertUser(db, {
    email: built.email,
    name: built.name,
    passwordHash: await hashPassword(built.password),
  });
  await insertMembership(db, {
    workspaceId: options.workspaceId,
    userId: user.id,
    role: options.role ?? "editor",
    team: options.team ?? "other",
    canSignOff: options.canSignOff ?? false,
  });
  return { user, email: built.email, password: built.password };
}

/** A new workspace and its owner (team leadership), as sign-up would leave them. */
export async function createWorkspaceWithOwner(
  db: Db,
  options: { name?: string; owner?: MemberOptions["user"] } = {},
): Promise<{ workspace: WorkspaceRow; owner: CreatedMember }> {
  const workspace = await insertWorkspace(db, options.name ?? buildUser().workspace);
  const owner = await createMember(db, {
    workspaceId: workspace.id,
    role: "owner",
    team: "leadership",
    user: options.owner,
  });
  return { workspace, owner };
}
