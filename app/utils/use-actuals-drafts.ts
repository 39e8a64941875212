import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  cellInputId,
  checkRow,
  GRID_COLUMNS,
  mapServerErrors,
  rowChanged,
  storedTexts,
  type CellTexts,
  type GridKind,
  type GridRow,
  type GridTexts,
  type RowCheck,
  type ServerErrors,
} from "../components/actuals/grid-model";
import type { PlanActuals } from "../domain/actuals";
import { ApiError, callApi } from "./api-client";
import { useUnsavedGuard } from "./use-unsaved-guard";

/**
 * What someone types into the actuals grids until it is saved: the typed
 * cells, each changed row checked as it is typed, and Save, which sends
 * only the changed rows that are complete and valid (one POST, all or
 * nothing), maps the server's row and field errors back onto the cells,
 * and reloads the page's data. Leaving the page with unsaved rows asks first.
 */

type PerGrid<T> = Record<GridKind, T>;
const KINDS: readonly GridKind[] = ["rows", "spend"];
const none = <T>(): PerGrid<Record<string, T>> => ({ rows: {}, spend: {} });

export interface DraftStatus {
  tone: "success" | "error" | "info";
  text: string;
}

const rowsWord = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;
const INCOMPLETE = "A row is saved once all of its cells are filled: enter 0 for none.";

export function useActualsDrafts(planId: string, actuals: PlanActuals, rows: PerGrid<readonly GridRow[]>) {
  const { revalidate } = useRevalidator();
  const [typed, setTyped] = useState<PerGrid<GridTexts>>(none);
  // Rows just saved, shown as stored until the reloaded data has them.
  const [saved, setSaved] = useState<PerGrid<GridTexts>>(none);
  const [server, setServer] = useState<PerGrid<Record<string, ServerErrors>>>(none);
  const [status, setStatus] = useState<DraftStatus | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setSaved(none()), [actuals]);

  const stored = useMemo<PerGrid<GridTexts>>(
    () => ({
      rows: { ...storedTexts("rows", actuals), ...saved.rows },
      spend: { ...storedTexts("spend", actuals), ...saved.spend },
    }),
    [actuals, saved],
  );

  /** Every changed row, checked. */
  const checks = useMemo(() => {
    const result: PerGrid<Record<string, RowCheck>> = none();
    for (const kind of KINDS) {
      for (const row of rows[kind]) {
        const mine = typed[kind][row.key];
        const theirs = stored[kind][row.key];
        if (!rowChanged(kind, mine, theirs)) continue;
        result[kind][row.key] = checkRow(kind, row, (field) => mine?.[field] ?? theirs?.[field] ?? "");
      }
    }
    return result;
  }, [rows, typed, stored]);

  const unsaved = Object.keys(checks.rows).length + Object.keys(checks.spend).length;

  // Closing the tab or following a link with unsaved rows asks first.
  const leaving = useUnsavedGuard(unsaved > 0);

  const setCell = useCallback((kind: GridKind, key: string, field: string, text: string) => {
    setTyped((all) => ({ ...all, [kind]: { ...all[kind], [key]: { ...all[kind][key], [field]: text } } }));
    setServer((all) => {
      const errors = all[kind][key];
      if (!errors) return all;
      const cells = { ...errors.cells };
      delete cells[field];
      return { ...all, [kind]: { ...all[kind], [key]: { cells, row: null } } };
    });
    setStatus((current) => (current?.tone === "success" ? null : current));
  }, []);

  /** Back to the stored value (Escape in a cell). */
  const revertCell = useCallback((kind: GridKind, key: string, field: string) => {
    setTyped((all) => {
      const row = all[kind][key];
      if (!row || !(field in row)) return all;
      const rest: CellTexts = { ...row };
      delete rest[field];
      return { ...all, [kind]: { ...all[kind], [key]: rest } };
    });
  }, []);

  const discard = useCallback(() => {
    setTyped(none());
    setServer(none());
    setStatus(null);
  }, []);

  const save = useCallback(async () => {
    const invalid = KINDS.flatMap((kind) =>
      Object.entries(checks[kind]).flatMap(([key, check]) =>
        check.complete && !check.value ? [{ kind, key, check }] : [],
      ),
    );
    const incomplete = KINDS.reduce(
      (n, kind) => n + Object.values(checks[kind]).filter((c) => !c.complete).length,
      0,
    );
    if (invalid.length > 0) {
      setStatus({ tone: "error", text: "Fix the marked cells first; nothing was saved." });
      const first = invalid[0]!;
      focusCell(first.kind, first.key, Object.keys(first.check.cells)[0]);
      return;
    }
    const keys: PerGrid<string[]> = { rows: [], spend: [] };
    const body: PlanActuals = { rows: [], spend: [] };
    const sentTexts: PerGrid<GridTexts> = none();
    for (const kind of KINDS) {
      for (const [key, check] of Object.entries(checks[kind])) {
        if (!check.value) continue;
        keys[kind].push(key);
        (body[kind] as unknown[]).push(check.value);
        sentTexts[kind][key] = textsOf(kind, typed[kind][key], stored[kind][key]);
      }
    }
    const count = keys.rows.length + keys.spend.length;
    if (count === 0) {
      setStatus({
        tone: "info",
        text: incomplete ? `Nothing saved yet. ${INCOMPLETE}` : "No changes to save.",
      });
      return;
    }
    setSaving(true);
    try {
      await callApi("POST", `/api/plans/${planId}/actuals`, body);
      setSaved((all) => ({
        rows: { ...all.rows, ...sentTexts.rows },
        spend: { ...all.spend, ...sentTexts.spend },
      }));
      // Rows typed into while the request was on its way stay typed.
      setTyped((all) => {
        const next = { rows: { ...all.rows }, spend: { ...all.spend } };
        for (const kind of KINDS)
          for (const key of keys[kind])
            if (sameTexts(kind, textsOf(kind, next[kind][key], stored[kind][key]), sentTexts[kind][key]))
              delete next[kind][key];
        return next;
      });
      setServer(none());
      const left = incomplete
        ? ` ${incomplete === 1 ? "1 row is" : `${incomplete} rows are`} not complete and not saved: enter 0 for none.`
        : "";
      setStatus({ tone: "success", text: `Saved ${rowsWord(count)}.${left}` });
      revalidate();
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : null;
      if (error && error.status === 400) {
        const mapped = mapServerErrors(error.fieldErrors, keys);
        setServer(mapped.byRow);
        setStatus({ tone: "error", text: [error.message, ...mapped.general].join(" ") });
        const kind = KINDS.find((k) => Object.keys(mapped.byRow[k]).length > 0);
        if (kind) {
          const [key, errors] = Object.entries(mapped.byRow[kind])[0]!;
          focusCell(kind, key, Object.keys(errors.cells)[0]);
        }
      } else {
        setStatus({ tone: "error", text: error?.message ?? "Saving failed. Try again." });
      }
    } finally {
      setSaving(false);
    }
  }, [checks, planId, revalidate, stored, typed]);

  return {
    stored,
    typed,
    checks,
    server,
    status,
    saving,
    unsaved,
    leaving,
    setCell,
    revertCell,
    discard,
    save,
  };
}

function textsOf(kind: GridKind, typed: CellTexts | undefined, stored: CellTexts | undefined): CellTexts {
  return Object.fromEntries(GRID_COLUMNS[kind].map((c) => [c.key, typed?.[c.key] ?? stored?.[c.key] ?? ""]));
}

function sameTexts(kind: GridKind, a: CellTexts | undefined, b: CellTexts | undefined): boolean {
  return GRID_COLUMNS[kind].every((c) => (a?.[c.key] ?? "") === (b?.[c.key] ?? ""));
}

/** Moves the focus to a cell (its first one when no field is named) once the page has drawn. */
function focusCell(kind: GridKind, key: string, field = GRID_COLUMNS[kind][0]!.key): void {
  requestAnimationFrame(() => document.getElementById(cellInputId(kind, key, field))?.focus());
}

export type ActualsDrafts = ReturnType<typeof useActualsDrafts>;
