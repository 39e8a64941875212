import type { ReactNode } from "react";
import { SectionFrame, type SectionVisitor } from "../plan/section-frame";

export interface TableColumn {
  key: string;
  label: string;
  /** Extra class of the header and its cells (width, alignment). */
  className?: string;
}

/**
 * A table section of the plan, in the plan's section card (heading, one-line
 * purpose, who is in it): the table (scrolling sideways inside the card on a phone) or, while empty,
 * the hint and the add button; a notice slot for "Deleted … Undo" and a
 * polite live region for what keyboard actions did.
 */
export function TableCard({
  sectionId,
  title,
  hint,
  visitors,
  isEmpty,
  emptyHint,
  addLabel,
  onAdd,
  notice,
  announcement,
  children,
  footer,
  actions,
}: {
  sectionId: string;
  title: string;
  hint: string;
  visitors: readonly SectionVisitor[];
  isEmpty: boolean;
  emptyHint: string;
  /** Null for readers: no add button. */
  addLabel: string | null;
  onAdd: () => void;
  notice?: ReactNode;
  announcement: string;
  /** The table, when there are rows. */
  children: ReactNode;
  footer?: ReactNode;
  /** Controls beside the heading (the section's comment button). */
  actions?: ReactNode;
}) {
  const add = addLabel ? (
    <button
      type="button"
      className="button secondary small add-row"
      onClick={onAdd}
      data-focus-key="action:add"
    >
      <span aria-hidden="true">+</span> {addLabel}
    </button>
  ) : null;
  return (
    <SectionFrame id={sectionId} title={title} hint={hint} visitors={visitors} actions={actions}>
      {isEmpty ? (
        <div className="plan-table-empty">
          <p>{emptyHint}</p>
          {add}
        </div>
      ) : (
        <>
          {children}
          {add ? <div className="plan-table-actions">{add}</div> : null}
        </>
      )}
      {notice}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {footer}
    </SectionFrame>
  );
}

/** The table element with its column headers; rows come as children. */
export function PlanTableGrid({
  labelledBy,
  columns,
  withActions,
  withComments = false,
  focusable,
  className,
  children,
}: {
  labelledBy: string;
  columns: readonly TableColumn[];
  withActions: boolean;
  /** A column for each row's comment button. */
  withComments?: boolean;
  /** Readers have nothing to tab to inside: let them focus the scroll area itself. */
  focusable: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="table-wrap plan-table-wrap"
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={focusable ? 0 : undefined}
    >
      <table className={`plan-table ${className ?? ""}`} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.label}
              </th>
            ))}
            {withComments ? (
              <th scope="col" className="comments-col">
                <span className="visually-hidden">Comments</span>
              </th>
            ) : null}
            {withActions ? (
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** "Deleted Mid-market fintech. Undo" after a delete, until the next change of this person. */
export function UndoNotice({
  text,
  onUndo,
  onDismiss,
}: {
  text: string;
  /** Null when the change cannot be undone from here. */
  onUndo: (() => void) | null;
  onDismiss: () => void;
}) {
  return (
    <div className="undo-notice" role="status">
      <span>{text}</span>
      {onUndo ? (
        <button type="button" className="link-button" onClick={onUndo} data-focus-key="action:undo">
          Undo
        </button>
      ) : null}
      <button
        type="button"
        className="row-icon-button"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={onDismiss}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
    </div>
  );
}
