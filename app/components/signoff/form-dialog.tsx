import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";

/**
 * A modal form on the native <dialog>: the browser traps focus, Escape
 * cancels and focus returns where it was. Open while `open` is true; the
 * first field (or the cancel button when there is none) gets the focus.
 * The fields are the children; `onSubmit` receives the form's data. While
 * `busy`, the submit button says so and nothing is sent twice.
 */
export function FormDialog({
  open,
  title,
  description,
  submitLabel,
  busyLabel,
  tone = "primary",
  busy = false,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  busyLabel: string;
  tone?: "primary" | "danger";
  busy?: boolean;
  /** A message about the whole form (field messages go next to their fields). */
  error?: string | null;
  onSubmit: (data: FormData) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      const first = element.querySelector<HTMLElement>("textarea, input, select");
      (first ?? element.querySelector<HTMLElement>("[data-cancel]"))?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit(new FormData(event.currentTarget));
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog form-dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {description ? (
            <div id={descriptionId} className="form-dialog-description">
              {description}
            </div>
          ) : null}
          {children}
          {error ? (
            <p className="alert error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button secondary" onClick={onCancel} disabled={busy} data-cancel>
              Cancel
            </button>
            <button
              type="submit"
              className={tone === "danger" ? "button danger" : "button"}
              aria-disabled={busy}
            >
              {busy ? busyLabel : submitLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
