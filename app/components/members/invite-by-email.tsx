import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors, TextField } from "../field";
import { InviteSettingsFields } from "./invite-settings-fields";
import { InviteByEmailSchema } from "../../domain/forms";
import { ROLES } from "../../domain/membership";

/** The form's id, and the `intent` its submissions carry. */
const FORM_ID = "invite-email";

/**
 * Adds someone who already has an Accord account, by their e-mail. Validates
 * in the browser as the owner types (after the first blur), with the same
 * schema the server uses.
 */
export function InviteByEmail({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: FORM_ID,
    lastResult,
    defaultValue: { role: "editor", team: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteByEmailSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === FORM_ID;
  return (
    <section className="card" aria-labelledby="invite-email-heading">
      <h2 id="invite-email-heading">Invite by e-mail</h2>
      <p className="muted">For someone who already has an Accord account. They are added at once.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={FORM_ID} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.email}
          label="Email"
          type="email"
          autoComplete="off"
          placeholder="name@company.com"
        />
        <InviteSettingsFields
          role={fields.role}
          team={fields.team}
          canSignOff={fields.canSignOff}
          roles={ROLES}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add member"}
        </button>
      </Form>
    </section>
  );
}
