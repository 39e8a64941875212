import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { CommentWriteSchema, MAX_BODY_LENGTH, mentionsIn } from "../../domain/comments";
import type { Team } from "../../domain/membership";
import { ActionError } from "./action-error";
import { MentionListbox } from "./mention-listbox";
import { insertMention, matchMembers, mentionQueryAt, moveActive, type MentionQuery } from "./mention-query";

export interface ComposerMember {
  userId: string;
  name: string;
  team: Team;
}

/** The counter shows from here on, so it is there before the limit surprises anyone. */
const COUNTER_FROM = MAX_BODY_LENGTH - 1_000;

/**
 * The text box of a comment: "@" suggests members (arrows, Enter or Tab to
 * pick, Escape to close), Ctrl/Cmd+Enter sends, Escape cancels. The body is
 * checked with the API's own schema before it is sent; the server's answer,
 * if it refuses, appears in the same place. `onSubmit` resolves to an error
 * message, or null once sent.
 */
export function CommentComposer({
  label,
  submitLabel,
  members,
  initialBody = "",
  placeholder,
  autoFocus = false,
  extra,
  onSubmit,
  onCancel,
}: {
  /** The text box's accessible name, e.g. "Reply". */
  label: string;
  submitLabel: string;
  members: readonly ComposerMember[];
  initialBody?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Shown between the text box and the buttons (the new thread's "blocking" box). */
  extra?: ReactNode;
  onSubmit: (input: { body: string; mentions: string[] }) => Promise<string | null>;
  /** Without it, Escape only closes suggestions and there is no Cancel button. */
  onCancel?: () => void;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const listId = `${id}-mentions`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialBody);
  const [caret, setCaret] = useState(initialBody.length);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const query: MentionQuery | null = mentionQueryAt(text, caret);
  const options = query && query.start !== dismissed ? matchMembers(members, query.query) : [];
  const listOpen = options.length > 0;

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);
  useEffect(() => setActive(0), [query?.start, query?.query]);
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const pick = (index: number) => {
    const member = options[index];
    if (!member || !query) return;
    const next = insertMention(text, query, caret, member);
    setText(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
    textarea.current?.focus();
  };

  const submit = async () => {
    if (sending) return;
    const parsed = CommentWriteSchema.safeParse({ body: text, mentions: mentionsIn(text, members) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the comment.");
      textarea.current?.focus();
      return;
    }
    setSending(true);
    const refused = await onSubmit(parsed.data).catch(() => "Something went wrong. Try again.");
    setSending(false);
    setError(refused);
    if (refused) textarea.current?.focus();
    else if (!initialBody) {
      setText("");
      setCaret(0);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (listOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((current) => moveActive(current, options.length, event.key === "ArrowDown" ? 1 : -1));
        return;
      }
      if (
        (event.key === "Enter" && !event.ctrlKey && !event.metaKey && !event.shiftKey) ||
        event.key === "Tab"
      ) {
        event.preventDefault();
        pick(active);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissed(query?.start ?? null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const remaining = MAX_BODY_LENGTH - text.length;
  const showCounter = text.length >= COUNTER_FROM;
  const describedBy = [error ? errorId : null, showCounter ? counterId : null].filter(Boolean).join(" ");

  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="composer-field">
        <textarea
          ref={textarea}
          aria-label={label}
          placeholder={placeholder}
          value={text}
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          aria-autocomplete="list"
          aria-controls={listOpen ? listId : undefined}
          aria-expanded={listOpen}
          aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            if (error) setError(null);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setDismissed(query?.start ?? null)}
          onFocus={() => setDismissed(null)}
        />
        {listOpen ? (
          <MentionListbox
            id={listId}
            label={`People matching “${query?.query ?? ""}”`}
            options={options}
            active={active}
            onPick={pick}
          />
        ) : null}
      </div>
      {showCounter ? (
        <p id={counterId} className={`composer-counter${remaining < 0 ? " over" : ""}`} aria-live="polite">
          {remaining >= 0
            ? `${remaining.toLocaleString("en")} characters left`
            : `${(-remaining).toLocaleString("en")} characters over the limit`}
        </p>
      ) : null}
      <ActionError id={errorId} message={error} />
      {extra}
      <div className="composer-actions">
        <button type="submit" className="button small" disabled={sending}>
          {sending ? "Sending…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button secondary small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <span className="composer-hint muted" aria-hidden="true">
          Ctrl+Enter to send · @ to mention
        </span>
      </div>
    </form>
  );
}
