import type { ReactNode } from "react";
import type { MarketMetrics, ScopeMetrics } from "../../domain/metrics";

export interface PerMarketColumn {
  label: string;
  /** A number column: right-aligned. */
  num?: boolean;
}

/**
 * A dashboard card with one row per target market and the whole plan in
 * the footer, under `columns` (after the market's name): the markets table
 * and, before there are actuals, the targets table. `cells` draws a row's
 * cells after its name.
 */
export function PerMarketTable({
  id,
  title,
  columns,
  markets,
  plan,
  cells,
}: {
  id: string;
  title: string;
  columns: readonly PerMarketColumn[];
  markets: readonly MarketMetrics[];
  plan: ScopeMetrics;
  cells: (m: ScopeMetrics) => ReactNode;
}) {
  const row = (key: string, name: string, m: ScopeMetrics) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      {cells(m)}
    </tr>
  );
  return (
    <section className="card dashboard-table" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {markets.length === 0 ? (
        <p className="muted">This plan has no target markets yet: add them on the plan page.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Market</th>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.num ? "num" : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{markets.map((m) => row(m.targetMarketId, m.name.trim() || "Unnamed market", m))}</tbody>
            <tfoot>{row("plan", "Whole plan", plan)}</tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
