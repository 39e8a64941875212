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
import { listPlans } from "../../db/queries/plans";
import { requireMember, requirePermission } from "../utils/auth.server";
import { CopySourceNotFound, NO_RIGHT_TO_CREATE_PLAN, createPlan } from "../utils/plans.server";

export const meta: MetaFunction = () => [{ title: "New plan · Accord" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  const plans = await listPlans(context.sql, member.membership.workspaceId);
  const copyFrom = new URL(request.url).searchParams.get("copyFrom") ?? "";
  return {
    defaultPeriod: nextQuarter(),
    defaultCopyFrom: plans.some((p) => p.id === copyFrom) ? copyFrom : "",
    plans: plans.map((p) => ({ id: p.id, title: p.title, period: p.period })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request, context);
  requirePermission(member.membership, "plan.create", NO_RIGHT_TO_CREATE_PLAN);
  const submission = parseWithZod(await request.formData(), { schema: PlanCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const plan = await createPlan(context, member, submission.value);
    throw redirect(`/plans/${plan.id}`);
  } catch (error) {
    if (!(error instanceof CopySourceNotFound)) throw error;
    return data(
      { result: submission.reply({ fieldErrors: { copyFrom: [error.message] } }) },
      { status: 400 },
    );
  }
}

export default function NewPlan() {
  const { defaultPeriod, defaultCopyFrom, plans } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { period: defaultPeriod, currency: "USD", copyFrom: defaultCopyFrom },
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
          {plans.length > 0 ? (
            <SelectField
              meta={fields.copyFrom}
              label="Start from"
              options={[
                { value: "", label: "The template: every section with hints" },
                ...plans.map((p) => ({ value: p.id, label: `A copy of ${p.title} (${p.period})` })),
              ]}
              hint="Next quarter from this one: a copy keeps the strategy, markets, goals, campaigns and definitions; the original stays as it is."
            />
          ) : null}
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
