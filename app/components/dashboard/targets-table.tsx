import type { MarketMetrics, ScopeMetrics } from "../../domain/metrics";
import { count, money } from "./figures";
import { PerMarketTable } from "./per-market-table";

const COLUMNS = [
  { label: "Revenue target", num: true },
  { label: "Pipeline target", num: true },
  { label: "MQLs needed", num: true },
  { label: "Budget", num: true },
];

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
  return (
    <PerMarketTable
      id={id}
      title="Targets for the period"
      columns={COLUMNS}
      markets={markets}
      plan={plan}
      cells={(m) => (
        <>
          <td className="num">{cash(m.revenue.target)}</td>
          <td className="num">{cash(m.pipeline.target)}</td>
          <td className="num">{m.mqls.needed === null ? "No target" : count(m.mqls.needed)}</td>
          <td className="num">{cash(m.spend.budget)}</td>
        </>
      )}
    />
  );
}
