import { memo, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { PeerTag, peerStyle } from "./peer-tag";
import type { CellControl, CellFocusChange, CellPeerView, CommitCell } from "./types";

export interface PlanCellProps {
  /** Unique in the page; the error message's id derives from it. */
  id: string;
  /** The document key of the cell, handed back to the callbacks. */
  cellKey: string;
  /** The accessible name, e.g. "Revenue target of Mid-market fintech". */
  label: string;
  control: CellControl;
  /** The value as the table shows it: "$1,200,000", "25%", "Mar 1, 2027". */
  display: string;
  /** The value as it is typed: "1200000", "25", "2027-03-01"; the select's value. */
  editText: string;
  readOnly: boolean;
  peers: readonly CellPeerView[];
  /** A rule the stored row breaks (set by two people at once), shown until fixed. */
  storedIssue?: string;
  /** The row's first cell, rendered as its row header. */
  rowHeader?: boolean;
  /** Extra class of the cell, e.g. its column kind for widths and alignment. */
  className?: string;
  onCommit: CommitCell;
  onFocusChange: CellFocusChange;
}

/**
 * One cell of a plan table. At rest it shows the formatted value; focused,
 * the text to edit. Enter or leaving the cell commits, Escape cancels. A
 * refused value stays in the cell with its message (role=alert, tied to the
 * input by aria-describedby) until it is fixed or cancelled; it never
 * reaches the document. A value that others change while this person has not
 * typed anything shows up at once; a draft is never overwritten.
 */
export const PlanCell = memo(function PlanCell(props: PlanCellProps) {
  const { id, readOnly, peers, rowHeader, className } = props;
  const Tag = rowHeader ? "th" : "td";
  const classes = ["plan-cell", className, peers.length ? "has-peer" : null].filter(Boolean).join(" ");
  return (
    <Tag className={classes} style={peerStyle(peers)} scope={rowHeader ? "row" : undefined} id={`${id}-cell`}>
      {readOnly ? <CellText {...props} /> : <CellEditor {...props} />}
      <PeerTag peers={peers} />
    </Tag>
  );
});

function CellText({ display, storedIssue, id }: PlanCellProps) {
  return (
    <>
      {display ? (
        <span className="cell-text">{display}</span>
      ) : (
        <span className="cell-text muted">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">empty</span>
        </span>
      )}
      {storedIssue ? (
        <p className="cell-message issue" id={`${id}-issue`}>
          {storedIssue}
        </p>
      ) : null}
    </>
  );
}

function CellEditor(props: PlanCellProps) {
  const { id, cellKey, label, control, display, editText, storedIssue, onCommit, onFocusChange } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // A cell that goes away while focused (its row deleted by someone else) gets no blur: say we left.
  const leave = useRef<(() => void) | null>(null);
  leave.current = focused ? () => onFocusChange(cellKey, false) : null;
  useEffect(() => () => leave.current?.(), []);

  const errorId = `${id}-error`;
  const issueId = `${id}-issue`;
  const message = error ?? storedIssue ?? null;
  const describedBy = error ? errorId : storedIssue ? issueId : undefined;

  const commit = (): boolean => {
    if (draft === null) return true;
    const refused =
      control.type === "date" && inputRef.current?.validity.badInput
        ? "Use a date like 2027-01-31."
        : onCommit(cellKey, draft);
    if (refused) {
      setError(refused);
      return false;
    }
    setDraft(null);
    setError(null);
    return true;
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      if (draft !== null || error) event.stopPropagation();
      cancel();
      return;
    }
    if (event.key === "Enter" && !(control.type === "text" && control.multiline && event.shiftKey)) {
      event.preventDefault();
      commit();
      return;
    }
    // Alt+Arrow moves the row (handled by the row): commit first, and stay put if refused.
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown") && !commit()) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  const focusProps = {
    onFocus: () => {
      setFocused(true);
      onFocusChange(cellKey, true);
    },
    onBlur: () => {
      commit();
      setFocused(false);
      onFocusChange(cellKey, false);
    },
  };
  const common = {
    id,
    "aria-label": label,
    "aria-invalid": message ? true : undefined,
    "aria-describedby": describedBy,
    "data-focus-key": cellKey,
    onKeyDown,
  } as const;

  let field;
  if (control.type === "select") {
    field = (
      <select
        {...common}
        value={editText}
        onFocus={focusProps.onFocus}
        onBlur={() => {
          setFocused(false);
          onFocusChange(cellKey, false);
        }}
        onChange={(event) => setError(onCommit(cellKey, event.target.value))}
      >
        {control.emptyLabel !== null ? <option value="">{control.emptyLabel}</option> : null}
        {control.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (control.type === "date") {
    field = (
      <input
        {...common}
        {...focusProps}
        ref={inputRef}
        type="date"
        value={draft ?? editText}
        onChange={(event) => setDraft(event.target.value)}
      />
    );
  } else {
    const value = draft ?? (focused ? editText : display);
    const textProps = {
      ...common,
      ...focusProps,
      value,
      placeholder: control.placeholder,
      maxLength: control.maxLength,
      onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    };
    field = control.multiline ? (
      <textarea {...textProps} ref={inputRef} rows={1} />
    ) : (
      <input
        {...textProps}
        ref={inputRef}
        type="text"
        inputMode={control.numeric ? "decimal" : undefined}
        autoComplete="off"
        className={control.numeric ? "numeric" : undefined}
      />
    );
  }

  return (
    <>
      {field}
      {error ? (
        <p className="cell-message error" id={errorId} role="alert">
          {error}
        </p>
      ) : storedIssue ? (
        <p className="cell-message issue" id={issueId}>
          {storedIssue}
        </p>
      ) : null}
    </>
  );
}
