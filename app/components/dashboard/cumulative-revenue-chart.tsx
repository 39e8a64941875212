import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "../../domain/metrics";
import { ChartFigure } from "./chart-figure";
import { CHART_COLORS } from "./chart-colors";
import { compactMoney, money, monthLabel } from "./figures";

/**
 * Revenue won, added up month by month, against the target line (the
 * target spread evenly over the period's days): where the solid line runs
 * under the dashed one, the plan is behind. Months not begun have no point.
 * The numbers are in a table under the chart.
 */
export function CumulativeRevenueChart({
  points,
  currency,
}: {
  points: readonly ChartPoint[];
  currency: string;
}) {
  const formatMoney = money(currency);
  const data = points.map((p) => ({
    month: monthLabel(p.month),
    actual: p.cumulativeActual,
    target: p.cumulativeTarget,
  }));
  const tooltipMoney = (value: unknown) => (typeof value === "number" ? formatMoney(value) : "Not begun");
  return (
    <ChartFigure
      className="cumulative-chart"
      title="Revenue against the target line"
      description="Revenue won to date, month by month, against the target spread evenly over the period."
      height={280}
      alternative={
        <details className="chart-table">
          <summary>The numbers as a table</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                Revenue won to date against the target to date, by month
              </caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">
                    Revenue won to date
                  </th>
                  <th scope="col" className="num">
                    Target to date
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{row.month}</th>
                    <td className="num">{row.actual === null ? "Not begun" : formatMoney(row.actual)}</td>
                    <td className="num">{formatMoney(row.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      }
    >
      {() => (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            role="img"
            title="Revenue against the target line"
            desc="Cumulative revenue won by month against the cumulative revenue target."
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
          >
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
            <XAxis dataKey="month" stroke={CHART_COLORS.axis} fontSize={12} />
            <YAxis
              tickFormatter={(value: number) => compactMoney(value, currency)}
              width={64}
              stroke={CHART_COLORS.axis}
              fontSize={12}
            />
            <Tooltip formatter={tooltipMoney} />
            <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
            <Line
              type="linear"
              dataKey="target"
              name="Target line"
              stroke={CHART_COLORS.target}
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="actual"
              name="Revenue won"
              stroke={CHART_COLORS.actual}
              strokeWidth={2.5}
              dot={{ r: 3.5 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
