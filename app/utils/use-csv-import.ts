import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  checkActualsCsvInSlices,
  type ActualsCsvContext,
  type CsvError,
  type CsvRecord,
  type ImportProgress,
} from "../domain/actuals";
import { ApiError } from "./api-client";
import { importCsvWithProgress } from "./import-csv-request";

/**
 * A CSV import as the page takes it: a file chosen (or dropped) is read
 * and checked in this tab with the server's own validator, in slices so a
 * 50,000-row file never freezes the page, with a progress bar; the preview
 * shows what was found and every bad row; Import uploads it and follows the
 * server's real progress to the end, then reloads the page's data.
 */

/** The server refuses more (413); say so before reading the file. */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;
/** Rows of the file shown in the preview. */
export const PREVIEW_ROWS = 20;
/** Problems listed; the count says how many more there are. */
export const LISTED_ERRORS = 200;

export interface CsvPreview {
  fileName: string;
  kind: "actuals" | "spend" | null;
  /** Records after the header. */
  rowCount: number;
  header: string[] | null;
  sample: CsvRecord[];
  errors: CsvError[];
  errorCount: number;
}

export type CsvImportState =
  | { step: "idle" }
  | { step: "checking"; fileName: string; done: number; total: number }
  | { step: "checked"; preview: CsvPreview }
  | { step: "importing"; preview: CsvPreview; progress: ImportProgress | null }
  | { step: "imported"; preview: CsvPreview; imported: number };

export interface CsvImportNotice {
  tone: "success" | "error";
  text: string;
}

const rowsWord = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;

export function useCsvImport(planId: string, refs: ActualsCsvContext) {
  const { revalidate } = useRevalidator();
  const [state, setState] = useState<CsvImportState>({ step: "idle" });
  const [notice, setNotice] = useState<CsvImportNotice | null>(null);
  const text = useRef("");
  const checking = useRef<AbortController | null>(null);

  useEffect(() => () => checking.current?.abort(), []);

  const reset = useCallback(() => {
    checking.current?.abort();
    text.current = "";
    setState({ step: "idle" });
    setNotice(null);
  }, []);

  const chooseFile = useCallback(
    async (file: File | null) => {
      checking.current?.abort();
      setNotice(null);
      text.current = "";
      if (!file) {
        setState({ step: "idle" });
        return;
      }
      if (file.size > MAX_CSV_BYTES) {
        setState({ step: "idle" });
        setNotice({ tone: "error", text: `${file.name} is larger than 8 MiB. Split it into smaller files.` });
        return;
      }
      const controller = new AbortController();
      checking.current = controller;
      setState({ step: "checking", fileName: file.name, done: 0, total: file.size });
      try {
        const content = await file.text();
        const check = await checkActualsCsvInSlices(content, refs, {
          sample: PREVIEW_ROWS,
          signal: controller.signal,
          onProgress: ({ done, total }) => setState({ step: "checking", fileName: file.name, done, total }),
        });
        text.current = content;
        const { result } = check;
        setState({
          step: "checked",
          preview: {
            fileName: file.name,
            kind: result.kind,
            rowCount: check.progress.rows,
            header: check.header,
            sample: check.sample,
            errors: result.errors.slice(0, LISTED_ERRORS),
            errorCount: result.errors.length,
          },
        });
      } catch (failure) {
        if (controller.signal.aborted) return;
        setState({ step: "idle" });
        setNotice({ tone: "error", text: `${file.name} could not be read: ${String(failure)}` });
      }
    },
    [refs],
  );

  const startImport = useCallback(async () => {
    if (state.step !== "checked" || state.preview.errorCount > 0 || !state.preview.kind) return;
    const { preview } = state;
    setNotice(null);
    setState({ step: "importing", preview, progress: null });
    try {
      const done = await importCsvWithProgress(planId, text.current, (progress) =>
        setState({ step: "importing", preview, progress }),
      );
      setState({ step: "imported", preview, imported: done.imported });
      setNotice({ tone: "success", text: `Imported ${rowsWord(done.imported)}.` });
      revalidate();
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : null;
      const rowErrors = (error?.body?.rowErrors ?? []) as CsvError[];
      // The server found problems the preview could not (the plan changed meanwhile): list them instead.
      setState({
        step: "checked",
        preview: rowErrors.length
          ? { ...preview, errors: rowErrors.slice(0, LISTED_ERRORS), errorCount: rowErrors.length }
          : preview,
      });
      setNotice({ tone: "error", text: error?.message ?? "The import failed. Try again." });
    }
  }, [planId, revalidate, state]);

  return { state, notice, chooseFile, startImport, reset };
}

/** How far an import is, 0 to 1: checking is the first half of the bar, saving the second. */
export function importFraction(progress: ImportProgress | null): number {
  if (!progress) return 0;
  const part = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
  return progress.phase === "checking" ? part / 2 : 0.5 + part / 2;
}
