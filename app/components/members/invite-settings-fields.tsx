import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { FieldError, SelectField } from "../field";
import { ROLE_HINTS, ROLE_LABELS, TEAM_LABELS, TEAMS, type Role } from "../../domain/membership";

/** What a checkbox posts (see `checkbox` in app/domain/forms.ts). */
type CheckboxValue = boolean | "on" | "true" | "false" | undefined;

const teamOptions = [
  { value: "", label: "Choose a team…" },
  ...TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] })),
];

/**
 * Role, team and sign-off right of someone about to join: the part both
 * invite forms share. Each role says what it may do, since the person
 * choosing is deciding for somebody else. `roles` narrows the choice (an
 * invite link cannot make an owner).
 */
export function InviteSettingsFields({
  role,
  team,
  canSignOff,
  roles,
}: {
  role: FieldMetadata<string>;
  team: FieldMetadata<string>;
  canSignOff: FieldMetadata<CheckboxValue>;
  roles: readonly Role[];
}) {
  return (
    <>
      <SelectField
        meta={role}
        label="Role"
        options={roles.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}: ${ROLE_HINTS[r]}` }))}
      />
      <SelectField meta={team} label="Team" options={teamOptions} />
      <CheckboxField
        meta={canSignOff}
        label="Can sign off plans"
        hint="For the sales and marketing leaders."
      />
    </>
  );
}

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
