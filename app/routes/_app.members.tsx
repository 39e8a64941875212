import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { listPendingInvites } from "../../db/queries/invites";
import { listMembers } from "../../db/queries/workspaces";
import { FieldError, FormErrors, SelectField, TextField } from "../components/field";
import { Person, TeamLabel } from "../components/person";
import { InviteByEmailSchema, InviteLinkSchema, MemberSettingsSchema } from "../domain/forms";
import {
  ROLE_HINTS,
  ROLE_LABELS,
  ROLES,
  TEAM_LABELS,
  TEAMS,
  type Role,
  type Team,
} from "../domain/membership";
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

/** Which form posted, worked out from the raw fields (they may not be valid). */
function formIdOf(formData: FormData): string {
  const intent = String(formData.get("intent") ?? "");
  if (intent === "update-member") return rowFormId(String(formData.get("userId") ?? ""));
  if (intent === "remove-member") return `remove-${String(formData.get("userId") ?? "")}`;
  if (intent === "revoke-invite") return `revoke-${String(formData.get("inviteId") ?? "")}`;
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

/** A fixed, time-zone-explicit rendering, the same on the server and in the browser. */
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

const roleOptions = (roles: readonly Role[]) =>
  roles.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}: ${ROLE_HINTS[r]}` }));
const teamOptions = [
  { value: "", label: "Choose a team…" },
  ...TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] })),
];

export default function Members() {
  const { workspaceName, members, invites, canManage, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
                  <EditableMemberRow
                    key={m.userId}
                    member={m}
                    isSelf={m.userId === currentUserId}
                    workspaceName={workspaceName}
                    actionData={actionData}
                  />
                ) : (
                  <tr key={m.userId}>
                    <td>
                      <MemberName member={m} isSelf={m.userId === currentUserId} />
                    </td>
                    <td>
                      <TeamLabel team={m.team} />
                    </td>
                    <td>{ROLE_LABELS[m.role]}</td>
                    <td>
                      {m.canSignOff ? <span className="badge signs-off">Signs off</span> : <SignsOffNo />}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>

      {canManage ? (
        <>
          <div className="grid-2 members-invite-grid">
            <InviteByEmail actionData={actionData} />
            <InviteLink actionData={actionData} />
          </div>
          <PendingInvites invites={invites} actionData={actionData} />
        </>
      ) : null}
    </>
  );
}

type LoadedMember = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];
type LoadedInvite = ReturnType<typeof useLoaderData<typeof loader>>["invites"][number];

function MemberName({ member, isSelf }: { member: LoadedMember; isSelf: boolean }) {
  return (
    <span className="member-name">
      <Person name={member.name} team={member.team} detail={member.email} />
      {isSelf ? <span className="badge neutral">You</span> : null}
    </span>
  );
}

function SignsOffNo() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">No</span>
    </span>
  );
}

/** One member's row for an owner: team, role and sign-off right, saved together; remove with a confirm step. */
function EditableMemberRow({
  member,
  isSelf,
  workspaceName,
  actionData,
}: {
  member: LoadedMember;
  isSelf: boolean;
  workspaceName: string;
  actionData: ActionData | undefined;
}) {
  const navigation = useNavigation();
  const formId = rowFormId(member.userId);
  const [form, fields] = useForm({
    id: formId,
    lastResult: actionData?.formId === formId ? actionData.result : undefined,
    defaultValue: { role: member.role, team: member.team, canSignOff: member.canSignOff },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembersActionSchema }),
    shouldValidate: "onSubmit",
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("userId") === member.userId;
  return (
    <tr>
      <td>
        <MemberName member={member} isSelf={isSelf} />
      </td>
      <td>
        <RowSelect
          meta={fields.team}
          label={`Team of ${member.name}`}
          options={TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] }))}
        />
      </td>
      <td>
        <RowSelect
          meta={fields.role}
          label={`Role of ${member.name}`}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      </td>
      <td>
        <label className="checkbox">
          <input {...getInputProps(fields.canSignOff, { type: "checkbox" })} key={fields.canSignOff.key} />
          <span className="visually-hidden">{`${member.name} can sign off`}</span>
        </label>
        <FieldError id={fields.canSignOff.errorId} errors={fields.canSignOff.errors} />
      </td>
      <td>
        <div className="member-actions">
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="update-member" />
            <input type="hidden" name="userId" value={member.userId} />
            <button className="button secondary small" type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save"}
              <span className="visually-hidden"> changes to {member.name}</span>
            </button>
          </Form>
          <ConfirmRemove member={member} isSelf={isSelf} workspaceName={workspaceName} />
        </div>
        <FieldError id={fields.userId.errorId} errors={fields.userId.errors} />
      </td>
    </tr>
  );
}

/** A select in a table cell: its label is for assistive tech only, the column header says it to the eye. */
function RowSelect({
  meta,
  label,
  options,
}: {
  meta: FieldMetadata<string>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const props = getSelectProps(meta);
  return (
    <>
      <label className="visually-hidden" htmlFor={meta.id}>
        {label}
      </label>
      <select {...props} key={props.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={meta.errorId} errors={meta.errors} />
    </>
  );
}

/**
 * Removing is two steps, without a native dialog: the first button opens a
 * short question, the second removes. Works without JavaScript (<details>).
 */
function ConfirmRemove({
  member,
  isSelf,
  workspaceName,
}: {
  member: LoadedMember;
  isSelf: boolean;
  workspaceName: string;
}) {
  const verb = isSelf ? "Leave" : "Remove";
  return (
    <details className="confirm-remove">
      <summary className="button danger small">
        <span className="when-closed">
          {verb}
          <span className="visually-hidden"> {isSelf ? workspaceName : member.name}</span>
        </span>
        <span className="when-open">Cancel</span>
      </summary>
      <div className="confirm-panel">
        <p>
          {isSelf
            ? `Leave ${workspaceName}? You lose access to its plans at once.`
            : `Remove ${member.name} from ${workspaceName}? They lose access to its plans at once.`}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="remove-member" />
          <input type="hidden" name="userId" value={member.userId} />
          <button className="button danger small" type="submit">
            {isSelf ? "Yes, leave" : `Yes, remove ${member.name}`}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** What a checkbox posts (see `checkbox` in app/domain/forms.ts). */
type CheckboxValue = boolean | "on" | "true" | "false" | undefined;

function CheckboxField({
  meta,
  label,
  hint,
}: {
  meta: FieldMetadata<CheckboxValue>;
  label: string;
  hint?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label className="checkbox">
        <input {...getInputProps(meta, { type: "checkbox", ariaDescribedBy: hintId })} key={meta.key} />
        {label}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function InviteByEmail({ actionData }: { actionData: ActionData | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite-email",
    lastResult: actionData?.formId === "invite-email" ? actionData.result : undefined,
    defaultValue: { role: "editor", team: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembersActionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite-email";
  return (
    <section className="card" aria-labelledby="invite-email-heading">
      <h2 id="invite-email-heading">Invite by e-mail</h2>
      <p className="muted">For someone who already has an Accord account. They are added at once.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite-email" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.email}
          label="Email"
          type="email"
          autoComplete="off"
          placeholder="name@company.com"
        />
        <SelectField meta={fields.role} label="Role" options={roleOptions(ROLES)} />
        <SelectField meta={fields.team} label="Team" options={teamOptions} />
        <CheckboxField
          meta={fields.canSignOff}
          label="Can sign off plans"
          hint="For the sales and marketing leaders."
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add member"}
        </button>
      </Form>
    </section>
  );
}

function InviteLink({ actionData }: { actionData: ActionData | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "create-link",
    lastResult: actionData?.formId === "create-link" ? actionData.result : undefined,
    defaultValue: { role: "editor", team: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembersActionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "create-link";
  const link = actionData?.formId === "create-link" ? actionData.link : undefined;
  return (
    <section className="card" aria-labelledby="invite-link-heading">
      <h2 id="invite-link-heading">Invite link</h2>
      <p className="muted">
        For anyone, with or without an account. The link works once and expires after 7 days.
      </p>
      {link ? <CopyLink key={link.url} url={link.url} expiresAt={link.expiresAt} /> : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create-link" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          meta={fields.role}
          label="Role"
          options={roleOptions(["editor", "commenter", "viewer"])}
        />
        <SelectField meta={fields.team} label="Team" options={teamOptions} />
        <CheckboxField
          meta={fields.canSignOff}
          label="Can sign off plans"
          hint="For the sales and marketing leaders."
        />
        <button className={link ? "button secondary" : "button"} type="submit" disabled={busy}>
          {busy ? "Creating…" : link ? "Create another link" : "Create invite link"}
        </button>
      </Form>
    </section>
  );
}

/** The new link, shown once: a read-only field, a Copy button and when it stops working. */
function CopyLink({ url, expiresAt }: { url: string; expiresAt: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "select">("idle");
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      // The Clipboard API exists only in secure contexts (HTTPS or localhost).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      input.current?.select();
      setState("select");
    }
  };
  return (
    <div className="new-invite-link">
      <label className="label" htmlFor="new-invite-url">
        New invite link
      </label>
      <div className="copy-box">
        <input
          ref={input}
          id="new-invite-url"
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="new-invite-url-hint"
        />
        <button
          className={state === "copied" ? "button secondary copied" : "button"}
          type="button"
          onClick={copy}
        >
          {state === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="hint" id="new-invite-url-hint">
        Send it to one person. It works once and expires on {formatDateTime(expiresAt)}. It will not be shown
        again.
      </p>
      <p className="copy-status" aria-live="polite">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "select"
            ? "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."
            : ""}
      </p>
    </div>
  );
}

function PendingInvites({
  invites,
  actionData,
}: {
  invites: LoadedInvite[];
  actionData: ActionData | undefined;
}) {
  const navigation = useNavigation();
  return (
    <section className="card" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Pending invites</h2>
      {invites.length === 0 ? (
        <p className="empty-state compact">
          No pending invites. Links you create appear here until they are used or expire.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Team</th>
                <th scope="col">Signs off</th>
                <th scope="col">Created by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => {
                const revoking =
                  navigation.state === "submitting" && navigation.formData?.get("inviteId") === invite.id;
                const failed = actionData?.formId === `revoke-${invite.id}` ? actionData.error : undefined;
                return (
                  <tr key={invite.id}>
                    <td>{ROLE_LABELS[invite.role as Role]}</td>
                    <td>
                      <TeamLabel team={invite.team as Team} />
                    </td>
                    <td>
                      {invite.canSignOff ? (
                        <span className="badge signs-off">Signs off</span>
                      ) : (
                        <SignsOffNo />
                      )}
                    </td>
                    <td>{invite.createdByName}</td>
                    <td>{formatDateTime(invite.expiresAt)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-invite" />
                        <input type="hidden" name="inviteId" value={invite.id} />
                        <button className="button danger small" type="submit" disabled={revoking}>
                          {revoking ? "Revoking…" : "Revoke"}
                          <span className="visually-hidden">
                            {" "}
                            the {ROLE_LABELS[invite.role as Role].toLowerCase()} invite created{" "}
                            {formatDateTime(invite.createdAt)}
                          </span>
                        </button>
                      </Form>
                      {failed ? <p className="field-error">{failed}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
