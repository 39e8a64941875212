import type { KeyboardEvent } from "react";
import { formatMoney, formatNumber } from "../../domain/plan/cells";
import {
  cellInputId,
  GRID_COLUMNS,
  typedValue,
  type GridKind,
  type GridRow,
  type GridTexts,
  type RowCheck,
  type ServerErrors,
} from "./grid-model";

export interface ActualsGridProps {
  kind: GridKind;
  /** Names the table for screen readers (and the scrolling region around it). */
  caption: string;
  /** The first column's heading: "Target market" or "Campaign". */
  refHeading: string;
  rows: readonly GridRow[];
  currency: string;
  readOnly: boolean;
  stored: GridTexts;
  typed: GridTexts;
  /** Checks of the changed rows, by row key. */
  checks: Record<string, RowCheck>;
  server: Record<string, ServerErrors>;
  onCell: (kind: GridKind, key: string, field: string, text: string) => void;
  onRevert: (kind: GridKind, key: string, field: string) => void;
}

/**
 * One actuals grid: a row per market (or campaign) and month, a column per
 * figure. Editable, each cell is a labelled text input ("Revenue won,
 * Mid-market retail, 2027-01") with its error under it; Enter and the
 * up/down arrows move within the column, Tab along the row, Escape puts
 * back the stored value. Read-only, the same table shows the numbers. The
 * table scrolls sideways in its own box with the first column kept in view.
 */
export function ActualsGrid(props: ActualsGridProps) {
  const { kind, caption, refHeading, rows, currency, readOnly } = props;
  const columns = GRID_COLUMNS[kind];
  const captionId = `actuals-${kind}-caption`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, rowIndex: number, colIndex: number) => {
    const row = rows[rowIndex];
    const column = columns[colIndex];
    if (!row || !column) return;
    if (event.key === "Escape") {
      props.onRevert(kind, row.key, column.key);
      return;
    }
    const down = (event.key === "Enter" && !event.shiftKey) || event.key === "ArrowDown";
    const up = (event.key === "Enter" && event.shiftKey) || event.key === "ArrowUp";
    if (!down && !up) return;
    event.preventDefault();
    const target = rows[rowIndex + (down ? 1 : -1)];
    if (!target) return;
    const input = document.getElementById(cellInputId(kind, target.key, column.key));
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  };

  return (
    <div
      className="table-wrap actuals-grid-wrap"
      role="region"
      aria-labelledby={captionId}
      tabIndex={readOnly ? 0 : undefined}
    >
      <table className="actuals-grid">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="grid-ref">
              {refHeading} · month
            </th>
            {columns.map((column) => (
              <th scope="col" key={column.key} className="grid-number">
                {column.label}
                {column.money ? <span className="grid-unit"> ({currency})</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => {
            const check = props.checks[row.key];
            const server = props.server[row.key];
            const rowMessage = server?.row ?? check?.row ?? null;
            const state = rowState(check, server);
            const stateId = `actuals-${kind}-${row.key.replace("|", "-")}-state`;
            return (
              <tr
                key={row.key}
                className={row.first ? "group-start" : undefined}
                data-state={state ?? undefined}
              >
                <th scope="row" className="grid-ref">
                  <span className={row.first ? "grid-ref-name" : "visually-hidden"}>{row.refName}</span>{" "}
                  <span className="grid-month">{row.month}</span>
                  {!readOnly && state ? (
                    <span className={`grid-row-state ${state}`} id={stateId}>
                      {STATE_TEXT[state]}
                      {state === "incomplete" ? (
                        <span className="visually-hidden">: fill every cell, 0 for none</span>
                      ) : null}
                    </span>
                  ) : null}
                  {rowMessage ? <span className="grid-row-error">{rowMessage}</span> : null}
                </th>
                {columns.map((column, colIndex) => {
                  const storedText = props.stored[row.key]?.[column.key] ?? "";
                  if (readOnly)
                    return (
                      <td key={column.key} className="grid-number">
                        <ReadOnlyValue text={storedText} money={column.money} currency={currency} />
                      </td>
                    );
                  const id = cellInputId(kind, row.key, column.key);
                  const text = props.typed[row.key]?.[column.key] ?? storedText;
                  const error = server?.cells[column.key] ?? check?.cells[column.key] ?? null;
                  const describedBy = [error ? `${id}-error` : null, state ? stateId : null]
                    .filter(Boolean)
                    .join(" ");
                  return (
                    <td key={column.key} className="grid-number">
                      <input
                        id={id}
                        type="text"
                        inputMode={column.money ? "decimal" : "numeric"}
                        autoComplete="off"
                        className="numeric"
                        aria-label={`${column.label}, ${row.refName}, ${row.month}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={describedBy || undefined}
                        value={text}
                        onChange={(event) => props.onCell(kind, row.key, column.key, event.target.value)}
                        onKeyDown={(event) => onKeyDown(event, rowIndex, colIndex)}
                      />
                      {error ? (
                        <span className="grid-cell-error" id={`${id}-error`}>
                          {error}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type RowState = "unsaved" | "incomplete" | "invalid";

const STATE_TEXT: Record<RowState, string> = {
  unsaved: "Unsaved",
  incomplete: "Incomplete",
  invalid: "Invalid",
};

function rowState(check: RowCheck | undefined, server: ServerErrors | undefined): RowState | null {
  if (server && (server.row || Object.keys(server.cells).length > 0)) return "invalid";
  if (!check) return null;
  if (check.row || Object.keys(check.cells).length > 0) return "invalid";
  return check.complete ? "unsaved" : "incomplete";
}

function ReadOnlyValue({ text, money, currency }: { text: string; money: boolean; currency: string }) {
  const value = typedValue(text);
  if (typeof value !== "number")
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">empty</span>
      </span>
    );
  return <>{money ? formatMoney(value, currency) : formatNumber(value)}</>;
}
