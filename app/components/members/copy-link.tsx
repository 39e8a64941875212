import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "./format-date-time";

/**
 * The new invite link, shown once: a read-only field, a Copy button and when
 * it stops working. The field is focused and selected on arrival, so that
 * copying works even where the Clipboard API does not (plain HTTP): the
 * message then says to press Ctrl+C.
 */
export function CopyLink({ url, expiresAt }: { url: string; expiresAt: string }) {
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
    <div className="new-invite-link">
      <label className="label" htmlFor="new-invite-url">
        New invite link
      </label>
      <div className="copy-box">
        <input
          ref={input}
          id="new-invite-url"
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="new-invite-url-hint"
        />
        <button
          className={state === "copied" ? "button secondary copied" : "button"}
          type="button"
          onClick={copy}
        >
          {state === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="hint" id="new-invite-url-hint">
        Send it to one person. It works once and expires on {formatDateTime(expiresAt)}. It will not be shown
        again.
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
