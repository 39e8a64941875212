import type { CellChange, CellSection, PlanContent, SectionDiff, TableDiff } from "../../domain/plan";
import { cellText, rowName, type PeopleNames } from "../plan-document/cell-text";
import { TextDiff, wordCounts } from "./text-diff";

const TEXT_LABELS = {
  strategy: "Strategy",
  mqlCriteria: "Lead definitions: MQL criteria",
  sqlCriteria: "Lead definitions: SQL criteria",
  journey: "Customer journey",
} as const;

const SECTION_LABELS = {
  meta: "Plan details",
  leadDefinitions: "Lead definitions",
  targetMarkets: "Target markets",
  revenueGoals: "Revenue goals",
  campaigns: "Campaigns",
  glossary: "Glossary",
} as const;

/**
 * What changed between two contents of a plan, section by section, as
 * `diffPlans` found it: words added and removed, rows added and removed,
 * cells changed before → after. `names` is the content whose target markets
 * and people name the references (both sides' markets, so removed rows are
 * named too).
 */
export function PlanDiffView({
  diff,
  names,
  people,
  from,
  to,
}: {
  diff: readonly SectionDiff[];
  names: Pick<PlanContent, "targetMarkets" | "meta">;
  people: PeopleNames;
  /** How the two sides are called: "v3", "the current plan". */
  from: string;
  to: string;
}) {
  if (diff.length === 0) {
    return (
      <p className="plan-diff-none">
        No differences: {from} and {to} have the same content.
      </p>
    );
  }
  const value = (section: CellSection, cell: CellChange, side: "before" | "after") =>
    cellText(names, people, section, cell.key, cell[side]);
  return (
    <div className="plan-diff">
      {diff.map((d) => {
        const key = d.kind === "text" ? d.field : d.section;
        const title = d.kind === "text" ? TEXT_LABELS[d.field] : SECTION_LABELS[d.section];
        return (
          <section className="plan-diff-section" key={`${d.kind}-${key}`} aria-label={`Changes in ${title}`}>
            <h3>
              {title}
              <span className="plan-diff-count">{summary(d)}</span>
            </h3>
            {d.kind === "text" ? <TextDiff parts={d.parts} /> : null}
            {d.kind === "fields" ? (
              <Cells cells={d.cells} render={(c, side) => value(d.section, c, side)} />
            ) : null}
            {d.kind === "table" ? <TableChanges diff={d} names={names} people={people} /> : null}
          </section>
        );
      })}
    </div>
  );
}

function summary(d: SectionDiff): string {
  if (d.kind === "text") return wordCounts(d.added, d.removed);
  if (d.kind === "fields")
    return d.cells.length === 1 ? "1 field changed" : `${d.cells.length} fields changed`;
  const parts = [
    d.added.length ? `${d.added.length} added` : "",
    d.removed.length ? `${d.removed.length} removed` : "",
    d.changed.length ? `${d.changed.length} changed` : "",
  ].filter(Boolean);
  return `Rows: ${parts.join(", ")}`;
}

function TableChanges({
  diff,
  names,
  people,
}: {
  diff: TableDiff;
  names: Pick<PlanContent, "targetMarkets" | "meta">;
  people: PeopleNames;
}) {
  const { section } = diff;
  return (
    <ul className="row-changes">
      {diff.added.map((row, i) => (
        <li key={`a${i}`} className="row-change added">
          <span className="change-tag added">Row added</span> <strong>{rowName(section, row)}</strong>
        </li>
      ))}
      {diff.removed.map((row, i) => (
        <li key={`r${i}`} className="row-change removed">
          <span className="change-tag removed">Row removed</span> <strong>{rowName(section, row)}</strong>
        </li>
      ))}
      {diff.changed.map((change) => (
        <li key={change.id} className="row-change changed">
          <span className="change-tag changed">Row changed</span>{" "}
          <strong>{rowName(section, change.row)}</strong>
          <Cells
            cells={change.cells}
            render={(cell, side) => cellText(names, people, section, cell.key, cell[side])}
          />
        </li>
      ))}
    </ul>
  );
}

/** Cells as "Label: before → after", the arrow and both values in words for screen readers. */
function Cells({
  cells,
  render,
}: {
  cells: readonly CellChange[];
  render: (cell: CellChange, side: "before" | "after") => string;
}) {
  return (
    <dl className="cell-changes">
      {cells.map((cell) => (
        <div key={cell.key} className="cell-change">
          <dt>{cell.label}</dt>
          <dd>
            <del className="diff-removed">
              <span className="visually-hidden">was </span>
              {render(cell, "before")}
            </del>
            <span aria-hidden="true"> → </span>
            <ins className="diff-added">
              <span className="visually-hidden">, now </span>
              {render(cell, "after")}
            </ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
