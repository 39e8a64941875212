import { memo, useEffect, useRef, useState, type Ref } from "react";

/**
 * Move up, move down and delete for one row. Deleting asks first, inline in
 * the row (no native dialog): the question and its two buttons replace the
 * row's buttons, focus goes to "Delete", Escape or "Cancel" goes back.
 */
export const RowActions = memo(function RowActions({
  rowName,
  canMoveUp,
  canMoveDown,
  onMove,
  onDelete,
}: {
  rowName: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus({ preventScroll: true });
      // The question is wider than the buttons it replaces: show all of it inside the scrolling table.
      groupRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
    else if (returnFocus.current) askRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  if (confirming) {
    return (
      <td className="row-actions">
        <div
          ref={groupRef}
          className="row-confirm"
          role="group"
          aria-label={`Delete ${rowName}?`}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            cancel();
          }}
        >
          <span aria-hidden="true">Delete?</span>
          <button
            ref={confirmRef}
            type="button"
            className="button danger small"
            data-focus-key="action:confirm-delete"
            onClick={onDelete}
          >
            Delete<span className="visually-hidden"> {rowName}</span>
          </button>
          <button type="button" className="button secondary small" onClick={cancel}>
            Cancel
          </button>
        </div>
      </td>
    );
  }

  return (
    <td className="row-actions">
      <div className="row-buttons">
        <IconButton
          label={`Move ${rowName} up`}
          focusKey="action:up"
          disabled={!canMoveUp}
          onClick={() => onMove(-1)}
          path="M6 15l6-6 6 6"
        />
        <IconButton
          label={`Move ${rowName} down`}
          focusKey="action:down"
          disabled={!canMoveDown}
          onClick={() => onMove(1)}
          path="M6 9l6 6 6-6"
        />
        <IconButton
          buttonRef={askRef}
          label={`Delete ${rowName}`}
          focusKey="action:delete"
          danger
          onClick={() => setConfirming(true)}
          path="M5 7h14M10 11v6M14 11v6M7 7l1 12h8l1-12M9 7V4h6v3"
        />
      </div>
    </td>
  );
});

function IconButton({
  label,
  focusKey,
  path,
  onClick,
  disabled,
  danger,
  buttonRef,
}: {
  label: string;
  focusKey: string;
  path: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className={`row-icon-button${danger ? " danger" : ""}`}
      aria-label={label}
      title={label}
      data-focus-key={focusKey}
      disabled={disabled}
      onClick={onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={path} />
      </svg>
    </button>
  );
}
