import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { DashboardView } from "../components/dashboard/dashboard-view";
import { Logo } from "../components/logo";
import { formatDateTime } from "../components/members/format-date-time";
import { PlanDocument } from "../components/plan-document/plan-document";
import dashboardStylesheet from "../styles/dashboard.css?url";
import planDocumentStylesheet from "../styles/plan-document.css?url";
import planTableStylesheet from "../styles/plan-table.css?url";
import { sharedView } from "../utils/share-links.server";

/** Never cached, never indexed, and the token never leaves in a Referer. */
const PRIVATE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
} as const;

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: planTableStylesheet },
  { rel: "stylesheet", href: planDocumentStylesheet },
  { rel: "stylesheet", href: dashboardStylesheet },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Shared read-only · Accord` : "Link not found · Accord" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

/**
 * GET /share/:token: the public, read-only page behind a share link, for
 * anyone who has it, with no session. The plan's dashboard and its approved
 * version with who signed it; a malformed, unknown or revoked token is a
 * plain 404 that says nothing about any plan.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const view = await sharedView(context, params.token);
  if (!view) throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
  return view;
}

export default function SharedPlan() {
  const { plan, currency, dashboard, approved } = useLoaderData<typeof loader>();
  return (
    <div className="share-page">
      <header className="share-bar">
        <span className="share-brand">
          <Logo />
          <span>Accord</span>
        </span>
        <span className="badge neutral">Read-only</span>
      </header>
      <main className="page" id="main">
        <div className="page-header">
          <div>
            <p className="eyebrow">Shared plan</p>
            <h1>{plan.title}</h1>
            <p className="muted">A read-only view its owner shared: the dashboard, then the approved plan.</p>
          </div>
        </div>
        <DashboardView dashboard={dashboard} currency={currency} />
        <section className="card share-approved" aria-labelledby="share-approved-heading">
          <h2 id="share-approved-heading">Approved plan</h2>
          {approved ? (
            <>
              <dl className="meta-list share-facts">
                <dt>Version</dt>
                <dd>
                  Version {approved.number} · {approved.name}
                </dd>
                {approved.approvedAt ? (
                  <>
                    <dt>Approved</dt>
                    <dd>{formatDateTime(approved.approvedAt)}</dd>
                  </>
                ) : null}
                <dt>Signed by</dt>
                <dd>
                  {approved.approvals.length ? (
                    <ul className="share-signers">
                      {approved.approvals.map((a, i) => (
                        <li key={i}>
                          {a.name} · {formatDateTime(a.at)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "No signatures recorded"
                  )}
                </dd>
                <dt>Content hash</dt>
                <dd>
                  <code className="share-hash">{approved.hash}</code>
                </dd>
              </dl>
              {approved.reopened ? (
                <p className="alert info">
                  The plan was reopened after this approval and may be changing: this is the last approved
                  version.
                </p>
              ) : null}
              <PlanDocument content={approved.content} people={approved.people} idPrefix="shared" level={3} />
            </>
          ) : (
            <p className="muted">This plan has no approved version yet.</p>
          )}
        </section>
      </main>
    </div>
  );
}

/** A revoked or unknown link: a plain page that names no plan and offers no way into the app. */
export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="centered-page" id="main">
      <div className="card narrow" role="alert">
        <p className="eyebrow">{missing ? "Not found" : "Error"}</p>
        <h1>{missing ? "This link does not work" : "Something went wrong"}</h1>
        <p>
          {missing
            ? "The link is wrong, or its owner revoked it. Ask whoever sent it for a new one."
            : "Something went wrong on our side. Try again in a moment."}
        </p>
      </div>
    </main>
  );
}
