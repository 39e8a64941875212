import type { FetcherWithComponents } from "@remix-run/react";
import type { KeyboardEvent } from "react";
import {
  FEEDBACK_SECTIONS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  MAX_REPLY_LENGTH,
  type FeedbackJson,
} from "../../domain/feedback";
import { sectionLabel } from "../../editor/plan-sections";
import { FieldError } from "../field";
import { refusalOf, type FeedbackActionData } from "./form-refusal";

/** Ctrl+Enter (⌘+Enter) in a text box sends its form, as in the comment composer. */
export function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/**
 * Marketing's answer to an item, inline under it: status, a reply to the
 * author and the plan section it leads to. Saving tells the author when the
 * status or the reply changed. The fetcher belongs to the item's card, so
 * "Saved" stays when this form is drawn afresh with the item's new state.
 */
export function TriageForm({
  item,
  fetcher,
}: {
  item: FeedbackJson;
  fetcher: FetcherWithComponents<FeedbackActionData>;
}) {
  const refusal = refusalOf(fetcher.data);
  const saving = fetcher.state !== "idle";
  const saved = !saving && fetcher.data?.ok === true;
  const id = (name: string) => `triage-${item.id}-${name}`;
  return (
    <fetcher.Form method="post" className="triage-form" aria-label={`Triage feedback on ${item.account}`}>
      <input type="hidden" name="intent" value="triage" />
      <input type="hidden" name="id" value={item.id} />
      <div className="triage-row">
        <div className="field">
          <label htmlFor={id("status")}>Status</label>
          <select id={id("status")} name="status" defaultValue={item.status}>
            {FEEDBACK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {FEEDBACK_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("section")}>Plan section</label>
          <select
            id={id("section")}
            name="section"
            defaultValue={item.section ?? ""}
            disabled={!item.plan}
            aria-describedby={`${id("section")}-error`}
          >
            <option value="">{item.plan ? "None" : "Relate a plan first"}</option>
            {FEEDBACK_SECTIONS.map((section) => (
              <option key={section} value={section}>
                {sectionLabel(section)}
              </option>
            ))}
          </select>
          <FieldError id={`${id("section")}-error`} errors={refusal?.fieldErrors.section} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("reply")}>Reply to {item.author.name}</label>
        <textarea
          id={id("reply")}
          name="reply"
          rows={2}
          maxLength={MAX_REPLY_LENGTH}
          defaultValue={item.reply ?? ""}
          onKeyDown={submitOnModEnter}
          aria-invalid={refusal?.fieldErrors.reply ? true : undefined}
          aria-describedby={`${id("reply")}-error`}
        />
        <FieldError id={`${id("reply")}-error`} errors={refusal?.fieldErrors.reply} />
      </div>
      <div className="form-actions">
        <button className="button small" type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save triage"}
        </button>
        <span className="muted triage-note" role="status">
          {refusal && !Object.keys(refusal.fieldErrors).length ? refusal.message : saved ? "Saved." : ""}
        </span>
      </div>
    </fetcher.Form>
  );
}
