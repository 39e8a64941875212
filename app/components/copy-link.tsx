import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A link just made and shown once (an invite, a share link): a read-only
 * field, a Copy button and a hint. The field is focused and selected on
 * arrival, so that copying works even where the Clipboard API does not
 * (plain HTTP): the message then says to press Ctrl+C.
 */
export function CopyLink({
  url,
  id,
  label,
  hint,
  className,
}: {
  url: string;
  /** The field's id; the hint's is derived from it. */
  id: string;
  label: string;
  hint: ReactNode;
  className: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "select">("idle");
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      // The Clipboard API exists only in secure contexts (HTTPS or localhost).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      input.current?.select();
      setState("select");
    }
  };
  return (
    <div className={className}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-box">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-hint`}
        />
        <button
          className={state === "copied" ? "button secondary copied" : "button"}
          type="button"
          onClick={copy}
        >
          {state === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <p className="copy-status" aria-live="polite">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "select"
            ? "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."
            : ""}
      </p>
    </div>
  );
}
