import { createHash, randomBytes } from "node:crypto";
import { appendAudit } from "../../db/queries/audit";
import { consumeInvite, findUsableInvite, type InviteRow } from "../../db/queries/invites";
import { findMembership, insertMembership } from "../../db/queries/workspaces";
import type { Tx } from "../../db/sql";
import { createUser } from "../utils/accounts.server";
import type { AccordContext } from "../utils/context.server";

/** How long an invite link works. */
export const INVITE_DAYS = 7;

/** A token is 32 random bytes in base64url: 43 characters, nothing else. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: a copy of the invites table lets nobody join. */
export function inviteTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh single-use token, its hash for the database and when it stops working. */
export function newInviteToken(now = Date.now()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return {
    token,
    tokenHash: inviteTokenHash(token),
    expiresAt: new Date(now + INVITE_DAYS * 24 * 60 * 60 * 1000),
  };
}

/** The invite a token opens, or undefined when it is malformed, unknown, used, revoked or expired. */
export async function findInviteByToken(
  context: AccordContext,
  token: string | undefined,
): Promise<InviteRow | undefined> {
  if (!token || !TOKEN_PATTERN.test(token)) return undefined;
  return findUsableInvite(context.sql, inviteTokenHash(token));
}

export type JoinOutcome =
  | { kind: "joined"; userId: string; workspaceId: string }
  | { kind: "already-member"; workspaceId: string }
  | { kind: "duplicate-email" }
  | { kind: "unusable" };

/** Thrown inside the transaction to undo it when the invite was taken meanwhile. */
class InviteTaken extends Error {}

/**
 * Runs `join` in one transaction and turns a lost race for the invite into
 * "unusable" with everything rolled back (a new account included).
 */
async function inTransaction(
  context: AccordContext,
  join: (tx: Tx) => Promise<JoinOutcome>,
): Promise<JoinOutcome> {
  try {
    return await context.sql.begin(join);
  } catch (error) {
    if (error instanceof InviteTaken) return { kind: "unusable" };
    throw error;
  }
}

/**
 * Adds the user to the invite's workspace and uses up the invite, or does
 * nothing at all. Marking it used is one conditional UPDATE, so of two people
 * accepting the same link at once exactly one gets in.
 */
async function admit(
  tx: Tx,
  invite: InviteRow,
  userId: string,
  via: "signup" | "existing-account",
): Promise<void> {
  const added = await insertMembership(tx, {
    workspaceId: invite.workspaceId,
    userId,
    role: invite.role,
    team: invite.team,
    canSignOff: invite.canSignOff,
  });
  if (added !== "added" || !(await consumeInvite(tx, invite.id, userId))) throw new InviteTaken();
  await appendAudit(tx, {
    workspaceId: invite.workspaceId,
    actorId: userId,
    action: "member.joined",
    detail: { inviteId: invite.id, role: invite.role, team: invite.team, canSignOff: invite.canSignOff, via },
  });
}

/**
 * A logged-in user accepts. Someone who already belongs to the workspace is
 * told so and the link stays usable: it was meant for somebody else.
 */
export function joinAsUser(context: AccordContext, invite: InviteRow, userId: string): Promise<JoinOutcome> {
  return inTransaction(context, async (tx) => {
    if (await findMembership(tx, invite.workspaceId, userId)) {
      return { kind: "already-member", workspaceId: invite.workspaceId };
    }
    await admit(tx, invite, userId, "existing-account");
    return { kind: "joined", userId, workspaceId: invite.workspaceId };
  });
}

/** A new person accepts by creating their account: the account exists only if they got in. */
export function joinWithSignup(
  context: AccordContext,
  invite: InviteRow,
  values: { name: string; email: string; password: string },
): Promise<JoinOutcome> {
  return inTransaction(context, async (tx) => {
    const account = await createUser(tx, values);
    if (account.kind !== "ok") return { kind: "duplicate-email" };
    await admit(tx, invite, account.user.id, "signup");
    return { kind: "joined", userId: account.user.id, workspaceId: invite.workspaceId };
  });
}
