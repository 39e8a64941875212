import type { CampaignMetrics, MarketMetrics } from "../../domain/metrics";
import { count, figureText, money, percent } from "./figures";

/** Spend against budget and the cost of an MQL, actual and planned, per campaign. */
export function CampaignsTable({
  campaigns,
  markets,
  currency,
}: {
  campaigns: readonly CampaignMetrics[];
  markets: readonly MarketMetrics[];
  currency: string;
}) {
  const cash = money(currency);
  const marketName = (id: string | null) => {
    if (id === null) return "No market";
    const market = markets.find((m) => m.targetMarketId === id);
    return market ? market.name.trim() || "Unnamed market" : "(removed market)";
  };
  return (
    <section className="card dashboard-table" aria-labelledby="dashboard-campaigns">
      <h2 id="dashboard-campaigns">Campaigns</h2>
      {campaigns.length === 0 ? (
        <p className="muted">This plan has no campaigns yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Market</th>
                <th scope="col" className="num">
                  Spend
                </th>
                <th scope="col" className="num">
                  Budget
                </th>
                <th scope="col" className="num">
                  Of budget
                </th>
                <th scope="col" className="num">
                  MQLs
                </th>
                <th scope="col" className="num">
                  Cost per MQL
                </th>
                <th scope="col" className="num">
                  Planned cost per MQL
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.campaignId}>
                  <th scope="row">{c.name.trim() || "Unnamed campaign"}</th>
                  <td>{marketName(c.targetMarketId)}</td>
                  <td className="num">{cash(c.spend)}</td>
                  <td className="num">{cash(c.budget)}</td>
                  <td className="num">{figureText(c.toBudget, percent)}</td>
                  <td className="num">
                    {count(c.mqls)}
                    <span className="cell-sub">of {count(c.expectedMqls)} expected</span>
                  </td>
                  <td className="num">{figureText(c.costPerMql, cash)}</td>
                  <td className="num">{figureText(c.plannedCostPerMql, cash)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
