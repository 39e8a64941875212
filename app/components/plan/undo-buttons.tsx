/** Undo and redo of this person's own changes, for pointer users; disabled when there is nothing to do. */
export function UndoButtons({
  canUndo,
  canRedo,
  onUndo,
  onRedo,
}: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}) {
  return (
    <div className="undo-buttons" role="group" aria-label="History">
      <button
        type="button"
        className="icon-button"
        onClick={onUndo}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title="Undo your last change (Ctrl+Z)"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path
            d="M8 5 4 9l4 4M4.5 9H12a4 4 0 0 1 0 8h-2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="visually-hidden">Undo</span>
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={onRedo}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title="Redo (Ctrl+Shift+Z)"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path
            d="m12 5 4 4-4 4M15.5 9H8a4 4 0 0 0 0 8h2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="visually-hidden">Redo</span>
      </button>
    </div>
  );
}
