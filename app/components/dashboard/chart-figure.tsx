import { useId, type ReactNode } from "react";
import { useMounted } from "./use-mounted";

/**
 * A chart with its title, what it shows in words and its numbers another
 * way (a table, or a pointer to one), for readers who cannot see it. The
 * chart itself renders in the browser only: its box has a fixed height
 * from the start, so the page does not jump when it appears.
 */
export function ChartFigure({
  title,
  description,
  alternative,
  className,
  height,
  children,
}: {
  title: string;
  description: string;
  /** The same numbers as text: a table in a disclosure, or a sentence naming the table that has them. */
  alternative: ReactNode;
  className?: string;
  /** The chart's height in pixels. */
  height: number;
  /** The chart; called only in the browser. */
  children: () => ReactNode;
}) {
  const mounted = useMounted();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure
      className={`card chart-card${className ? ` ${className}` : ""}`}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
    >
      <h2 id={titleId} className="chart-title">
        {title}
      </h2>
      <p id={descriptionId} className="muted chart-description">
        {description}
      </p>
      <div className="chart-box" style={{ height }}>
        {mounted ? children() : <p className="chart-loading muted">Drawing the chart…</p>}
      </div>
      <figcaption className="chart-alternative">{alternative}</figcaption>
    </figure>
  );
}
