import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { AuthCard } from "../components/auth-card";
import { FormErrors, TextField } from "../components/field";
import { LoginSchema } from "../domain/forms";
import { safeRedirectPath } from "../utils/http.server";
import { readSession, startSession } from "../utils/session.server";
import { attemptLogin } from "./login.server";

export const meta: MetaFunction = () => [{ title: "Log in · Accord" }];

/** Remix keeps an action's headers only when the route passes them on. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await readSession(request, context)) throw redirect("/plans");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await attemptLogin(context, email, password);
  if (outcome.kind === "rate-limited") {
    return data(
      {
        result: submission.reply({
          formErrors: [`Too many login attempts. Wait ${outcome.retryAfterSeconds} seconds and try again.`],
          hideFields: ["password"],
        }),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  if (outcome.kind === "bad-credentials") {
    return data(
      {
        result: submission.reply({
          formErrors: ["That e-mail and password do not match an account."],
          hideFields: ["password"],
        }),
      },
      { status: 401 },
    );
  }
  const cookie = await startSession(context, outcome.userId, outcome.workspaceId);
  throw redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const redirectTo = params.get("redirectTo") ?? "";
  const signupHref = redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : "/signup";
  return (
    <AuthCard title="Log in to Accord" subtitle="Plan the quarter with Sales and Marketing on one page.">
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.email} label="Email" type="email" autoComplete="email" autoFocus />
        <TextField meta={fields.password} label="Password" type="password" autoComplete="current-password" />
        <button className="button full" type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Logging in…" : "Log in"}
        </button>
      </Form>
      <p className="muted" style={{ marginTop: "1.25rem", textAlign: "center" }}>
        New to Accord? <Link to={signupHref}>Create an account</Link>
      </p>
    </AuthCard>
  );
}
