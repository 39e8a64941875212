import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { AuthCard } from "../components/auth-card";
import { FormErrors, TextField } from "../components/field";
import { MIN_PASSWORD, SignupSchema } from "../domain/forms";
import { signUp } from "../utils/accounts.server";
import { readSession, startSession } from "../utils/session.server";

export const meta: MetaFunction = () => [{ title: "Create an account · Accord" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await readSession(request, context)) throw redirect("/plans");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const outcome = await signUp(context, submission.value);
  if (outcome.kind === "duplicate-email") {
    return data(
      {
        result: submission.reply({
          fieldErrors: { email: ["An account with this e-mail already exists. Log in instead."] },
          hideFields: ["password"],
        }),
      },
      { status: 409 },
    );
  }
  context.log.info({ userId: outcome.userId, workspaceId: outcome.workspaceId }, "signed up");
  const cookie = await startSession(context, outcome.userId, outcome.workspaceId);
  throw redirect("/plans", { headers: { "Set-Cookie": cookie } });
}

export default function Signup() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <AuthCard title="Create your workspace" subtitle="One plan, one vocabulary, one set of numbers.">
      <Form method="post" {...getFormProps(form)}>
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
        <TextField
          meta={fields.workspace}
          label="Workspace name"
          autoComplete="organization"
          hint="Usually your company, e.g. Northwind Analytics."
        />
        <button className="button full" type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating…" : "Create account"}
        </button>
      </Form>
      <p className="muted" style={{ marginTop: "1.25rem", textAlign: "center" }}>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </AuthCard>
  );
}
