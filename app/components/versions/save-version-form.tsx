import { useId, useRef, type FormEvent } from "react";

/**
 * "Save version": the plan's content as editors see it now, kept under a
 * name. The page sends it; `error` is the name's message, `saved` the
 * confirmation, both announced.
 */
export function SaveVersionForm({
  busy,
  error,
  saved,
  onSave,
}: {
  busy: boolean;
  error: string | null;
  saved: string | null;
  onSave: (name: string) => Promise<boolean>;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (await onSave(input.current?.value ?? "")) {
      if (input.current) input.current.value = "";
    }
  };
  return (
    <form className="card save-version" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Save a version</h2>
      <div className="save-version-row">
        <div className="field">
          <label htmlFor={id}>Name</label>
          <input
            ref={input}
            id={id}
            type="text"
            name="name"
            maxLength={120}
            placeholder="e.g. Board draft"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint ${id}-error`}
          />
          <p className="hint" id={`${id}-hint`}>
            Keeps the content as it is now, so you can compare with it or restore it later.
          </p>
        </div>
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? "Saving…" : "Save version"}
        </button>
      </div>
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
      <p className="save-version-done" role="status">
        {saved ?? ""}
      </p>
    </form>
  );
}
