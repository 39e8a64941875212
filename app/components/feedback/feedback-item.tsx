import { Link, useFetcher } from "@remix-run/react";
import { FEEDBACK_TAG_LABELS, type FeedbackJson } from "../../domain/feedback";
import { sectionAnchor, sectionLabel } from "../../editor/plan-sections";
import { Avatar } from "../person";
import { RelativeTime } from "../relative-time";
import { EditFeedback } from "./edit-feedback";
import type { FeedbackActionData } from "./form-refusal";
import type { RelatablePlan } from "./related-fields";
import { FeedbackStatusBadge } from "./status-badge";
import { TriageForm } from "./triage-form";

/** The id of an item's card: where `?item=` scrolls to. */
export const itemAnchor = (id: string) => `feedback-${id}`;

/**
 * One item of the list: who filed it when, the account and what the
 * customer said, its tags and what it relates to, its status and
 * marketing's reply. Triagers answer it in place; its author changes it
 * while it is new. Text is shown as text, never as HTML.
 */
export function FeedbackItem({
  item,
  highlighted,
  canTriage,
  canEdit,
  plans,
  filterHref,
}: {
  item: FeedbackJson;
  highlighted: boolean;
  canTriage: boolean;
  canEdit: boolean;
  plans: readonly RelatablePlan[];
  /** The list with one filter set, the others kept. */
  filterHref: (name: "tag" | "market" | "campaign", value: string) => string;
}) {
  const titleId = `${itemAnchor(item.id)}-account`;
  // The forms are drawn afresh when the item changes (so they show its new state); their fetchers stay.
  const editFetcher = useFetcher<FeedbackActionData>();
  const triageFetcher = useFetcher<FeedbackActionData>();
  return (
    <article
      id={itemAnchor(item.id)}
      className={`card feedback-item${highlighted ? " is-highlighted" : ""}`}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <header className="feedback-item-head">
        <span className="feedback-by">
          <Avatar name={item.author.name} team={item.author.team} />
          <span>
            <span className="person-name">{item.author.name}</span>
            <span className="person-meta">
              {" · "}
              <RelativeTime iso={item.createdAt} />
            </span>
          </span>
        </span>
        <FeedbackStatusBadge status={item.status} />
      </header>
      <h3 id={titleId} className="feedback-account">
        {item.account}
      </h3>
      <p className="feedback-insight">{item.insight}</p>
      <ul className="feedback-tags" aria-label="Tags">
        {item.tags.map((tag) => (
          <li key={tag}>
            <Link className={`feedback-tag tag-${tag}`} to={filterHref("tag", tag)}>
              {FEEDBACK_TAG_LABELS[tag]}
            </Link>
          </li>
        ))}
      </ul>
      <Related item={item} filterHref={filterHref} />
      {item.reply ? (
        <div className="feedback-reply">
          <p className="feedback-reply-head">Marketing’s reply</p>
          <p className="feedback-reply-text">{item.reply}</p>
        </div>
      ) : null}
      {item.triagedBy && item.triagedAt ? (
        <p className="feedback-triaged muted">
          Triaged by {item.triagedBy.name} <RelativeTime iso={item.triagedAt} />
        </p>
      ) : null}
      {canEdit || canTriage ? (
        <div className="feedback-actions">
          {canEdit ? (
            <EditFeedback key={item.updatedAt} item={item} plans={plans} fetcher={editFetcher} />
          ) : null}
          {canTriage ? (
            <details className="feedback-triage" open={highlighted || undefined}>
              <summary className="button secondary small">Triage</summary>
              <TriageForm key={item.updatedAt} item={item} fetcher={triageFetcher} />
            </details>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** "FY27 Q1 joint plan · Target market: Mid-market retail · Section: Campaigns". */
function Related({
  item,
  filterHref,
}: {
  item: FeedbackJson;
  filterHref: (name: "tag" | "market" | "campaign", value: string) => string;
}) {
  if (!item.plan) return null;
  const { plan, targetMarket, campaign, section } = item;
  return (
    <dl className="feedback-links">
      <div>
        <dt>Plan</dt>
        <dd>
          <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
        </dd>
      </div>
      {targetMarket ? (
        <div>
          <dt>Target market</dt>
          <dd>
            {targetMarket.name === null ? (
              <span className="muted">removed from the plan</span>
            ) : (
              <Link to={filterHref("market", targetMarket.id)}>{targetMarket.name || "Untitled"}</Link>
            )}
          </dd>
        </div>
      ) : null}
      {campaign ? (
        <div>
          <dt>Campaign</dt>
          <dd>
            {campaign.name === null ? (
              <span className="muted">removed from the plan</span>
            ) : (
              <Link to={filterHref("campaign", campaign.id)}>{campaign.name || "Untitled"}</Link>
            )}
          </dd>
        </div>
      ) : null}
      {section ? (
        <div>
          <dt>Section</dt>
          <dd>
            <Link to={`/plans/${plan.id}#${sectionAnchor(section)}`}>{sectionLabel(section)}</Link>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
