import type { ReactNode } from "react";
import type { Figure, ScopeMetrics } from "../../domain/metrics";
import { count, figureText, money, percent } from "./figures";
import { PaceBadge } from "./pace-badge";

/**
 * The plan's figures at a glance, one card each: revenue and pacing first
 * (what the meeting opens with), then pipeline, deal size, the lead funnel
 * and spend. Each card says what the number is measured against.
 */
export function KpiCards({ metrics, currency }: { metrics: ScopeMetrics; currency: string }) {
  const m = metrics;
  const cash = money(currency);
  return (
    <section className="kpi-section" aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="visually-hidden">
        The plan at a glance
      </h2>
      <ul className="kpi-grid">
        <Kpi
          label="Revenue"
          value={cash(m.revenue.actual)}
          share={m.revenue.toTarget}
          marker={m.pacing.elapsedShare}
        >
          of {cash(m.revenue.target)} target · <strong>{toTarget(m.revenue.toTarget)}</strong>
        </Kpi>
        <Kpi label="Pacing" value={<PaceBadge pacing={m.pacing} />}>
          {percent(m.pacing.elapsedShare)} of the period elapsed ·{" "}
          {figureText(m.pacing.achievedShare, (v) => `${percent(v)} of the target achieved`)}
        </Kpi>
        <Kpi label="Pipeline" value={cash(m.pipeline.actual)} share={m.pipeline.toTarget}>
          of {cash(m.pipeline.target)} target · <strong>{toTarget(m.pipeline.toTarget)}</strong>
        </Kpi>
        <Kpi label="Average deal size" value={figureText(m.avgDealSize.actual, cash)}>
          {figureText(m.avgDealSize.plan, (v) => `plan ${cash(v)}`)}
          {m.avgDealSize.vsPlan.value !== null ? (
            <>
              {" "}
              · <strong>{percent(m.avgDealSize.vsPlan.value)} of plan</strong>
            </>
          ) : null}{" "}
          · {count(m.dealsWon)} {m.dealsWon === 1 ? "deal" : "deals"} won
        </Kpi>
        <Kpi label="MQLs" value={count(m.mqls.actual)} share={m.mqls.toNeeded}>
          {m.mqls.needed === null ? "No MQL target" : `of ${count(m.mqls.needed)} needed`}
          {m.mqls.toNeeded.value !== null ? (
            <>
              {" "}
              · <strong>{percent(m.mqls.toNeeded.value)}</strong>
            </>
          ) : null}
        </Kpi>
        <Kpi label="MQL → SQL conversion" value={figureText(m.mqlToSql.actual, percent)}>
          {figureText(m.mqlToSql.plan, (v) => `plan ${percent(v)}`)} · {count(m.sqls)} SQLs
        </Kpi>
        <Kpi label="Followed up within the SLA" value={figureText(m.slaFollowUp, percent)}>
          of the leads handed off to sales
        </Kpi>
        <Kpi label="Spend" value={cash(m.spend.actual)} share={m.spend.toBudget}>
          of {cash(m.spend.budget)} budget ·{" "}
          <strong>{figureText(m.spend.toBudget, (v) => `${percent(v)} spent`)}</strong> ·{" "}
          {figureText(m.spend.costPerMql, (v) => `${cash(v)} per MQL`)}
        </Kpi>
      </ul>
    </section>
  );
}

function toTarget(figure: Figure): string {
  return figureText(figure, (v) => `${percent(v)} to target`);
}

/** One card: what it is, the number, what it is measured against, and a bar of the share when there is one. */
function Kpi({
  label,
  value,
  share,
  marker,
  children,
}: {
  label: string;
  value: ReactNode;
  /** The share of the target reached, drawn as a bar (the words say it too). */
  share?: Figure;
  /** Where the bar should be by now (the share of the period elapsed). */
  marker?: number;
  children: ReactNode;
}) {
  return (
    <li className="kpi card">
      <p className="kpi-label">{label}</p>
      <div className="kpi-value">{value}</div>
      <p className="kpi-detail">{children}</p>
      {share && share.value !== null ? (
        <div className="kpi-bar" aria-hidden="true">
          <span className="kpi-bar-fill" style={{ width: `${Math.min(100, share.value * 100)}%` }} />
          {marker !== undefined && marker > 0 && marker < 1 ? (
            <span className="kpi-bar-marker" style={{ left: `${marker * 100}%` }} />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
