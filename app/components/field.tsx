import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/** Errors of one field, announced by screen readers as they appear. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p className="field-error" id={id} aria-live="polite">
      {errors?.[0] ?? ""}
    </p>
  );
}

type InputType = "text" | "email" | "password" | "url" | "search";

/** A labelled input with its hint and its error, wired together for assistive tech. */
export function TextField({
  meta,
  label,
  type = "text",
  hint,
  autoComplete,
  autoFocus,
  placeholder,
}: {
  meta: FieldMetadata<string>;
  label: string;
  type?: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...props} key={props.key} autoComplete={autoComplete} autoFocus={autoFocus} placeholder={placeholder} />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A labelled select of fixed options. */
export function SelectField({
  meta,
  label,
  options,
  hint,
}: {
  meta: FieldMetadata<string>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getSelectProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...props} key={props.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Errors about the form as a whole (not one field), shown above its buttons. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return <div id={id} aria-live="polite" />;
  return (
    <div id={id} className="alert error" role="alert">
      {errors[0]}
    </div>
  );
}
