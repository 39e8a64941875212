import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import type { InviteRow } from "../../db/queries/invites";
import { findMembership } from "../../db/queries/workspaces";
import { AuthCard } from "../components/auth-card";
import { FormErrors, TextField } from "../components/field";
import { InviteSignupSchema, MIN_PASSWORD } from "../domain/forms";
import { ROLE_HINTS, ROLE_LABELS, TEAM_LABELS } from "../domain/membership";
import { readSession, startSession, switchSessionWorkspace } from "../utils/session.server";
import { findInviteByToken, joinAsUser, joinWithSignup } from "./invite.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && data.state !== "unusable"
        ? `Join ${data.invite.workspaceName} · Accord`
        : "Invite link · Accord",
  },
];

const JoinSchema = z.discriminatedUnion("intent", [
  InviteSignupSchema.extend({ intent: z.literal("signup") }),
  z.object({ intent: z.literal("join") }),
]);

/** What the page may show of an invite: never its token hash or ids. */
function present(invite: InviteRow) {
  return {
    workspaceName: invite.workspaceName,
    invitedBy: invite.createdByName,
    role: invite.role,
    team: invite.team,
    canSignOff: invite.canSignOff,
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const invite = await findInviteByToken(context, params.token);
  const session = await readSession(request, context);
  if (!invite) return data({ state: "unusable" as const, loggedIn: Boolean(session) }, { status: 404 });
  if (!session) return { state: "signup" as const, invite: present(invite), token: params.token! };
  const user = { name: session.user.name, email: session.user.email };
  const member = await findMembership(context.sql, invite.workspaceId, session.userId);
  return {
    state: member ? ("member" as const) : ("join" as const),
    invite: present(invite),
    token: params.token!,
    workspaceId: invite.workspaceId,
    user,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: JoinSchema });
  // Re-checked on every post: the link may have been used or revoked since the page loaded.
  const invite = await findInviteByToken(context, params.token);
  if (!invite) return data({ unusable: true as const, result: submission.reply() }, { status: 400 });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const session = await readSession(request, context);
  if (submission.value.intent === "join") {
    if (!session) throw redirect(`/login?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
    const outcome = await joinAsUser(context, invite, session.userId);
    if (outcome.kind === "unusable")
      return data({ unusable: true as const, result: submission.reply() }, { status: 400 });
    if (outcome.kind !== "joined" && outcome.kind !== "already-member")
      throw new Error(`unexpected ${outcome.kind}`);
    await switchSessionWorkspace(context, session.id, outcome.workspaceId);
    if (outcome.kind === "joined")
      context.log.info({ userId: session.userId, workspaceId: outcome.workspaceId }, "joined by invite");
    throw redirect("/plans");
  }
  const { name, email, password } = submission.value;
  const outcome = await joinWithSignup(context, invite, { name, email, password });
  if (outcome.kind === "unusable")
    return data({ unusable: true as const, result: submission.reply() }, { status: 400 });
  if (outcome.kind === "duplicate-email") {
    return data(
      {
        result: submission.reply({
          fieldErrors: { email: ["An account with this e-mail already exists. Log in to join with it."] },
          hideFields: ["password"],
        }),
      },
      { status: 409 },
    );
  }
  if (outcome.kind !== "joined") throw new Error(`unexpected ${outcome.kind}`);
  context.log.info({ userId: outcome.userId, workspaceId: outcome.workspaceId }, "signed up by invite");
  const cookie = await startSession(context, outcome.userId, outcome.workspaceId);
  throw redirect("/plans", { headers: { "Set-Cookie": cookie } });
}

export default function InvitePage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (loaded.state === "unusable" || (actionData && "unusable" in actionData)) {
    return <Unusable loggedIn={loaded.state === "unusable" ? loaded.loggedIn : loaded.state !== "signup"} />;
  }
  const { invite } = loaded;
  return (
    <AuthCard title={`Join ${invite.workspaceName} on Accord`} subtitle={<InviteSummary invite={invite} />}>
      {loaded.state === "signup" ? (
        <SignupToJoin token={loaded.token} />
      ) : loaded.state === "join" ? (
        <JoinAsUser user={loaded.user} workspaceName={invite.workspaceName} />
      ) : (
        <AlreadyMember
          user={loaded.user}
          workspaceName={invite.workspaceName}
          workspaceId={loaded.workspaceId}
        />
      )}
    </AuthCard>
  );
}

function InviteSummary({ invite }: { invite: ReturnType<typeof present> }) {
  const role = ROLE_LABELS[invite.role].toLowerCase();
  return (
    <>
      {invite.invitedBy} invited you as {/^[aeiou]/.test(role) ? "an" : "a"} <strong>{role}</strong> (
      {ROLE_HINTS[invite.role]}) in the <strong>{TEAM_LABELS[invite.team]}</strong> team
      {invite.canSignOff ? ", with the right to sign off plans" : ""}.
    </>
  );
}

function SignupToJoin({ token }: { token: string }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JoinSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="signup" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label="Your name" autoComplete="name" autoFocus />
        <TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
        <TextField
          meta={fields.password}
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters.`}
        />
        <button className="button full" type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Joining…" : "Create account and join"}
        </button>
      </Form>
      <p className="muted" style={{ marginTop: "1.25rem", textAlign: "center" }}>
        Already have an account? <Link to={`/login?redirectTo=/invite/${token}`}>Log in</Link>
      </p>
    </>
  );
}

function JoinAsUser({
  user,
  workspaceName,
}: {
  user: { name: string; email: string };
  workspaceName: string;
}) {
  const navigation = useNavigation();
  return (
    <>
      <p>
        You are logged in as <strong>{user.name}</strong> ({user.email}).
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="join" />
        <button className="button full" type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Joining…" : `Join ${workspaceName}`}
        </button>
      </Form>
      <NotYou name={user.name} />
    </>
  );
}

function AlreadyMember({
  user,
  workspaceName,
  workspaceId,
}: {
  user: { name: string; email: string };
  workspaceName: string;
  workspaceId: string;
}) {
  return (
    <>
      <div className="alert info" role="status">
        You ({user.email}) are already a member of {workspaceName}. This link stays unused, so the person it
        was meant for can still join.
      </div>
      <Form method="post" action="/workspaces/switch">
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <button className="button full" type="submit">
          Open {workspaceName}
        </button>
      </Form>
      <NotYou name={user.name} />
    </>
  );
}

function NotYou({ name }: { name: string }) {
  return (
    <Form
      method="post"
      action="/logout"
      className="muted"
      style={{ marginTop: "1.25rem", textAlign: "center" }}
    >
      Not {name}?{" "}
      <button className="link-button" type="submit">
        Log out
      </button>
      , then open this link again.
    </Form>
  );
}

function Unusable({ loggedIn }: { loggedIn: boolean }) {
  return (
    <AuthCard title="This invite link can't be used">
      <p>It may have expired, been used already, or been revoked by the workspace owner.</p>
      <p>Ask the owner of the workspace for a new invite link.</p>
      <p style={{ marginTop: "1.25rem", textAlign: "center" }}>
        {loggedIn ? <Link to="/plans">Go to your plans</Link> : <Link to="/login">Log in to Accord</Link>}
      </p>
    </AuthCard>
  );
}
