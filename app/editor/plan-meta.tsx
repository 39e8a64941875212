import { useMemo, useState } from "react";
import { RenameForm } from "../components/plan/rename-form";
import { META_COLUMNS, SECTION, parseCell, readCell } from "../domain/plan";
import { usePlanEditor } from "./plan-editor-context";
import { useYSnapshot } from "./use-y-snapshot";
import { topMap } from "./y-types";

export interface PlanMetaView {
  title: string;
  period: string;
  currency: string;
}

/** The plan's title, period and currency as the document says now, or `fallback` (the plans row) where it says nothing. */
export function usePlanMeta(fallback: PlanMetaView): PlanMetaView {
  const { doc } = usePlanEditor();
  const meta = useMemo(() => topMap(doc, SECTION.meta), [doc]);
  const title = useYSnapshot(meta, () => readCell(META_COLUMNS.title, meta?.get("title")) as string);
  const period = useYSnapshot(meta, () => readCell(META_COLUMNS.period, meta?.get("period")) as string);
  const currency = useYSnapshot(
    meta,
    () => readCell(META_COLUMNS.currency, meta?.get("currency")) as string | null,
  );
  return {
    title: title.trim() || fallback.title,
    period: period || fallback.period,
    currency: currency ?? fallback.currency,
  };
}

/**
 * The plan title as the page's h1; editors rename it in place (meta.title in
 * the document, validated like every cell). Renaming is a small form rather
 * than a live field, so two people typing in the title at once do not
 * overwrite each other letter by letter.
 */
export function PlanTitle({ title }: { title: string }) {
  const { doc, canEdit, localOrigin, setFocus } = usePlanEditor();
  const [renaming, setRenaming] = useState(false);
  if (renaming && canEdit) {
    return (
      <RenameForm
        label="Plan title"
        initial={title}
        maxLength={META_COLUMNS.title.maxLength}
        onCancel={() => {
          setRenaming(false);
          setFocus(null);
        }}
        onSave={(typed) => {
          const parsed = parseCell("meta", "title", typed.trim());
          if (!parsed.ok) return parsed.message;
          const meta = topMap(doc, SECTION.meta);
          if (!meta) return "The title cannot be changed in this plan.";
          if (parsed.value !== title) doc.transact(() => meta.set("title", parsed.value), localOrigin);
          setRenaming(false);
          setFocus(null);
          return null;
        }}
      />
    );
  }
  return (
    <div className="plan-title-row">
      <h1>{title}</h1>
      {canEdit ? (
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            setRenaming(true);
            setFocus({ section: "meta", key: "title" });
          }}
          title="Rename the plan"
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path
              d="m12.5 4.5 3 3L8 15H5v-3l7.5-7.5Z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinejoin="round"
            />
          </svg>
          <span className="visually-hidden">Rename the plan</span>
        </button>
      ) : null}
    </div>
  );
}
