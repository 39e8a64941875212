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
import { listMembershipsOfUser } from "../../db/queries/workspaces";
import { AuthCard } from "../components/auth-card";
import { FormErrors, TextField } from "../components/field";
import { WorkspaceSchema } from "../domain/forms";
import { createWorkspaceFor } from "../utils/accounts.server";
import { requireSession } from "../utils/auth.server";
import { switchSessionWorkspace } from "../utils/session.server";

export const meta: MetaFunction = () => [{ title: "New workspace · Accord" }];

/**
 * Open to anyone logged in, members of no workspace included: this is where
 * someone lands after leaving or being removed from their last workspace.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSession(request, context);
  const memberships = await listMembershipsOfUser(context.sql, session.userId);
  return { userName: session.user.name, workspaceCount: memberships.length };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, context);
  const submission = parseWithZod(await request.formData(), { schema: WorkspaceSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const workspace = await context.sql.begin((tx) =>
    createWorkspaceFor(tx, session.userId, submission.value.name),
  );
  await switchSessionWorkspace(context, session.id, workspace.id);
  context.log.info({ userId: session.userId, workspaceId: workspace.id }, "workspace created");
  throw redirect("/plans");
}

export default function NewWorkspace() {
  const { userName, workspaceCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WorkspaceSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const first = workspaceCount === 0;
  return (
    <AuthCard
      title={first ? "You're not in a workspace right now" : "Create a workspace"}
      subtitle={
        first
          ? `Welcome back, ${userName}. You don't belong to any workspace at the moment, perhaps because you left or were removed from your last one. Create a new workspace, or ask a workspace owner for an invite link.`
          : "A separate place for another company or team, with its own members and plans. You become its owner."
      }
    >
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.name}
          label="Workspace name"
          autoComplete="organization"
          hint="Usually your company, e.g. Northwind Analytics."
          autoFocus
        />
        <button className="button full" type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating…" : "Create workspace"}
        </button>
      </Form>
      <div className="muted" style={{ marginTop: "1.25rem", textAlign: "center" }}>
        {first ? (
          <Form method="post" action="/logout">
            <button className="link-button" type="submit">
              Log out
            </button>
          </Form>
        ) : (
          <Link to="/plans">Back to your plans</Link>
        )}
      </div>
    </AuthCard>
  );
}
