import { COLUMNS, type PlanContent, type TableSection } from "../../domain/plan";
import { cellText, type PeopleNames } from "./cell-text";

/**
 * One table section of a plan, read-only, with every column people see
 * (no ids) and values formatted as in the editor. Wide tables scroll
 * sideways on a phone and wrap on paper.
 */
export function RowsTable({
  section,
  label,
  content,
  people,
}: {
  section: TableSection;
  /** The section's name, for the table's caption. */
  label: string;
  content: PlanContent;
  people: PeopleNames;
}) {
  const rows = content[section] as ReadonlyArray<Readonly<Record<string, unknown>>>;
  if (rows.length === 0) return <p className="muted plan-doc-empty">No rows.</p>;
  const columns = Object.entries(COLUMNS[section]).filter(([, spec]) => spec.kind !== "id");
  return (
    <div className="table-wrap plan-doc-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="plan-doc-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map(([key, spec]) => (
              <th scope="col" key={key} className={numeric(spec.kind) ? "num" : undefined}>
                {spec.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={typeof row.id === "string" ? row.id : i}>
              {columns.map(([key, spec]) => (
                <td key={key} className={numeric(spec.kind) ? "num" : undefined}>
                  {cellText(content, people, section, key, row[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function numeric(kind: string): boolean {
  return kind === "money" || kind === "rate" || kind === "count" || kind === "hours";
}
