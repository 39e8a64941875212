import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { FeedbackFilters, hasFilters, listHref } from "../components/feedback/feedback-filters";
import { FeedbackItem, itemAnchor } from "../components/feedback/feedback-item";
import { FileFeedbackForm } from "../components/feedback/file-feedback-form";
import type { FeedbackActionData } from "../components/feedback/form-refusal";
import { canEditFeedback, feedbackItemPath, type FeedbackJson } from "../domain/feedback";
import feedbackStylesheet from "../styles/feedback.css?url";
import { requireMember } from "../utils/auth.server";
import { loadFeedbackPage, runFeedbackForm } from "./feedback.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStylesheet }];

export const meta: MetaFunction = () => [{ title: "Feedback · Accord" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  return loadFeedbackPage(context, member, new URL(request.url));
}

/** The page's forms: file an item (then show it), change one's own, triage one. */
export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request, context);
  const form = await request.formData();
  const result = await runFeedbackForm(context, member, form);
  if (!result.ok) return data<FeedbackActionData>(result, { status: 400 });
  if (form.get("intent") === "create") throw redirect(`${feedbackItemPath(result.item.id)}&filed=1`);
  return data<FeedbackActionData>({ ok: true, id: result.item.id });
}

export default function Feedback() {
  const { workspaceName, me, query, page, plans, formPlans, defaultPlanId, lookup } =
    useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const highlightId = params.get("item");
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/feedback";
  useScrollToItem(highlightId, lookup.kind);
  const allItems: FeedbackJson[] = page.items;
  const pinned = lookup.kind === "here" ? lookup.item : null;
  const names = rowNames(query, [...allItems, ...(pinned ? [pinned] : [])]);
  const item = (it: FeedbackJson) => (
    <li key={it.id}>
      <FeedbackItem
        item={it}
        highlighted={it.id === highlightId}
        canTriage={me.canTriage}
        canEdit={canEditFeedback({ userId: me.id }, { authorId: it.author.id, status: it.status })}
        plans={formPlans}
        filterHref={(name, value) => listHref(query, { [name]: value })}
      />
    </li>
  );
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Field feedback</h1>
          <p className="muted">
            What customers tell sales, filed for marketing: objections, competitors, pricing, gaps and content
            they ask for.
          </p>
        </div>
      </div>
      <ItemNotice lookup={lookup} filed={params.get("filed") === "1" && Boolean(highlightId)} />
      <div className="feedback-layout">
        <FileFeedbackForm plans={formPlans} defaultPlanId={defaultPlanId} />
        <section className="feedback-main" aria-labelledby="feedback-list-title">
          <h2 id="feedback-list-title" className="visually-hidden">
            Feedback items
          </h2>
          <FeedbackFilters
            key={listHref(query, {})}
            query={query}
            counts={page.counts}
            plans={plans}
            names={names}
          />
          <div className={`feedback-list-wrap${loading ? " is-loading" : ""}`} aria-busy={loading}>
            {pinned ? (
              <div className="feedback-pinned">
                <p className="eyebrow">The item you opened</p>
                <ul className="feedback-list">{item(pinned)}</ul>
              </div>
            ) : null}
            {allItems.length === 0 ? (
              <EmptyState filtered={hasFilters(query) || Boolean(query.before)} />
            ) : (
              <ul className="feedback-list" aria-label="Feedback, newest first">
                {allItems.map(item)}
              </ul>
            )}
            <nav className="feedback-paging" aria-label="More feedback">
              {query.before ? <Link to={listHref(query, {})}>Newest</Link> : null}
              {page.next ? <Link to={listHref(query, { before: page.next })}>Older items</Link> : null}
            </nav>
          </div>
        </section>
      </div>
    </>
  );
}

/** Where `?item=` points when it is not simply in the list. */
function ItemNotice({
  lookup,
  filed,
}: {
  lookup: ReturnType<typeof useLoaderData<typeof loader>>["lookup"];
  filed: boolean;
}) {
  const location = useLocation();
  const back = location.pathname + location.search;
  if (filed && lookup.kind === "here")
    return (
      <div className="alert success" role="status">
        Thanks, your feedback is filed. Marketing sees it in this list, and you will hear when they answer.
      </div>
    );
  if (lookup.kind === "missing")
    return (
      <div className="alert info" role="status">
        That feedback item is not there any more, or it is in a workspace you are not in.
      </div>
    );
  if (lookup.kind === "elsewhere") {
    return (
      <div className="alert info feedback-elsewhere" role="status">
        <span>That item is in the workspace {lookup.workspaceName}.</span>
        <Form method="post" action="/workspaces/switch">
          <input type="hidden" name="workspaceId" value={lookup.workspaceId} />
          <input type="hidden" name="redirectTo" value={back} />
          <button className="button secondary small" type="submit">
            Switch to {lookup.workspaceName}
          </button>
        </Form>
      </div>
    );
  }
  return null;
}

function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered)
    return (
      <div className="card empty-state">
        <h2>Nothing matches these filters</h2>
        <p>Try another status or tag, or look at everything.</p>
        <Link to="/feedback">Clear filters</Link>
      </div>
    );
  return (
    <div className="card empty-state">
      <h2>No feedback yet</h2>
      <p>
        When someone hears an objection, a competitor’s name or a request for content, they file it here and
        marketing answers.
      </p>
    </div>
  );
}

/** The names of the market or campaign the list is filtered on, from the items that show them. */
function rowNames(
  query: { market?: string; campaign?: string },
  items: readonly FeedbackJson[],
): { market?: string; campaign?: string } {
  const market = items.find((i) => i.targetMarket?.id === query.market)?.targetMarket?.name ?? undefined;
  const campaign = items.find((i) => i.campaign?.id === query.campaign)?.campaign?.name ?? undefined;
  return { market, campaign };
}

/** `?item=` brings that item into view and moves focus to it, once per item. */
function useScrollToItem(itemId: string | null, kind: string) {
  useEffect(() => {
    if (!itemId || kind !== "here") return;
    const card = document.getElementById(itemAnchor(itemId));
    if (!card) return;
    card.scrollIntoView({ block: "center" });
    card.focus({ preventScroll: true });
  }, [itemId, kind]);
}
