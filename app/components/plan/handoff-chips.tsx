import { useId, useState, type FormEvent } from "react";

/**
 * An editable list of short labels (the hand-off fields): each a chip with
 * a remove button, and a small form to add one. `onAdd` answers with an
 * error message to show at the field, or null when the label was added.
 */
export function HandoffChips({
  label,
  hint,
  items,
  readOnly,
  onAdd,
  onRemove,
}: {
  label: string;
  hint: string;
  items: readonly string[];
  readOnly: boolean;
  onAdd: (value: string) => string | null;
  onRemove: (index: number, value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = onAdd(draft);
    setError(message);
    if (!message) setDraft("");
  };
  return (
    <div className="chips-field" role="group" aria-labelledby={`${id}-label`}>
      <p className="label" id={`${id}-label`}>
        {label}
      </p>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {items.length === 0 ? <p className="muted chips-empty">No fields yet.</p> : null}
      <ul className="chips" aria-label={label}>
        {items.map((item, index) => (
          <li key={`${index}-${item}`} className="chip">
            <span>{item}</span>
            {readOnly ? null : (
              <button
                type="button"
                className="chip-remove"
                onClick={() => onRemove(index, item)}
                title={`Remove ${item}`}
              >
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">Remove {item}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form className="chip-add" onSubmit={submit} noValidate>
          <label htmlFor={`${id}-new`} className="visually-hidden">
            New hand-off field
          </label>
          <input
            id={`${id}-new`}
            type="text"
            value={draft}
            placeholder="Add a field, e.g. Budget"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-error ${id}-hint`}
            onChange={(event) => {
              setDraft(event.target.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" className="button secondary small">
            Add
          </button>
        </form>
      )}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
    </div>
  );
}
