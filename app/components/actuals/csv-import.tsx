import { useRef, useState, type DragEvent } from "react";
import type { ImportProgress } from "../../domain/actuals";
import {
  importFraction,
  PREVIEW_ROWS,
  type CsvImportNotice,
  type CsvImportState,
} from "../../utils/use-csv-import";
import { CsvPreviewView } from "./csv-preview";

export interface CsvImportProps {
  /** Where the two templates download from. */
  templates: { actuals: string; spend: string };
  state: CsvImportState;
  notice: CsvImportNotice | null;
  onFile: (file: File | null) => void;
  onImport: () => void;
  onReset: () => void;
}

/**
 * The CSV import card: the templates, a file picker that also takes a
 * dropped file, the check of the file in this tab with its progress bar,
 * the preview, Import (only for a file without problems) and the progress
 * of the server's work until it is done.
 */
export function CsvImport({ templates, state, notice, onFile, onImport, onReset }: CsvImportProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = state.step === "checking" || state.step === "importing";
  const preview = state.step === "idle" || state.step === "checking" ? null : state.preview;
  const importable =
    state.step === "checked" && state.preview.errorCount === 0 && state.preview.kind !== null;
  const rows = preview?.rowCount ?? 0;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const file = event.dataTransfer.files[0] ?? null;
    if (input.current) input.current.value = "";
    onFile(file);
  };

  return (
    <section className="card csv-import" aria-labelledby="csv-import-title">
      <h2 id="csv-import-title">Import from CSV</h2>
      <p className="muted">
        One file of either template, with every cell filled (0 for none). The file is checked here first; the
        import is all or nothing, and overwrites the months it names.
      </p>
      <p className="csv-templates">
        <span>Templates:</span>
        <a href={templates.actuals} download>
          Market actuals (CSV)
        </a>
        <a href={templates.spend} download>
          Campaign spend (CSV)
        </a>
      </p>

      <div
        className="csv-drop"
        data-dragging={dragging ? "true" : undefined}
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="csv-file" className="label">
          CSV file
        </label>
        <input
          ref={input}
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby="csv-file-hint"
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
        <p className="hint" id="csv-file-hint">
          Or drop a file here. Up to 8 MiB (about 50,000 rows per file is fine).
        </p>
      </div>

      {state.step === "checking" ? (
        <Progress
          id="csv-check"
          label={`Checking ${state.fileName}…`}
          value={state.total > 0 ? state.done / state.total : 0}
        />
      ) : null}

      {preview ? <CsvPreviewView preview={preview} shownRows={PREVIEW_ROWS} /> : null}

      {state.step === "importing" || state.step === "imported" ? (
        <Progress
          id="csv-upload"
          label={
            state.step === "imported"
              ? `Done: imported ${state.imported.toLocaleString("en-US")} rows.`
              : importText(state.progress)
          }
          value={state.step === "imported" ? 1 : importFraction(state.progress)}
        />
      ) : null}

      {notice ? (
        <p className={`alert ${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
          {notice.text}
        </p>
      ) : null}

      <div className="form-actions">
        <button type="button" className="button" disabled={!importable} onClick={onImport}>
          {state.step === "importing"
            ? "Importing…"
            : importable
              ? `Import ${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"}`
              : "Import"}
        </button>
        {preview && !busy ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              if (input.current) input.current.value = "";
              onReset();
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
    </section>
  );
}

function importText(progress: ImportProgress | null): string {
  if (!progress) return "Uploading the file…";
  if (progress.phase === "checking") return "Checking the file on the server…";
  return `Saving ${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} rows…`;
}

/** A labelled progress bar with its percentage. */
function Progress({ id, label, value }: { id: string; label: string; value: number }) {
  const percent = Math.round(value * 100);
  return (
    <div className="csv-progress">
      <p id={`${id}-label`} className="csv-progress-label">
        <span>{label}</span>
        <span aria-hidden="true">{percent} %</span>
      </p>
      <progress id={id} aria-labelledby={`${id}-label`} max={100} value={percent} />
    </div>
  );
}
