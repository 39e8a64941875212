import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import type { CellKeyOf, TableSection } from "../../domain/plan";
import {
  PlanTableGrid,
  TableCard,
  UndoNotice,
  type TableColumn,
} from "../../components/plan-table/table-card";
import { SectionCommentButton } from "../comments/comment-buttons";
import { useComments } from "../comments/comments-context";
import { usePlanEditor } from "../plan-editor-context";
import { PAGE_SECTIONS, sectionAnchor } from "../plan-sections";
import { BoundRow, type RowCallbacks } from "./bound-row";
import { addRow, commitCell, deleteRow, moveRow, suggestedValues } from "./table-writes";
import { marketOptions, rowNames, specOf, type CellChoices, type TableSpec } from "./table-specs";
import { useTablePresence, useTableRows } from "./use-table";

/** Where focus goes after the next render: a control of a row, or of the card itself. */
interface PendingFocus {
  rowId: string | null;
  focusKey: string;
  at: number;
}

interface DeletedNotice {
  rowId: string;
  name: string;
  /** The undo step of the delete; Undo works while it is still this person's latest. */
  item: unknown;
}

/**
 * One table section bound to its Y.Array: rows from the store, writes
 * through table-writes.ts with this person's origin, presence in and out of
 * awareness, and the focus bookkeeping that keeps the keyboard where it was
 * when a row moves, appears or goes.
 */
export function BoundTable<S extends TableSection>({
  spec,
  footer,
}: {
  spec: TableSpec<S>;
  footer?: ReactNode;
}) {
  const { doc, localOrigin, undoManager, setFocus, canEdit, currency, members } = usePlanEditor();
  const { section } = spec;
  const rows = useTableRows(section);
  const markets = useTableRows(
    section === "revenueGoals" || section === "campaigns" ? "targetMarkets" : null,
  );
  const presence = useTablePresence(section);
  const withComments = useComments() !== null;
  const sectionId = sectionAnchor(section);
  const frame = PAGE_SECTIONS.find((info) => info.name === section);
  const headingId = `${sectionId}-heading`;

  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState<DeletedNotice | null>(null);
  const pendingFocus = useRef<PendingFocus | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const choices = useMemo<CellChoices>(
    () => ({
      markets: marketOptions(markets),
      members: members.map((member) => ({ value: member.userId, label: member.name })),
    }),
    [markets, members],
  );
  const marketNames = useMemo(
    () => new Map(choices.markets.map((option) => [option.value, option.label])),
    [choices.markets],
  );
  const names = useMemo(() => rowNames(spec, rows, marketNames), [spec, rows, marketNames]);
  const columns = useMemo<TableColumn[]>(
    () =>
      spec.columns.map((key) => {
        const column = specOf(section, key);
        return { key, label: column.label, className: `kind-${column.kind}` };
      }),
    [spec.columns, section],
  );

  const callbacks = useMemo<RowCallbacks>(
    () => ({
      commit(rowId, key, raw) {
        undoManager.stopCapturing();
        // Keys come from spec.columns, so they are keys of this section.
        const result = commitCell(doc, section, rowId, key as CellKeyOf<S>, raw, localOrigin);
        return result.ok ? null : result.message;
      },
      focus(rowId, key, focused) {
        setFocus(focused ? { section, rowId, key } : null);
      },
      move(rowId, direction, focusKey, name) {
        undoManager.stopCapturing();
        const position = moveRow(doc, section, rowId, direction, localOrigin);
        if (position === null) return;
        pendingFocus.current = { rowId, focusKey, at: Date.now() };
        setAnnouncement(`Moved ${name} to position ${position + 1} of ${rowsRef.current.length}.`);
      },
      remove(rowId, name) {
        undoManager.stopCapturing();
        if (!deleteRow(doc, section, rowId, localOrigin)) return;
        const item = undoManager.undoStack[undoManager.undoStack.length - 1] ?? null;
        setNotice({ rowId, name, item });
        setAnnouncement("");
        pendingFocus.current = { rowId: null, focusKey: item ? "action:undo" : "action:add", at: Date.now() };
      },
    }),
    [doc, section, localOrigin, undoManager, setFocus],
  );

  const add = () => {
    undoManager.stopCapturing();
    const id = addRow(doc, section, localOrigin, suggestedValues(doc, section));
    pendingFocus.current = { rowId: id, focusKey: spec.columns[0] ?? "", at: Date.now() };
    setAnnouncement(`Added a ${spec.noun}.`);
  };

  const undoDelete = () => {
    if (!notice) return;
    if (undoManager.undoStack[undoManager.undoStack.length - 1] === notice.item) {
      undoManager.undo();
      pendingFocus.current = { rowId: notice.rowId, focusKey: spec.columns[0] ?? "", at: Date.now() };
      setAnnouncement(`Restored ${notice.name}.`);
    }
    setNotice(null);
  };

  useDropNoticeWhenStale(undoManager, notice, setNotice);
  // Someone else's reorder needs nothing here: React keeps the focused input
  // focused across DOM moves (and its onBlur quiet), so a draft survives.
  useRestoreFocus(sectionId, pendingFocus);

  return (
    <TableCard
      sectionId={sectionId}
      title={frame?.label ?? spec.title}
      hint={frame?.hint ?? spec.hint}
      visitors={presence.visitors}
      isEmpty={rows.length === 0}
      emptyHint={canEdit ? spec.emptyHint : `${spec.emptyHint.split(". ")[0]}.`}
      addLabel={canEdit ? `Add ${spec.noun}` : null}
      onAdd={add}
      announcement={announcement}
      notice={
        notice && canEdit ? (
          <UndoNotice
            text={`Deleted ${notice.name}.`}
            onUndo={notice.item ? undoDelete : null}
            onDismiss={() => setNotice(null)}
          />
        ) : null
      }
      footer={footer}
      actions={<SectionCommentButton section={section} />}
    >
      <PlanTableGrid
        labelledBy={headingId}
        columns={columns}
        withActions={canEdit}
        withComments={withComments}
        focusable={!canEdit}
        className={`table-${section}`}
      >
        {rows.map((row, position) => (
          <BoundRow
            key={row.id}
            spec={spec}
            row={row}
            position={position}
            isLast={position === rows.length - 1}
            presence={presence.cells.get(row.id)}
            canEdit={canEdit}
            withComments={withComments}
            currency={currency}
            choices={choices}
            name={names.get(row.id) ?? spec.noun}
            callbacks={callbacks}
          />
        ))}
      </PlanTableGrid>
    </TableCard>
  );
}

/** The Undo of a delete goes away once this person does anything else undoable (or undoes). */
function useDropNoticeWhenStale(
  undoManager: Y.UndoManager,
  notice: DeletedNotice | null,
  setNotice: (notice: DeletedNotice | null) => void,
): void {
  useEffect(() => {
    if (!notice) return;
    const check = () => {
      if (undoManager.undoStack[undoManager.undoStack.length - 1] !== notice.item) setNotice(null);
    };
    undoManager.on("stack-item-added", check);
    undoManager.on("stack-item-popped", check);
    return () => {
      undoManager.off("stack-item-added", check);
      undoManager.off("stack-item-popped", check);
    };
  }, [undoManager, notice, setNotice]);
}

/**
 * After a move, add, delete or undo, puts focus back on the same control of
 * the row (its DOM node may have been moved, which drops focus), or on a
 * control of the card. A disabled target (Move down on the new last row)
 * falls back to the row's first enabled control.
 */
function useRestoreFocus(sectionId: string, pending: { current: PendingFocus | null }): void {
  useLayoutEffect(() => {
    const wanted = pending.current;
    if (!wanted) return;
    if (Date.now() - wanted.at > 2000) {
      pending.current = null;
      return;
    }
    const root = document.getElementById(sectionId);
    const scope = wanted.rowId ? root?.querySelector(`[data-row-id="${wanted.rowId}"]`) : root;
    if (!scope) return;
    const target =
      scope.querySelector<HTMLElement>(`[data-focus-key="${wanted.focusKey}"]:not(:disabled)`) ??
      scope.querySelector<HTMLElement>("[data-focus-key]:not(:disabled)");
    pending.current = null;
    target?.focus();
  });
}
