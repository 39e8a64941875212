import { appendAudit } from "../../db/queries/audit";
import { findInviteOfWorkspace, insertInvite, revokeInvite } from "../../db/queries/invites";
import { findUserByEmail } from "../../db/queries/users";
import {
  countOwnersForUpdate,
  deleteMembership,
  findMember,
  findMembership,
  insertMembership,
  updateMembership,
  type MemberRow,
} from "../../db/queries/workspaces";
import type { Tx } from "../../db/sql";
import { ROLE_LABELS, TEAM_LABELS, type Role, type Team } from "../domain/membership";
import { can } from "../domain/policy";
import type { Member } from "../utils/auth.server";
import type { AccordContext } from "../utils/context.server";
import { forbidden, notFound } from "../utils/http.server";
import { newInviteToken } from "./invite.server";

/** Role, team and sign-off right of a member or an invite. */
export interface Settings {
  role: Role;
  team: Team;
  canSignOff: boolean;
}

/**
 * What a members action did. `field` errors belong next to one input; a
 * `refused` message is about the request as a whole.
 */
export type Outcome =
  | { kind: "ok"; message: string; leftWorkspace?: boolean }
  | { kind: "field"; field: string; message: string }
  | { kind: "refused"; message: string; status: number };

const NO_SUCH_MEMBER = "There is no such member in this workspace.";

const settingsOf = (m: Settings): Settings => ({ role: m.role, team: m.team, canSignOff: m.canSignOff });

const sameSettings = (a: Settings, b: Settings) =>
  a.role === b.role && a.team === b.team && a.canSignOff === b.canSignOff;

/** "an editor in Sales, able to sign off", for the messages after a change. */
function describe(s: Settings): string {
  const role = ROLE_LABELS[s.role].toLowerCase();
  const article = /^[aeiou]/.test(role) ? "an" : "a";
  return `${article} ${role} in ${TEAM_LABELS[s.team]}${s.canSignOff ? ", able to sign off" : ""}`;
}

/**
 * Locks the workspace's owners, then re-reads the actor's standing and the
 * target: what the owner saw on the page may be stale, and two owners demoting
 * each other at once must not leave the workspace without one.
 */
async function lockAndLoad(
  tx: Tx,
  actor: Member,
  userId: string,
): Promise<{ owners: number; target: MemberRow }> {
  const workspaceId = actor.membership.workspaceId;
  const owners = await countOwnersForUpdate(tx, workspaceId);
  const me = await findMembership(tx, workspaceId, actor.user.id);
  if (!can(me, "members.manage")) forbidden("Only workspace owners can change members.");
  const target = await findMember(tx, workspaceId, userId);
  if (!target) notFound(NO_SUCH_MEMBER);
  return { owners, target };
}

function onlyOwnerMessage(target: MemberRow, actor: Member, doing: "demote" | "remove"): string {
  if (target.userId === actor.user.id) {
    return doing === "remove"
      ? "You are the only owner of this workspace. Make someone else an owner before you leave it."
      : "You are the only owner of this workspace. Make someone else an owner before you change your own role.";
  }
  return `${target.name} is the only owner of this workspace. Make someone else an owner first: a workspace always needs one.`;
}

/** Changes a member's role, team and sign-off right, keeping at least one owner. */
export function updateMember(
  context: AccordContext,
  actor: Member,
  userId: string,
  next: Settings,
): Promise<Outcome> {
  const workspaceId = actor.membership.workspaceId;
  return context.sql.begin(async (tx): Promise<Outcome> => {
    const { owners, target } = await lockAndLoad(tx, actor, userId);
    const before = settingsOf(target);
    const after = settingsOf(next);
    if (sameSettings(before, after)) return { kind: "ok", message: `Nothing to change for ${target.name}.` };
    if (before.role === "owner" && after.role !== "owner" && owners <= 1) {
      return { kind: "refused", status: 409, message: onlyOwnerMessage(target, actor, "demote") };
    }
    await updateMembership(tx, { workspaceId, userId, ...after });
    await appendAudit(tx, {
      workspaceId,
      actorId: actor.user.id,
      action: "member.changed",
      detail: { userId, before, after },
    });
    const who = target.userId === actor.user.id ? "You are" : `${target.name} is`;
    return { kind: "ok", message: `Saved. ${who} now ${describe(after)}.` };
  });
}

/** Removes a member; an owner may leave only while another owner remains. */
export function removeMember(context: AccordContext, actor: Member, userId: string): Promise<Outcome> {
  const workspaceId = actor.membership.workspaceId;
  return context.sql.begin(async (tx): Promise<Outcome> => {
    const { owners, target } = await lockAndLoad(tx, actor, userId);
    if (target.role === "owner" && owners <= 1) {
      return { kind: "refused", status: 409, message: onlyOwnerMessage(target, actor, "remove") };
    }
    await deleteMembership(tx, workspaceId, userId);
    await appendAudit(tx, {
      workspaceId,
      actorId: actor.user.id,
      action: "member.removed",
      detail: { userId, name: target.name, email: target.email, ...settingsOf(target) },
    });
    const self = target.userId === actor.user.id;
    return {
      kind: "ok",
      message: self
        ? `You left ${actor.membership.workspaceName}.`
        : `Removed ${target.name} from the workspace.`,
      leftWorkspace: self,
    };
  });
}

/** Adds someone who already has an Accord account straight to the workspace. */
export function inviteByEmail(
  context: AccordContext,
  actor: Member,
  values: Settings & { email: string },
): Promise<Outcome> {
  const workspaceId = actor.membership.workspaceId;
  return context.sql.begin(async (tx): Promise<Outcome> => {
    const user = await findUserByEmail(tx, values.email);
    if (!user) {
      return {
        kind: "field",
        field: "email",
        message: "No Accord account uses this e-mail. Create an invite link instead.",
      };
    }
    const settings = settingsOf(values);
    const added = await insertMembership(tx, { workspaceId, userId: user.id, ...settings });
    if (added === "already-member") {
      return {
        kind: "field",
        field: "email",
        message: `${user.name} is already a member of this workspace.`,
      };
    }
    await appendAudit(tx, {
      workspaceId,
      actorId: actor.user.id,
      action: "member.added",
      detail: { userId: user.id, email: user.email, ...settings },
    });
    return { kind: "ok", message: `Added ${user.name} as ${describe(settings)}.` };
  });
}

/**
 * Creates a single-use invite link. The token is returned once, to be shown
 * once; only its hash is stored.
 */
export async function createInviteLink(
  context: AccordContext,
  actor: Member,
  values: Settings,
): Promise<{ url: string; expiresAt: Date }> {
  const workspaceId = actor.membership.workspaceId;
  const { token, tokenHash, expiresAt } = newInviteToken();
  await context.sql.begin(async (tx) => {
    const settings = settingsOf(values);
    const invite = await insertInvite(tx, {
      workspaceId,
      tokenHash,
      ...settings,
      createdBy: actor.user.id,
      expiresAt,
    });
    await appendAudit(tx, {
      workspaceId,
      actorId: actor.user.id,
      action: "member.invited",
      detail: { inviteId: invite.id, ...settings, expiresAt: expiresAt.toISOString() },
    });
  });
  return { url: `${context.appOrigin}/invite/${token}`, expiresAt };
}

/** Revokes a pending invite of the current workspace; another workspace's invite is a 404. */
export function revokePendingInvite(
  context: AccordContext,
  actor: Member,
  inviteId: string,
): Promise<Outcome> {
  const workspaceId = actor.membership.workspaceId;
  return context.sql.begin(async (tx): Promise<Outcome> => {
    if (!(await revokeInvite(tx, workspaceId, inviteId))) {
      if (!(await findInviteOfWorkspace(tx, workspaceId, inviteId)))
        notFound("There is no such invite in this workspace.");
      return { kind: "refused", status: 409, message: "That invite was already used or revoked." };
    }
    await appendAudit(tx, {
      workspaceId,
      actorId: actor.user.id,
      action: "invite.revoked",
      detail: { inviteId },
    });
    return { kind: "ok", message: "Invite revoked. Its link no longer works." };
  });
}
