import type { MarketMetrics, ScopeMetrics } from "../../domain/metrics";
import { count, figureText, money, percent } from "./figures";
import { PaceBadge } from "./pace-badge";
import { PerMarketTable } from "./per-market-table";

const COLUMNS = [
  { label: "Revenue", num: true },
  { label: "Pacing" },
  { label: "Pipeline", num: true },
  { label: "Avg deal size", num: true },
  { label: "MQLs", num: true },
  { label: "MQL → SQL", num: true },
  { label: "SLA follow-up", num: true },
  { label: "Spend", num: true },
];

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
    <PerMarketTable
      id={id}
      title="Markets"
      columns={COLUMNS}
      markets={markets}
      plan={plan}
      cells={(m) => <MarketCells m={m} currency={currency} />}
    />
  );
}

/** A market's (or the whole plan's) figures, each the actual first, then what it is measured against. */
function MarketCells({ m, currency }: { m: ScopeMetrics; currency: string }) {
  const cash = money(currency);
  return (
    <>
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
    </>
  );
}
