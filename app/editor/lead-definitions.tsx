import { useMemo } from "react";
import type * as Y from "yjs";
import { CommitNumberField } from "../components/plan/commit-number-field";
import { HandoffChips } from "../components/plan/handoff-chips";
import { SectionUnavailable } from "../components/plan/section-frame";
import {
  HandoffFieldsSchema,
  LEAD_DEFINITION_COLUMNS,
  RICH_TEXT,
  SECTION,
  formatCell,
  parseCell,
  readCell,
} from "../domain/plan";
import { usePlanEditor } from "./plan-editor-context";
import { RichTextEditor } from "./rich-text-editor";
import { sameStrings, useYSnapshot } from "./use-y-snapshot";
import { nestedArray, nestedFragment, topMap } from "./y-types";

const FIELDS = LEAD_DEFINITION_COLUMNS;

/**
 * The lead definitions: MQL and SQL criteria (rich text in fragments nested
 * in the leadDefinitions map), the hand-off fields (a list of chips) and the
 * follow-up SLA in hours. A part missing from an old document is shown as
 * unavailable and never created here (two clients creating it at once would
 * each get their own, and one would lose).
 */
export function LeadDefinitions() {
  const { doc } = usePlanEditor();
  const map = useMemo(() => topMap(doc, SECTION.leadDefinitions), [doc]);
  // Re-read when keys of the map are set (the template arriving by sync); the parts keep their identity.
  const mql = useYSnapshot(map, () => nestedFragment(map, RICH_TEXT.mqlCriteria.key));
  const sql = useYSnapshot(map, () => nestedFragment(map, RICH_TEXT.sqlCriteria.key));
  const handoff = useYSnapshot(map, () => nestedArray(map, "handoffFields"));

  return (
    <div className="lead-definitions">
      <div className="lead-part">
        <h3 id="mql-criteria-heading">MQL criteria</h3>
        <p className="hint">When marketing hands a lead to sales.</p>
        {mql ? (
          <RichTextEditor
            fragment={mql}
            label="MQL criteria"
            focus={{ section: "leadDefinitions", key: "mqlCriteria" }}
          />
        ) : (
          <SectionUnavailable what="The MQL criteria" />
        )}
      </div>
      <div className="lead-part">
        <h3 id="sql-criteria-heading">SQL criteria</h3>
        <p className="hint">When sales accepts it: budget, authority, need, timing.</p>
        {sql ? (
          <RichTextEditor
            fragment={sql}
            label="SQL criteria"
            focus={{ section: "leadDefinitions", key: "sqlCriteria" }}
          />
        ) : (
          <SectionUnavailable what="The SQL criteria" />
        )}
      </div>
      <div className="lead-fields">
        {handoff ? (
          <HandoffFields array={handoff} />
        ) : (
          <SectionUnavailable what="The list of hand-off fields" />
        )}
        {map ? <SlaHours map={map} /> : null}
      </div>
    </div>
  );
}

function HandoffFields({ array }: { array: Y.Array<unknown> }) {
  const { doc, canEdit, localOrigin, setFocus } = usePlanEditor();
  const items = useYSnapshot(
    array,
    () => array.toArray().filter((item): item is string => typeof item === "string"),
    sameStrings,
  );
  const add = (typed: string): string | null => {
    const value = typed.trim();
    if (!value) return "Enter a field name.";
    if (items.some((item) => item.toLowerCase() === value.toLowerCase()))
      return `“${value}” is already in the list.`;
    const checked = HandoffFieldsSchema.safeParse([...items, value]);
    if (!checked.success) return checked.error.issues[0]?.message ?? "Check this field name.";
    doc.transact(() => array.push([value]), localOrigin);
    return null;
  };
  const remove = (_index: number, value: string) => {
    doc.transact(() => {
      const at = array.toArray().indexOf(value);
      if (at >= 0) array.delete(at, 1);
    }, localOrigin);
  };
  return (
    <div
      onFocus={() => setFocus({ section: "leadDefinitions", key: "handoffFields" })}
      onBlur={() => setFocus(null)}
    >
      <HandoffChips
        label={FIELDS.handoffFields.label}
        hint={FIELDS.handoffFields.hint}
        items={items}
        readOnly={!canEdit}
        onAdd={add}
        onRemove={remove}
      />
    </div>
  );
}

function SlaHours({ map }: { map: Y.Map<unknown> }) {
  const { doc, canEdit, localOrigin, setFocus } = usePlanEditor();
  const stored = useYSnapshot(map, () => readCell(FIELDS.slaHours, map.get("slaHours")) as number | null);
  const commit = (raw: string): string | null => {
    if (!raw.trim()) return "Enter the number of hours, e.g. 24.";
    const parsed = parseCell("leadDefinitions", "slaHours", raw);
    if (!parsed.ok) return parsed.message;
    if (parsed.value === null) return "Enter the number of hours, e.g. 24.";
    if (parsed.value !== stored) doc.transact(() => map.set("slaHours", parsed.value), localOrigin);
    return null;
  };
  return (
    <CommitNumberField
      label={FIELDS.slaHours.label}
      hint={FIELDS.slaHours.hint}
      unit="hours"
      value={formatCell("leadDefinitions", "slaHours", stored, { mode: "edit" })}
      readOnly={!canEdit}
      onCommit={commit}
      onFocus={() => setFocus({ section: "leadDefinitions", key: "slaHours" })}
      onBlur={() => setFocus(null)}
    />
  );
}
