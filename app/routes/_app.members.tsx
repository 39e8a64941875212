import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listPendingInvites } from "../../db/queries/invites";
import { listMembers } from "../../db/queries/workspaces";
import { InviteByEmail } from "../components/members/invite-by-email";
import { InviteLink } from "../components/members/invite-link";
import { MemberRow } from "../components/members/member-row";
import { MemberRowForm } from "../components/members/member-row-form";
import { PendingInvites } from "../components/members/pending-invites";
import { InviteByEmailSchema, InviteLinkSchema, MemberSettingsSchema } from "../domain/forms";
import { can } from "../domain/policy";
import { requireMember, requirePermission } from "../utils/auth.server";
import stylesheet from "../styles/members.css?url";
import {
  createInviteLink,
  inviteByEmail,
  removeMember,
  revokePendingInvite,
  updateMember,
  type Outcome,
} from "./members.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: "Members · Accord" }];

const NO_RIGHT = "Only workspace owners can invite, change or remove members.";

/** Every form of the page posts here; `intent` says which one. */
const MembersActionSchema = z.discriminatedUnion(
  "intent",
  [
    MemberSettingsSchema.extend({
      intent: z.literal("update-member"),
      userId: z.uuid({ error: "Choose a member." }),
    }),
    z.object({ intent: z.literal("remove-member"), userId: z.uuid({ error: "Choose a member." }) }),
    InviteByEmailSchema.extend({ intent: z.literal("invite-email") }),
    InviteLinkSchema.extend({ intent: z.literal("create-link") }),
    z.object({ intent: z.literal("revoke-invite"), inviteId: z.uuid({ error: "Choose an invite." }) }),
  ],
  { error: "Choose what to do." },
);

/** Fields the page sets itself, never typed by the owner. */
const HIDDEN_FIELDS = ["intent", "userId", "inviteId"] as const;

type ActionData = {
  /** The form the answer belongs to, so only that one shows its errors. */
  formId: string;
  result: SubmissionResult<string[]>;
  ok?: string;
  error?: string;
  link?: { url: string; expiresAt: string };
};

const rowFormId = (userId: string) => `member-${userId}`;
const REVOKE_PREFIX = "revoke-";

/** Which form posted, worked out from the raw fields (they may not be valid). */
function formIdOf(formData: FormData): string {
  const intent = String(formData.get("intent") ?? "");
  if (intent === "update-member") return rowFormId(String(formData.get("userId") ?? ""));
  if (intent === "remove-member") return `remove-${String(formData.get("userId") ?? "")}`;
  if (intent === "revoke-invite") return `${REVOKE_PREFIX}${String(formData.get("inviteId") ?? "")}`;
  return intent;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  requirePermission(member.membership, "members.read");
  const workspaceId = member.membership.workspaceId;
  const canManage = can(member.membership, "members.manage");
  const [members, invites] = await Promise.all([
    listMembers(context.sql, workspaceId),
    canManage ? listPendingInvites(context.sql, workspaceId) : Promise.resolve([]),
  ]);
  return {
    workspaceName: member.membership.workspaceName,
    currentUserId: member.user.id,
    canManage,
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      team: m.team,
      canSignOff: m.canSignOff,
    })),
    invites: invites.map((i) => ({
      id: i.id,
      role: i.role,
      team: i.team,
      canSignOff: i.canSignOff,
      createdByName: i.createdByName,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request, context);
  requirePermission(member.membership, "members.manage", NO_RIGHT);
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const submission = parseWithZod(formData, { schema: MembersActionSchema });
  if (submission.status !== "success") {
    // Hidden fields have no place on the page for their message: say it above everything.
    const hidden = HIDDEN_FIELDS.flatMap((name) => submission.error?.[name] ?? []);
    return data<ActionData>({ formId, result: submission.reply(), error: hidden[0] }, { status: 400 });
  }
  const value = submission.value;
  const answer = (outcome: Outcome, options: { resetForm?: boolean } = {}) => {
    if (outcome.kind === "ok") {
      return data<ActionData>({ formId, result: submission.reply(options), ok: outcome.message });
    }
    if (outcome.kind === "field") {
      return data<ActionData>(
        { formId, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) },
        { status: 400 },
      );
    }
    // Refused as a whole: the form goes back to what is stored, and the page says why.
    return data<ActionData>(
      { formId, result: submission.reply({ resetForm: true }), error: outcome.message },
      { status: outcome.status },
    );
  };

  switch (value.intent) {
    case "update-member": {
      const { userId, role, team, canSignOff } = value;
      return answer(await updateMember(context, member, userId, { role, team, canSignOff }));
    }
    case "remove-member": {
      const outcome = await removeMember(context, member, value.userId);
      // Leaving the workspace: the next page belongs to another one (or to creating one).
      if (outcome.kind === "ok" && outcome.leftWorkspace) throw redirect("/plans");
      return answer(outcome);
    }
    case "invite-email": {
      const { email, role, team, canSignOff } = value;
      return answer(await inviteByEmail(context, member, { email, role, team, canSignOff }), {
        resetForm: true,
      });
    }
    case "create-link": {
      const { role, team, canSignOff } = value;
      const link = await createInviteLink(context, member, { role, team, canSignOff });
      return data<ActionData>({
        formId,
        result: submission.reply(),
        ok: "Invite link created. Copy it now: it is shown only once.",
        link: { url: link.url, expiresAt: link.expiresAt.toISOString() },
      });
    }
    case "revoke-invite":
      return answer(await revokePendingInvite(context, member, value.inviteId));
  }
}

/**
 * The page: who is in the workspace and, for owners, the ways to add people.
 * Each form gets back only the action's answer that belongs to it.
 */
export default function Members() {
  const { workspaceName, members, invites, canManage, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (formId: string): SubmissionResult<string[]> | undefined =>
    actionData?.formId === formId ? actionData.result : undefined;
  const revokeFailure =
    actionData?.formId.startsWith(REVOKE_PREFIX) && actionData.error
      ? { inviteId: actionData.formId.slice(REVOKE_PREFIX.length), message: actionData.error }
      : undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Members</h1>
          <p className="muted">
            {canManage
              ? "Who is in this workspace, their team and what they may do. Changes apply at once."
              : "Who is in this workspace, their team and what they may do. Only owners can change members."}
          </p>
        </div>
      </div>

      {actionData?.ok ? (
        <div className="alert success" role="status">
          {actionData.ok}
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="alert error" role="alert">
          {actionData.error}
        </div>
      ) : null}

      <section className="card" aria-labelledby="members-heading">
        <div className="card-title">
          <h2 id="members-heading">People</h2>
          <span className="muted">
            {members.length} {members.length === 1 ? "member" : "members"}
          </span>
        </div>
        <div className="table-wrap">
          <table className={canManage ? "members-table editable" : "members-table"}>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Team</th>
                <th scope="col">Role</th>
                <th scope="col">Signs off</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) =>
                canManage ? (
                  <MemberRowForm
                    key={m.userId}
                    formId={rowFormId(m.userId)}
                    member={m}
                    isSelf={m.userId === currentUserId}
                    workspaceName={workspaceName}
                    lastResult={resultFor(rowFormId(m.userId))}
                  />
                ) : (
                  <MemberRow key={m.userId} member={m} isSelf={m.userId === currentUserId} />
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>

      {canManage ? (
        <>
          <div className="grid-2 members-invite-grid">
            <InviteByEmail lastResult={resultFor("invite-email")} />
            <InviteLink
              lastResult={resultFor("create-link")}
              link={actionData?.formId === "create-link" ? actionData.link : undefined}
            />
          </div>
          <PendingInvites invites={invites} revokeFailure={revokeFailure} />
        </>
      ) : null}
    </>
  );
}
