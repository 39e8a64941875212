import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MarketMetrics } from "../../domain/metrics";
import { ChartFigure } from "./chart-figure";
import { CHART_COLORS } from "./chart-colors";
import { compactMoney, money } from "./figures";

const ROW_HEIGHT = 56;
const CHROME_HEIGHT = 88;
const LONGEST_NAME = 18;

/** A market's name short enough for the axis; the table below has it whole. */
function shortName(name: string): string {
  const clean = name.trim() || "Unnamed market";
  return clean.length > LONGEST_NAME ? `${clean.slice(0, LONGEST_NAME - 1)}…` : clean;
}

/**
 * Revenue won against the revenue target, one pair of bars per target
 * market, side by side so a market's gap reads at a glance. The markets
 * table carries the same numbers for readers of text.
 */
export function MarketRevenueChart({
  markets,
  currency,
  tableId,
}: {
  markets: readonly MarketMetrics[];
  currency: string;
  /** The id of the table with the same numbers. */
  tableId: string;
}) {
  const data = markets.map((m) => ({
    name: shortName(m.name),
    target: m.revenue.target,
    actual: m.revenue.actual,
  }));
  const formatMoney = money(currency);
  const tooltipMoney = (value: unknown) =>
    typeof value === "number" ? formatMoney(value) : String(value ?? "");
  return (
    <ChartFigure
      className="market-chart"
      title="Revenue by market"
      description="Revenue won so far against each target market's revenue target for the period."
      height={Math.max(220, data.length * ROW_HEIGHT + CHROME_HEIGHT)}
      alternative={
        <>
          The same numbers, and every other figure per market, are in the{" "}
          <a href={`#${tableId}`}>markets table</a>.
        </>
      }
    >
      {() =>
        data.length === 0 ? (
          <p className="muted chart-empty">This plan has no target markets yet.</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout="vertical"
              role="img"
              title="Revenue by market"
              desc="Revenue won against the revenue target, per target market."
              accessibilityLayer={false}
              margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
              barGap={2}
            >
              <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
              <XAxis
                type="number"
                tickFormatter={(value: number) => compactMoney(value, currency)}
                stroke={CHART_COLORS.axis}
                fontSize={12}
              />
              <YAxis type="category" dataKey="name" width={128} stroke={CHART_COLORS.axis} fontSize={12} />
              <Tooltip formatter={tooltipMoney} cursor={{ fill: CHART_COLORS.cursor }} />
              <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
              <Bar dataKey="target" name="Target" fill={CHART_COLORS.target} isAnimationActive={false} />
              <Bar dataKey="actual" name="Revenue won" fill={CHART_COLORS.actual} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )
      }
    </ChartFigure>
  );
}
