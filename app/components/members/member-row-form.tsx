import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FieldError } from "../field";
import { ConfirmRemove } from "./confirm-remove";
import { MemberName, type MemberSummary } from "./member-row";
import { MemberSettingsSchema } from "../../domain/forms";
import { ROLE_LABELS, ROLES, TEAM_LABELS, TEAMS } from "../../domain/membership";

/**
 * What the row validates in the browser: the settings an owner edits. The
 * hidden `userId` is typed here so its error (from the server's answer, the
 * only place one can come from) has a field to show under.
 */
const MemberRowSchema = MemberSettingsSchema.extend({ userId: z.string() });

const teamOptions = TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] }));
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * One member's row for an owner: team, role and sign-off right, saved
 * together by one Save button; remove (or leave, on one's own row) with a
 * confirm step. A table row cannot hold a <form>, so the inputs join the form
 * in the last cell through their `form` attribute.
 */
export function MemberRowForm({
  formId,
  member,
  isSelf,
  workspaceName,
  lastResult,
}: {
  /** The id the page's action answers to; it also prefixes every input's id. */
  formId: string;
  member: MemberSummary;
  isSelf: boolean;
  workspaceName: string;
  /** The action's answer to this row's last submission, if the last answer was for this row. */
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue: { role: member.role, team: member.team, canSignOff: member.canSignOff },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MemberRowSchema }),
    shouldValidate: "onSubmit",
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("userId") === member.userId;
  return (
    <tr>
      <td>
        <MemberName member={member} isSelf={isSelf} />
      </td>
      <td>
        <RowSelect meta={fields.team} label={`Team of ${member.name}`} options={teamOptions} />
      </td>
      <td>
        <RowSelect meta={fields.role} label={`Role of ${member.name}`} options={roleOptions} />
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
