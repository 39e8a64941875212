import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "../field";
import { CopyLink } from "../copy-link";
import { formatDateTime } from "./format-date-time";
import { InviteSettingsFields } from "./invite-settings-fields";
import { InviteLinkSchema } from "../../domain/forms";
import type { Role } from "../../domain/membership";

/** The form's id, and the `intent` its submissions carry. */
const FORM_ID = "create-link";

/** An invite link never makes an owner: ownership is given by an owner, to a member. */
const LINK_ROLES: readonly Role[] = ["editor", "commenter", "viewer"];

/**
 * Creates a one-time invite link for anyone, with or without an account. The
 * new link comes back in the action's answer and is shown once, above the
 * form, ready to copy.
 */
export function InviteLink({
  lastResult,
  link,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  /** The link just created, if the last answer created one. */
  link: { url: string; expiresAt: string } | undefined;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: FORM_ID,
    lastResult,
    defaultValue: { role: "editor", team: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteLinkSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === FORM_ID;
  return (
    <section className="card" aria-labelledby="invite-link-heading">
      <h2 id="invite-link-heading">Invite link</h2>
      <p className="muted">
        For anyone, with or without an account. The link works once and expires after 7 days.
      </p>
      {link ? (
        <CopyLink
          key={link.url}
          url={link.url}
          id="new-invite-url"
          label="New invite link"
          className="new-invite-link"
          hint={`Send it to one person. It works once and expires on ${formatDateTime(link.expiresAt)}. It will not be shown again.`}
        />
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={FORM_ID} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <InviteSettingsFields
          role={fields.role}
          team={fields.team}
          canSignOff={fields.canSignOff}
          roles={LINK_ROLES}
        />
        <button className={link ? "button secondary" : "button"} type="submit" disabled={busy}>
          {busy ? "Creating…" : link ? "Create another link" : "Create invite link"}
        </button>
      </Form>
    </section>
  );
}
