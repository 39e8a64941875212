import type { FetcherWithComponents } from "@remix-run/react";
import { relatedValue, type FeedbackJson, type FeedbackTag } from "../../domain/feedback";
import { FeedbackFields } from "./feedback-fields";
import { refusalOf, type FeedbackActionData } from "./form-refusal";
import type { RelatablePlan } from "./related-fields";

/** The form's plans, with the item's own plan in front when it is older than the ones offered. */
function plansFor(item: FeedbackJson, plans: readonly RelatablePlan[]): readonly RelatablePlan[] {
  if (!item.plan || plans.some((p) => p.id === item.plan!.id)) return plans;
  const own: RelatablePlan = {
    id: item.plan.id,
    title: item.plan.title,
    period: "",
    markets: item.targetMarket ? [{ id: item.targetMarket.id, name: item.targetMarket.name ?? "" }] : [],
    campaigns: item.campaign ? [{ id: item.campaign.id, name: item.campaign.name ?? "" }] : [],
  };
  return [own, ...plans];
}

/**
 * The author's own item while it is new: "Edit" opens the same fields as
 * filing it. The card draws it afresh after a save, which closes it.
 */
export function EditFeedback({
  item,
  plans,
  fetcher,
}: {
  item: FeedbackJson;
  plans: readonly RelatablePlan[];
  fetcher: FetcherWithComponents<FeedbackActionData>;
}) {
  const refused = refusalOf(fetcher.data);
  const saving = fetcher.state !== "idle";
  return (
    <details className="feedback-edit" open={refused ? true : undefined}>
      <summary className="button secondary small">Edit</summary>
      <fetcher.Form method="post" noValidate aria-label={`Edit your feedback on ${item.account}`}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="id" value={item.id} />
        {refused ? (
          <div className="alert error" role="alert">
            {refused.message}
          </div>
        ) : null}
        <FeedbackFields
          idPrefix={`edit-${item.id}`}
          plans={plansFor(item, plans)}
          values={{
            account: item.account,
            insight: item.insight,
            tags: item.tags as FeedbackTag[],
            planId: item.plan?.id ?? "",
            related: relatedValue(item),
          }}
          errors={refused?.fieldErrors ?? {}}
        />
        <div className="form-actions">
          <button className="button small" type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save changes"}
          </button>
        </div>
      </fetcher.Form>
    </details>
  );
}
