import * as Y from "yjs";
import { daysInMonth, periodMonths } from "../app/domain/actuals/months";
import { planTemplate, writePlanContent, type PlanSections, type RichDoc } from "../app/domain/plan";

/**
 * The demo workspace's plan, "FY27 Q1 joint plan": a realistic quarter of a
 * data-analytics company, so a first look at Accord shows the sections
 * filled in and a reverse funnel with gaps worth arguing about (retail is
 * slightly short of MQLs, logistics clearly, self-serve has room to spare).
 *
 * Returns the document with the content written into it: the seed stores
 * this very document (`Y.encodeStateAsUpdate(doc)`), so the demo's comment
 * threads, anchored on it, point at the items Postgres holds.
 */
export function demoPlanDoc(
  owners: { maya: string; sam: string; lena: string; raj: string },
  quarter: DemoQuarter = FIRST_DEMO_QUARTER,
): {
  doc: Y.Doc;
  content: PlanSections;
} {
  const content = demoPlanContent(owners, quarter);
  const doc = new Y.Doc();
  writePlanContent(doc, content);
  return { doc, content };
}

/** Which quarter a demo plan is for: its title and period. */
export interface DemoQuarter {
  title: string;
  period: string;
}

export const FIRST_DEMO_QUARTER: DemoQuarter = { title: "FY27 Q1 joint plan", period: "2027-Q1" };

export function demoPlanContent(
  owners: {
    maya: string;
    sam: string;
    lena: string;
    raj: string;
  },
  { title, period }: DemoQuarter = FIRST_DEMO_QUARTER,
): PlanSections {
  const template = planTemplate({ title, period, currency: "USD" });
  const months = periodMonths(period);
  /** A day of the quarter's first, second or third month; "end" is its last day. */
  const day = (monthIndex: 0 | 1 | 2, dayOfMonth: number | "end") => {
    const month = months[monthIndex]!;
    const d = dayOfMonth === "end" ? daysInMonth(month) : dayOfMonth;
    return `${month}-${String(d).padStart(2, "0")}`;
  };
  const retail = crypto.randomUUID();
  const logistics = crypto.randomUUID();
  const smb = crypto.randomUUID();
  const goal = (
    targetMarketId: string,
    revenueTarget: number,
    pipelineTarget: number,
    avgDealSize: number,
    winRate: number,
    mqlToSqlRate: number,
    marketingSourcedShare: number,
  ) => ({
    id: crypto.randomUUID(),
    targetMarketId,
    period,
    revenueTarget,
    pipelineTarget,
    avgDealSize,
    winRate,
    mqlToSqlRate,
    marketingSourcedShare,
  });
  type Channel = PlanSections["campaigns"][number]["channel"];
  type Status = PlanSections["campaigns"][number]["status"];
  const campaign = (
    name: string,
    channel: Channel,
    targetMarketId: string,
    start: string,
    end: string,
    budget: number,
    expectedMqls: number,
    ownerId: string,
    status: Status,
  ) => ({
    id: crypto.randomUUID(),
    name,
    channel,
    targetMarketId,
    start,
    end,
    budget,
    expectedMqls,
    ownerId,
    status,
  });
  return {
    ...template,
    strategy: sections([
      [
        "Positioning",
        "Northwind is the analytics layer for operations teams that outgrew spreadsheets: store, warehouse and fleet KPIs in one place, live in a week, without a data team.",
      ],
      [
        "Products",
        "Lead with Northwind Ops (dashboards and alerts) in retail and logistics. SMB buys Northwind Starter, self-serve, by card.",
      ],
      [
        "Pricing",
        "List price per location. Account executives may discount up to 15 %; up to 25 % with the sales leader's approval. No discounts on Starter.",
      ],
      [
        "Channels",
        "Marketing creates demand with webinars, paid search and the logistics benchmark report; sales closes direct in mid-market and enterprise; partners open doors with carriers in EMEA.",
      ],
    ]),
    targetMarkets: [
      {
        id: retail,
        segment: "Mid-market retail",
        icp: "Retailers with 20+ stores and a data team of 2–10, on Shopify Plus or Salesforce Commerce",
        region: "North America",
        companySize: "200–2,000",
        priority: "high",
        ownerId: owners.lena,
      },
      {
        id: logistics,
        segment: "Enterprise logistics",
        icp: "3PLs and carriers whose VP Operations owns the KPI dashboards",
        region: "EMEA",
        companySize: "2,000+",
        priority: "medium",
        ownerId: owners.raj,
      },
      {
        id: smb,
        segment: "SMB e-commerce",
        icp: "Founder-led online shops buying by card",
        region: "Global",
        companySize: "1–50",
        priority: "low",
        ownerId: owners.maya,
      },
    ],
    revenueGoals: [
      goal(retail, 1_200_000, 3_600_000, 48_000, 0.25, 0.2, 0.6),
      goal(logistics, 900_000, 3_000_000, 150_000, 0.2, 0.15, 0.4),
      goal(smb, 300_000, 600_000, 6_000, 0.3, 0.1, 0.9),
    ],
    campaigns: [
      campaign(
        "Retail analytics webinar series",
        "webinar",
        retail,
        day(0, 12),
        day(2, 16),
        40_000,
        220,
        owners.maya,
        "planned",
      ),
      campaign(
        "Retail trade-show follow-up",
        "email",
        retail,
        day(0, 20),
        day(1, "end"),
        8_000,
        120,
        owners.maya,
        "planned",
      ),
      campaign(
        "Paid search: store performance",
        "paid-search",
        retail,
        day(0, 5),
        day(2, "end"),
        60_000,
        150,
        owners.maya,
        "active",
      ),
      campaign(
        "Logistics KPI benchmark report",
        "content",
        logistics,
        day(0, 15),
        day(2, "end"),
        25_000,
        90,
        owners.lena,
        "planned",
      ),
      campaign(
        "Partner roadshow with carriers",
        "events",
        logistics,
        day(1, 10),
        day(1, 24),
        55_000,
        60,
        owners.raj,
        "planned",
      ),
      campaign(
        "Self-serve trial ads",
        "paid-social",
        smb,
        day(0, 1),
        day(2, "end"),
        45_000,
        1_800,
        owners.maya,
        "active",
      ),
    ],
    glossary: [
      {
        id: crypto.randomUUID(),
        term: "MQL",
        salesMeaning: "A lead worth calling today.",
        marketingMeaning: "Anyone who reaches the fit and engagement score.",
        agreedDefinition:
          "A contact at a target-market company with an engagement score of 50+ within 30 days, or a demo request.",
      },
      {
        id: crypto.randomUUID(),
        term: "SQL",
        salesMeaning: "An opportunity I will forecast.",
        marketingMeaning: "A lead that sales accepted.",
        agreedDefinition:
          "An MQL that sales qualified on budget, authority, need and timing within the follow-up SLA.",
      },
      {
        id: crypto.randomUUID(),
        term: "Pipeline",
        salesMeaning: "Opportunities at stage 2 or later in the CRM.",
        marketingMeaning: "Every open opportunity with a marketing touch.",
        agreedDefinition:
          "The value of open opportunities past discovery (stage 2 or later), whatever their source.",
      },
      {
        id: crypto.randomUUID(),
        term: "Marketing-sourced",
        salesMeaning: "Came in through the website form.",
        marketingMeaning: "Touched a campaign before the first meeting.",
        agreedDefinition: "The opportunity's first recorded touch is a marketing campaign.",
      },
    ],
  };
}

function sections(items: Array<[heading: string, text: string]>): RichDoc {
  return {
    type: "doc",
    content: items.flatMap(([heading, text]) => [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: heading }] },
      { type: "paragraph", content: [{ type: "text", text }] },
    ]),
  };
}
