import { appendAudit } from "../../db/queries/audit";
import { insertUser, isDuplicateEmail, type UserRow } from "../../db/queries/users";
import { insertMembership, insertWorkspace } from "../../db/queries/workspaces";
import type { Db, Tx } from "../../db/sql";
import type { AccordContext } from "./context.server";
import { hashPassword } from "./password.server";

export type NewAccount = { kind: "ok"; user: UserRow } | { kind: "duplicate-email" };

/**
 * Creates a user inside `tx`, or reports that the e-mail is taken (the unique
 * index decides, so two sign-ups racing for one address cannot both win).
 */
export async function createUser(
  tx: Tx,
  values: { name: string; email: string; password: string },
): Promise<NewAccount> {
  const passwordHash = await hashPassword(values.password);
  try {
    const user = await tx.savepoint((sp) => insertUser(sp, { ...values, passwordHash }));
    return { kind: "ok", user };
  } catch (error) {
    if (isDuplicateEmail(error)) return { kind: "duplicate-email" };
    throw error;
  }
}

/** A workspace with its first member as owner, audited. */
export async function createWorkspaceFor(
  tx: Db,
  userId: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const workspace = await insertWorkspace(tx, name);
  await insertMembership(tx, {
    workspaceId: workspace.id,
    userId,
    role: "owner",
    team: "leadership",
    canSignOff: false,
  });
  await appendAudit(tx, {
    workspaceId: workspace.id,
    actorId: userId,
    action: "workspace.created",
    detail: { name },
  });
  return workspace;
}

/** Sign-up: the user, their new workspace and their ownership of it, all or nothing. */
export async function signUp(
  context: AccordContext,
  values: { name: string; email: string; password: string; workspace: string },
): Promise<{ kind: "ok"; userId: string; workspaceId: string } | { kind: "duplicate-email" }> {
  return context.sql.begin(async (tx) => {
    const account = await createUser(tx, values);
    if (account.kind !== "ok") return account;
    const workspace = await createWorkspaceFor(tx, account.user.id, values.workspace);
    return { kind: "ok" as const, userId: account.user.id, workspaceId: workspace.id };
  });
}
