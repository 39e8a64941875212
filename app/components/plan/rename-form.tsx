import { useEffect, useId, useRef, useState, type FormEvent } from "react";

/**
 * A one-field form to rename something in place (the plan title). Saves on
 * Enter or "Save", cancels on Escape or "Cancel"; `onSave` answers with an
 * error to show at the field, or null when saved.
 */
export function RenameForm({
  label,
  initial,
  maxLength,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  maxLength?: number;
  onSave: (value: string) => string | null;
  onCancel: () => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const message = onSave(value);
    setError(message);
    if (message) input.current?.focus();
  };
  return (
    <form className="rename-form" onSubmit={save} noValidate>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="text"
        value={value}
        maxLength={maxLength ? maxLength + 20 : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        onChange={(event) => {
          setValue(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button small">
          Save
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
    </form>
  );
}
