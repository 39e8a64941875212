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
import { FormErrors, SelectField, TextField } from "../components/field";
import { CURRENCIES, PlanCreateSchema, nextQuarter } from "../domain/forms";
import { requireMember, requirePermission } from "../utils/auth.server";
import { NO_RIGHT_TO_CREATE_PLAN, createPlan } from "../utils/plans.server";

export const meta: MetaFunction = () => [{ title: "New plan · Accord" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  return { defaultPeriod: nextQuarter() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request, context);
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  const submission = parseWithZod(await request.formData(), { schema: PlanCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const plan = await createPlan(context, member, submission.value);
  throw redirect(`/plans/${plan.id}`);
}

export default function NewPlan() {
  const { defaultPeriod } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { period: defaultPeriod, currency: "USD" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlanCreateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/plans">Plans</Link>
          </p>
          <h1>New plan</h1>
          <p className="muted">
            A joint plan covers one quarter. You can fill in its sections together next.
          </p>
        </div>
      </div>
      <div className="card" style={{ maxWidth: 560 }}>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField meta={fields.title} label="Title" placeholder="FY27 Q1 joint plan" autoFocus />
          <TextField meta={fields.period} label="Period" hint="The quarter it plans, like 2027-Q1." />
          <SelectField
            meta={fields.currency}
            label="Currency"
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            hint="Revenue goals and budgets are in this currency."
          />
          <div className="form-actions">
            <button className="button" type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Creating…" : "Create plan"}
            </button>
            <Link className="button secondary" to="/plans">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
