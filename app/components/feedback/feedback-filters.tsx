import { Form, Link, useSubmit } from "@remix-run/react";
import {
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  FEEDBACK_TAG_LABELS,
  FEEDBACK_TAGS,
  type FeedbackListQuery,
  type FeedbackStatusCounts,
} from "../../domain/feedback";

/** The list's filters as URL search params: paging and the highlighted item are dropped on any change. */
export function listHref(query: FeedbackListQuery, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  const current: Record<string, string | undefined> = {
    status: query.status,
    tag: query.tag,
    plan: query.plan,
    market: query.market,
    campaign: query.campaign,
    mine: query.mine ? "1" : undefined,
    q: query.q,
  };
  for (const [name, value] of Object.entries({ ...current, ...change })) if (value) params.set(name, value);
  const qs = params.toString();
  return qs ? `/feedback?${qs}` : "/feedback";
}

export function hasFilters(query: FeedbackListQuery): boolean {
  return Boolean(
    query.status || query.tag || query.plan || query.market || query.campaign || query.mine || query.q,
  );
}

/**
 * The filter bar: status tabs with their counts (under the other filters),
 * then tag, plan, "filed by me" and a search, as a GET form. Choosing in a
 * select or the checkbox applies at once; the button is there for the
 * search and for browsers without JavaScript.
 */
export function FeedbackFilters({
  query,
  counts,
  plans,
  names,
}: {
  query: FeedbackListQuery;
  counts: FeedbackStatusCounts;
  plans: ReadonlyArray<{ id: string; title: string; period: string }>;
  /** Names of the market or campaign filtered on, when known. */
  names: { market?: string; campaign?: string };
}) {
  const submit = useSubmit();
  const total = FEEDBACK_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const applyNow = (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    submit(event.currentTarget.form, { replace: true });
  return (
    <div className="feedback-filter-bar">
      <nav className="tabs feedback-status-tabs" aria-label="Filter feedback by status">
        <Link to={listHref(query, { status: undefined })} aria-current={!query.status ? "page" : undefined}>
          All <span className="tab-count">{total}</span>
        </Link>
        {FEEDBACK_STATUSES.map((status) => (
          <Link
            key={status}
            to={listHref(query, { status })}
            aria-current={query.status === status ? "page" : undefined}
          >
            {FEEDBACK_STATUS_LABELS[status]} <span className="tab-count">{counts[status]}</span>
          </Link>
        ))}
      </nav>
      <Form
        method="get"
        action="/feedback"
        className="feedback-filters"
        role="search"
        aria-label="Filter feedback"
      >
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        {query.market ? <input type="hidden" name="market" value={query.market} /> : null}
        {query.campaign ? <input type="hidden" name="campaign" value={query.campaign} /> : null}
        <div className="field feedback-search">
          <label htmlFor="feedback-q">Search</label>
          <input
            id="feedback-q"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="Account or words"
          />
        </div>
        <div className="field">
          <label htmlFor="feedback-tag">Tag</label>
          <select id="feedback-tag" name="tag" defaultValue={query.tag ?? ""} onChange={applyNow}>
            <option value="">All tags</option>
            {FEEDBACK_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {FEEDBACK_TAG_LABELS[tag]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="feedback-plan">Plan</label>
          <select id="feedback-plan" name="plan" defaultValue={query.plan ?? ""} onChange={applyNow}>
            <option value="">All plans</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox feedback-mine">
          <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} onChange={applyNow} />
          Filed by me
        </label>
        <div className="feedback-filter-actions">
          <button className="button secondary small" type="submit">
            Apply
          </button>
          {hasFilters(query) ? (
            <Link className="small-link" to="/feedback">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>
      {query.market || query.campaign ? (
        <p className="feedback-row-filter">
          {query.market ? `Target market: ${names.market ?? "a removed market"}` : null}
          {query.campaign ? `Campaign: ${names.campaign ?? "a removed campaign"}` : null}{" "}
          <Link to={listHref(query, { market: undefined, campaign: undefined })}>
            Show every market and campaign
          </Link>
        </p>
      ) : null}
    </div>
  );
}
