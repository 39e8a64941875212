import type { ReactNode } from "react";
import type { PlanContent } from "../../domain/plan";
import { funnelView } from "../../editor/tables/funnel-view";
import { FunnelTable } from "../plan-table/funnel-table";
import { cellText, type PeopleNames } from "./cell-text";
import { RichTextView } from "./rich-text-view";
import { RowsTable } from "./rows-table";

/**
 * A plan's content as a read-only document, every section in the page's
 * order: versions, the review of a submission and the print view show the
 * plan this way. Pure rendering of the projection; `idPrefix` keeps the
 * headings' ids apart when a page shows two documents.
 */
export function PlanDocument({
  content,
  people,
  idPrefix = "doc",
  level = 2,
}: {
  content: PlanContent;
  people: PeopleNames;
  idPrefix?: string;
  /** The level of the sections' headings: 2 under the page's title, 3 inside a titled card. */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  const lead = content.leadDefinitions;
  const funnel = funnelView(content, content.meta.currency);
  const section = (key: string, title: string, body: ReactNode) => (
    <section className="plan-doc-section" aria-labelledby={`${idPrefix}-${key}`} key={key}>
      <Heading id={`${idPrefix}-${key}`}>{title}</Heading>
      {body}
    </section>
  );
  return (
    <div className="plan-doc">
      {section("strategy", "Strategy", <RichTextView doc={content.strategy} headingBase={level} />)}
      {section(
        "targetMarkets",
        "Target markets",
        <RowsTable section="targetMarkets" label="Target markets" content={content} people={people} />,
      )}
      {section(
        "revenueGoals",
        "Revenue goals",
        <>
          <RowsTable section="revenueGoals" label="Revenue goals" content={content} people={people} />
          <FunnelTable
            headingId={`${idPrefix}-funnel`}
            lines={funnel.lines}
            total={funnel.total}
            unassignedGoals={funnel.unassignedGoals}
          />
        </>,
      )}
      {section(
        "campaigns",
        "Campaigns",
        <RowsTable section="campaigns" label="Campaigns" content={content} people={people} />,
      )}
      {section(
        "leadDefinitions",
        "Lead definitions",
        <>
          <Sub>MQL criteria</Sub>
          <RichTextView doc={lead.mqlCriteria} headingBase={level + 1} />
          <Sub>SQL criteria</Sub>
          <RichTextView doc={lead.sqlCriteria} headingBase={level + 1} />
          <dl className="meta-list plan-doc-fields">
            <dt>Hand-off fields</dt>
            <dd>{cellText(content, people, "leadDefinitions", "handoffFields", lead.handoffFields)}</dd>
            <dt>Follow-up SLA</dt>
            <dd>
              {lead.slaHours === null
                ? "—"
                : `${cellText(content, people, "leadDefinitions", "slaHours", lead.slaHours)} hours`}
            </dd>
          </dl>
        </>,
      )}
      {section("journey", "Customer journey", <RichTextView doc={content.journey} headingBase={level} />)}
      {section(
        "glossary",
        "Glossary",
        <RowsTable section="glossary" label="Glossary" content={content} people={people} />,
      )}
    </div>
  );
}
