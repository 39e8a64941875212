export interface SaveBarProps {
  /** Changed rows not saved yet. */
  unsaved: number;
  saving: boolean;
  status: { tone: "success" | "error" | "info"; text: string } | null;
  onSave: () => void;
  onDiscard: () => void;
}

/**
 * The grids' Save: how many rows are unsaved, Save and Discard, and what
 * the last save did ("Saved 6 rows.", or why nothing was saved), announced
 * to screen readers. It stays at the bottom of the window while the grids
 * scroll past.
 */
export function SaveBar({ unsaved, saving, status, onSave, onDiscard }: SaveBarProps) {
  return (
    <div className="actuals-savebar" data-dirty={unsaved > 0 ? "true" : undefined}>
      <p className="actuals-savebar-state">
        {unsaved === 0 ? (
          <span className="muted">No unsaved changes</span>
        ) : (
          <strong>
            {unsaved} unsaved {unsaved === 1 ? "row" : "rows"}
          </strong>
        )}
      </p>
      <p className={`actuals-savebar-status ${status?.tone ?? ""}`} role="status">
        {status?.text ?? ""}
      </p>
      <div className="row actuals-savebar-actions">
        <button
          type="button"
          className="button secondary small"
          onClick={onDiscard}
          disabled={unsaved === 0 || saving}
        >
          Discard
        </button>
        <button type="button" className="button small" onClick={onSave} disabled={unsaved === 0 || saving}>
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
    </div>
  );
}
