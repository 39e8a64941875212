import type { MarketMetrics, ScopeMetrics } from "../../domain/metrics";
import { count, money } from "./figures";

/** What the plan aims for per market, while there are no actuals to hold against it. */
export function TargetsTable({
  id,
  markets,
  plan,
  currency,
}: {
  id: string;
  markets: readonly MarketMetrics[];
  plan: ScopeMetrics;
  currency: string;
}) {
  const cash = money(currency);
  const row = (key: string, name: string, m: ScopeMetrics) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      <td className="num">{cash(m.revenue.target)}</td>
      <td className="num">{cash(m.pipeline.target)}</td>
      <td className="num">{m.mqls.needed === null ? "No target" : count(m.mqls.needed)}</td>
      <td className="num">{cash(m.spend.budget)}</td>
    </tr>
  );
  return (
    <section className="card dashboard-table" aria-labelledby={id}>
      <h2 id={id}>Targets for the period</h2>
      {markets.length === 0 ? (
        <p className="muted">This plan has no target markets yet: add them on the plan page.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Market</th>
                <th scope="col" className="num">
                  Revenue target
                </th>
                <th scope="col" className="num">
                  Pipeline target
                </th>
                <th scope="col" className="num">
                  MQLs needed
                </th>
                <th scope="col" className="num">
                  Budget
                </th>
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
