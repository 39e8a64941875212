import { memo, useCallback, useMemo, type KeyboardEvent, type ReactElement } from "react";
import type { TableSection } from "../../domain/plan";
import { PlanCell } from "../../components/plan-table/plan-cell";
import { RowActions } from "../../components/plan-table/row-actions";
import type { CellPeerView } from "../../components/plan-table/types";
import { RowCommentButton } from "../comments/comment-buttons";
import type { RowPresence } from "./cell-presence";
import type { TableRow } from "./table-rows";
import { storedRowIssues } from "./table-writes";
import {
  cellControl,
  cellDisplay,
  cellEditText,
  specOf,
  type CellChoices,
  type TableSpec,
} from "./table-specs";

/** What a row does to the document; one object per table, stable across renders. */
export interface RowCallbacks {
  /** Null when written, else the message that refused the value. */
  commit: (rowId: string, key: string, raw: string) => string | null;
  focus: (rowId: string, key: string, focused: boolean) => void;
  move: (rowId: string, direction: -1 | 1, focusKey: string, name: string) => void;
  remove: (rowId: string, name: string) => void;
}

const NO_PEERS: readonly CellPeerView[] = Object.freeze([]);

/**
 * One row of a table. Memoised: the row object from the store stays the same
 * while its cells do, so typing in one row re-renders that row only.
 */
export const BoundRow = memo(function BoundRow<S extends TableSection>({
  spec,
  row,
  position,
  isLast,
  presence,
  canEdit,
  withComments,
  currency,
  choices,
  name,
  callbacks,
}: {
  spec: TableSpec<S>;
  row: TableRow<S>;
  position: number;
  isLast: boolean;
  presence: RowPresence | undefined;
  canEdit: boolean;
  /** A cell with the row's comment button (on the plan page). */
  withComments: boolean;
  currency: string;
  choices: CellChoices;
  /** The row's name in labels: "Revenue target of Mid-market fintech". */
  name: string;
  callbacks: RowCallbacks;
}) {
  const { section } = spec;
  const rowId = row.id;
  const issues = useMemo(() => storedRowIssues(section, row), [section, row]);

  const onCommit = useCallback(
    (key: string, raw: string) => callbacks.commit(rowId, key, raw),
    [callbacks, rowId],
  );
  const onFocusChange = useCallback(
    (key: string, focused: boolean) => callbacks.focus(rowId, key, focused),
    [callbacks, rowId],
  );
  const onMove = useCallback(
    (direction: -1 | 1) =>
      callbacks.move(rowId, direction, direction < 0 ? "action:up" : "action:down", name),
    [callbacks, rowId, name],
  );
  const onDelete = useCallback(() => callbacks.remove(rowId, name), [callbacks, rowId, name]);

  // Alt+ArrowUp/Down anywhere in the row moves it; the cell has committed its draft first.
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    const from = (event.target as HTMLElement).closest<HTMLElement>("[data-focus-key]");
    const focusKey = from?.dataset.focusKey ?? spec.columns[0] ?? "";
    callbacks.move(rowId, event.key === "ArrowUp" ? -1 : 1, focusKey, name);
  };

  const values = row as unknown as Record<string, unknown>;
  return (
    <tr data-row-id={rowId} onKeyDown={canEdit ? onKeyDown : undefined}>
      {spec.columns.map((key, index) => {
        const column = specOf(section, key);
        const value = values[key];
        const control = cellControl(column, value, choices);
        return (
          <PlanCell
            key={key}
            id={`${section}-${rowId}-${key}`}
            cellKey={key}
            label={`${column.label} of ${name}`}
            control={control}
            display={cellDisplay(section, key, value, currency, control)}
            editText={cellEditText(section, key, value)}
            readOnly={!canEdit}
            peers={presence?.[key] ?? NO_PEERS}
            storedIssue={issues[key]}
            rowHeader={index === 0}
            className={`kind-${column.kind}${control.type === "text" && control.multiline ? " long" : ""}`}
            onCommit={onCommit}
            onFocusChange={onFocusChange}
          />
        );
      })}
      {withComments ? (
        <td className="row-comment">
          <RowCommentButton section={section} rowId={rowId} name={name} />
        </td>
      ) : null}
      {canEdit ? (
        <RowActions
          rowName={name}
          canMoveUp={position > 0}
          canMoveDown={!isLast}
          onMove={onMove}
          onDelete={onDelete}
        />
      ) : null}
    </tr>
  );
}) as <S extends TableSection>(props: {
  spec: TableSpec<S>;
  row: TableRow<S>;
  position: number;
  isLast: boolean;
  presence: RowPresence | undefined;
  canEdit: boolean;
  withComments: boolean;
  currency: string;
  choices: CellChoices;
  name: string;
  callbacks: RowCallbacks;
}) => ReactElement;
