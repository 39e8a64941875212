import { Link } from "@remix-run/react";

/** Field feedback counted by tag, as the dashboard shows it. */
export interface FeedbackTagCount {
  tag: string;
  /** The tag in words ("Product gap"). */
  label: string;
  total: number;
  /** Not yet done or declined. */
  open: number;
}

/**
 * What sales heard in the field, by tag: how much, and how much of it is
 * still open. With `listHref` (the feedback list filtered to this plan),
 * each tag leads to its items.
 */
export function FeedbackCard({
  counts,
  listHref,
}: {
  counts: readonly FeedbackTagCount[];
  listHref?: string | null;
}) {
  const total = counts.reduce((sum, c) => sum + c.total, 0);
  return (
    <section className="card dashboard-table feedback-card" aria-labelledby="dashboard-feedback">
      <h2 id="dashboard-feedback">Field feedback by tag</h2>
      {total === 0 ? (
        <p className="muted">
          No field feedback on this plan yet.
          {listHref ? (
            <>
              {" "}
              <Link to={listHref}>File what a customer said</Link>.
            </>
          ) : null}
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col" className="num">
                  Open
                </th>
                <th scope="col" className="num">
                  All
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.tag}>
                  <th scope="row">
                    {listHref && c.total > 0 ? (
                      <Link to={`${listHref}&tag=${c.tag}`}>{c.label}</Link>
                    ) : (
                      c.label
                    )}
                  </th>
                  <td className="num">{c.open}</td>
                  <td className="num">{c.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {listHref ? (
            <p className="muted">
              <Link to={listHref}>All feedback on this plan</Link>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
