import type { FigureText, FunnelLine } from "./types";

const FIGURES = [
  ["revenueTarget", "Revenue target"],
  ["dealsNeeded", "Deals needed"],
  ["sqlsNeeded", "SQLs needed"],
  ["mqlsNeeded", "MQLs needed"],
  ["expectedMqls", "Expected MQLs (campaigns)"],
  ["gap", "Gap"],
] as const;

/**
 * The reverse funnel, read-only: per target market, what the revenue goal
 * needs stage by stage against what the campaigns expect. Every figure is
 * already words ("needs win rate", "−120 short"); colour only repeats them.
 */
export function FunnelTable({
  headingId,
  lines,
  total,
  unassignedGoals,
}: {
  headingId: string;
  lines: readonly FunnelLine[];
  total: FunnelLine | null;
  unassignedGoals: number;
}) {
  return (
    <div className="funnel">
      <h3 id={headingId}>Reverse funnel</h3>
      <p className="hint">
        Revenue target ÷ average deal size = deals; ÷ win rate = SQLs; ÷ MQL → SQL rate = MQLs, against the MQLs the
        market&apos;s campaigns expect. Computed, never typed.
      </p>
      {lines.length === 0 ? (
        <p className="muted">Add a target market and a revenue goal for it to see the funnel.</p>
      ) : (
        <div className="table-wrap plan-table-wrap" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="plan-table funnel-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Target market</th>
                {FIGURES.map(([key, label]) => (
                  <th scope="col" key={key} className="num">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <FunnelRow key={line.targetMarketId} line={line} />
              ))}
            </tbody>
            {total ? (
              <tfoot>
                <FunnelRow line={total} />
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
      {unassignedGoals > 0 ? (
        <p className="hint funnel-note">
          {unassignedGoals === 1 ? "One revenue goal is" : `${unassignedGoals} revenue goals are`} not tied to a
          target market of this plan, so the funnel leaves {unassignedGoals === 1 ? "it" : "them"} out.
        </p>
      ) : null}
    </div>
  );
}

function FunnelRow({ line }: { line: FunnelLine }) {
  return (
    <tr data-market-id={line.targetMarketId || undefined}>
      <th scope="row">{line.market}</th>
      {FIGURES.map(([key]) => (
        <Figure key={key} figure={line[key]} />
      ))}
    </tr>
  );
}

function Figure({ figure }: { figure: FigureText }) {
  return (
    <td className={`num figure ${figure.tone}`}>
      {figure.text === "—" ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">not computed yet</span>
        </>
      ) : (
        figure.text
      )}
    </td>
  );
}
