import type { MarketMetrics, ScopeMetrics } from "../../domain/metrics";
import { count, figureText, money, percent } from "./figures";
import { PaceBadge } from "./pace-badge";

/**
 * Every figure per target market, and the whole plan in the last row: the
 * numbers behind the charts, for the table-minded and for screen readers.
 * Each cell is the actual first, then what it is measured against.
 */
export function MarketsTable({
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
  return (
    <section className="card dashboard-table" aria-labelledby={id}>
      <h2 id={id}>Markets</h2>
      {markets.length === 0 ? (
        <p className="muted">This plan has no target markets yet: add them on the plan page.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Market</th>
                <th scope="col" className="num">
                  Revenue
                </th>
                <th scope="col">Pacing</th>
                <th scope="col" className="num">
                  Pipeline
                </th>
                <th scope="col" className="num">
                  Avg deal size
                </th>
                <th scope="col" className="num">
                  MQLs
                </th>
                <th scope="col" className="num">
                  MQL → SQL
                </th>
                <th scope="col" className="num">
                  SLA follow-up
                </th>
                <th scope="col" className="num">
                  Spend
                </th>
              </tr>
            </thead>
            <tbody>
              {markets.map((m) => (
                <MarketRow
                  key={m.targetMarketId}
                  name={m.name.trim() || "Unnamed market"}
                  m={m}
                  currency={currency}
                />
              ))}
            </tbody>
            <tfoot>
              <MarketRow name="Whole plan" m={plan} currency={currency} />
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function MarketRow({ name, m, currency }: { name: string; m: ScopeMetrics; currency: string }) {
  const cash = money(currency);
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">
        {cash(m.revenue.actual)}
        <span className="cell-sub">
          of {cash(m.revenue.target)} · {figureText(m.revenue.toTarget, percent)}
        </span>
      </td>
      <td>
        <PaceBadge pacing={m.pacing} />
      </td>
      <td className="num">
        {cash(m.pipeline.actual)}
        <span className="cell-sub">
          of {cash(m.pipeline.target)} · {figureText(m.pipeline.toTarget, percent)}
        </span>
      </td>
      <td className="num">
        {figureText(m.avgDealSize.actual, cash)}
        <span className="cell-sub">{figureText(m.avgDealSize.plan, (v) => `plan ${cash(v)}`)}</span>
      </td>
      <td className="num">
        {count(m.mqls.actual)}
        <span className="cell-sub">
          {m.mqls.needed === null ? "No target" : `of ${count(m.mqls.needed)} needed`}
        </span>
      </td>
      <td className="num">
        {figureText(m.mqlToSql.actual, percent)}
        <span className="cell-sub">{figureText(m.mqlToSql.plan, (v) => `plan ${percent(v)}`)}</span>
      </td>
      <td className="num">{figureText(m.slaFollowUp, percent)}</td>
      <td className="num">
        {cash(m.spend.actual)}
        <span className="cell-sub">
          of {cash(m.spend.budget)} · {figureText(m.spend.toBudget, percent)}
        </span>
      </td>
    </tr>
  );
}
