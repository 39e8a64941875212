import { useId, useState } from "react";

/**
 * A number typed as text and committed on Enter or when leaving the field.
 * `onCommit` validates and writes; it answers with an error to show at the
 * field (and nothing is written), or null. Escape puts the stored value back.
 * While the field is being edited, other people's changes do not overwrite
 * the text being typed.
 */
export function CommitNumberField({
  label,
  hint,
  value,
  unit,
  readOnly,
  onCommit,
  onFocus,
  onBlur,
}: {
  label: string;
  hint: string;
  /** The stored value, as text for the input. */
  value: string;
  unit: string;
  readOnly: boolean;
  onCommit: (raw: string) => string | null;
  onFocus?: () => void;
  onBlur?: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const message = draft.trim() === value.trim() ? null : onCommit(draft);
    setError(message);
    if (!message) setDraft(null);
  };
  return (
    <div className="field commit-field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-unit">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft ?? value}
          disabled={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(event) => {
            setDraft(event.target.value);
            if (error) setError(null);
          }}
          onFocus={onFocus}
          onBlur={() => {
            commit();
            onBlur?.();
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            }
            if (event.key === "Escape") {
              setDraft(null);
              setError(null);
            }
          }}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
    </div>
  );
}
