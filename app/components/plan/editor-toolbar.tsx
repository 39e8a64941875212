import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";

export type FormatCommand = "h2" | "h3" | "bold" | "italic" | "bulletList" | "orderedList";

/** Which formats apply at the selection, for aria-pressed. */
export type FormatState = Record<FormatCommand | "link", boolean> & { linkHref: string | null };

const BUTTONS: ReadonlyArray<{
  command: FormatCommand;
  label: string;
  keys: string;
  shortcut: string;
  face: ReactNode;
}> = [
  { command: "h2", label: "Heading 2", keys: "Control+Alt+2", shortcut: "Ctrl+Alt+2", face: <b>H2</b> },
  { command: "h3", label: "Heading 3", keys: "Control+Alt+3", shortcut: "Ctrl+Alt+3", face: <b>H3</b> },
  { command: "bold", label: "Bold", keys: "Control+B", shortcut: "Ctrl+B", face: <b>B</b> },
  {
    command: "italic",
    label: "Italic",
    keys: "Control+I",
    shortcut: "Ctrl+I",
    face: <i style={{ fontFamily: "Georgia, serif" }}>I</i>,
  },
  {
    command: "bulletList",
    label: "Bulleted list",
    keys: "Control+Shift+8",
    shortcut: "Ctrl+Shift+8",
    face: (
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="4.5" cy="6" r="1.4" fill="currentColor" />
        <circle cx="4.5" cy="14" r="1.4" fill="currentColor" />
        <path d="M8.5 6H17M8.5 14H17" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      </svg>
    ),
  },
  {
    command: "orderedList",
    label: "Numbered list",
    keys: "Control+Shift+7",
    shortcut: "Ctrl+Shift+7",
    face: (
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <text x="2" y="8.5" fontSize="6.5" fontWeight="700" fill="currentColor">
          1
        </text>
        <text x="2" y="16.5" fontSize="6.5" fontWeight="700" fill="currentColor">
          2
        </text>
        <path d="M8.5 6H17M8.5 14H17" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      </svg>
    ),
  },
];

/**
 * The small formatting toolbar above a rich-text section. Buttons say
 * whether their format is on (aria-pressed) and name their shortcut. The
 * link button opens a small inline field for the address instead of a
 * prompt; `onLink` answers with an error to show there, or null when done.
 */
export function EditorToolbar({
  label,
  editorId,
  state,
  linkRequest,
  onCommand,
  onLink,
  onDone,
}: {
  /** The section's name: "Formatting: Strategy". */
  label: string;
  editorId: string;
  state: FormatState;
  /** Changes when the editor asks for the link field (Ctrl+K). */
  linkRequest: number;
  onCommand: (command: FormatCommand) => void;
  onLink: (href: string | null) => string | null;
  /** Back to the text, after the link field closes. */
  onDone: () => void;
}) {
  const [linkOpen, setLinkOpen] = useState(false);
  // One tab stop for the whole toolbar; arrow keys move between its buttons (ARIA toolbar pattern).
  const [current, setCurrent] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (linkRequest > 0) setLinkOpen(true);
  }, [linkRequest]);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = BUTTONS.length + 1;
    const next =
      event.key === "ArrowRight"
        ? (current + 1) % count
        : event.key === "ArrowLeft"
          ? (current + count - 1) % count
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? count - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    bar.current?.querySelectorAll<HTMLButtonElement>("button.tool")[next]?.focus();
  };
  const stop = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setCurrent(index),
  });
  return (
    <div className="editor-toolbar-wrap">
      <div
        ref={bar}
        className="editor-toolbar"
        role="toolbar"
        aria-label={`Formatting: ${label}`}
        aria-controls={editorId}
        onKeyDown={move}
      >
        {BUTTONS.map((button, index) => (
          <button
            key={button.command}
            type="button"
            className="tool"
            {...stop(index)}
            aria-pressed={state[button.command]}
            aria-keyshortcuts={button.keys}
            title={`${button.label} (${button.shortcut})`}
            // Keep the text selection: a toolbar click must not move focus out of the editor.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onCommand(button.command)}
          >
            {button.face}
            <span className="visually-hidden">{button.label}</span>
          </button>
        ))}
        <button
          type="button"
          className="tool"
          {...stop(BUTTONS.length)}
          aria-pressed={state.link}
          aria-expanded={linkOpen}
          aria-keyshortcuts="Control+K"
          title="Link (Ctrl+K)"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setLinkOpen((open) => !open)}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path
              d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.7"
              strokeLinecap="round"
            />
          </svg>
          <span className="visually-hidden">Link</span>
        </button>
      </div>
      {linkOpen ? (
        <LinkField
          current={state.linkHref}
          onLink={onLink}
          onClose={() => {
            setLinkOpen(false);
            onDone();
          }}
        />
      ) : null}
    </div>
  );
}

function LinkField({
  current,
  onLink,
  onClose,
}: {
  current: string | null;
  onLink: (href: string | null) => string | null;
  onClose: () => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => input.current?.focus(), []);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const message = onLink(value);
    if (message) {
      setError(message);
      input.current?.focus();
      return;
    }
    onClose();
  };
  return (
    <form className="link-field" onSubmit={apply} noValidate>
      <label htmlFor={`${id}-href`}>Link address</label>
      <div className="link-field-row">
        <input
          ref={input}
          id={`${id}-href`}
          type="url"
          inputMode="url"
          placeholder="https://example.com"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          onChange={(event) => {
            setValue(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              onClose();
            }
          }}
        />
        <button type="submit" className="button small">
          Apply
        </button>
        {current ? (
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              onLink(null);
              onClose();
            }}
          >
            Remove link
          </button>
        ) : null}
        <button type="button" className="button secondary small" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ""}
      </p>
    </form>
  );
}
