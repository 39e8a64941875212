import {
  FEEDBACK_TAG_LABELS,
  FEEDBACK_TAGS,
  MAX_ACCOUNT_LENGTH,
  MAX_INSIGHT_LENGTH,
  type FeedbackTag,
} from "../../domain/feedback";
import { FieldError } from "../field";
import { RelatedFields, type RelatablePlan } from "./related-fields";

export interface FeedbackFieldValues {
  account: string;
  insight: string;
  tags: readonly FeedbackTag[];
  planId: string;
  related: string;
}

/**
 * What the author fills in, for filing an item and for changing it while it
 * is new: the account, what the customer said, tags and what it relates to.
 */
export function FeedbackFields({
  idPrefix,
  plans,
  values,
  errors,
  autoFocus,
}: {
  idPrefix: string;
  plans: readonly RelatablePlan[];
  values: FeedbackFieldValues;
  errors: Record<string, string[]>;
  autoFocus?: boolean;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const described = (name: string, hint = false) =>
    [hint ? `${id(name)}-hint` : "", `${id(name)}-error`].filter(Boolean).join(" ");
  return (
    <>
      <div className="field">
        <label htmlFor={id("account")}>Account</label>
        <input
          id={id("account")}
          name="account"
          type="text"
          required
          maxLength={MAX_ACCOUNT_LENGTH}
          defaultValue={values.account}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder="Acme Retail"
          aria-invalid={errors.account ? true : undefined}
          aria-describedby={described("account")}
        />
        <FieldError id={`${id("account")}-error`} errors={errors.account} />
      </div>
      <div className="field">
        <label htmlFor={id("insight")}>What the customer said</label>
        <textarea
          id={id("insight")}
          name="insight"
          required
          rows={4}
          maxLength={MAX_INSIGHT_LENGTH}
          defaultValue={values.insight}
          aria-invalid={errors.insight ? true : undefined}
          aria-describedby={described("insight", true)}
        />
        <p className="hint" id={`${id("insight")}-hint`}>
          In their words where you can: the objection, the competitor, the question.
        </p>
        <FieldError id={`${id("insight")}-error`} errors={errors.insight} />
      </div>
      <fieldset
        className="field feedback-tags-field"
        aria-invalid={errors.tags ? true : undefined}
        aria-describedby={`${id("tags")}-error`}
      >
        <legend className="label">Tags</legend>
        <div className="feedback-tag-choices">
          {FEEDBACK_TAGS.map((tag) => (
            <label key={tag} className="checkbox feedback-tag-choice">
              <input type="checkbox" name="tags" value={tag} defaultChecked={values.tags.includes(tag)} />
              {FEEDBACK_TAG_LABELS[tag]}
            </label>
          ))}
        </div>
        <FieldError id={`${id("tags")}-error`} errors={errors.tags} />
      </fieldset>
      <RelatedFields
        idPrefix={idPrefix}
        plans={plans}
        defaultPlanId={values.planId}
        defaultRelated={values.related}
        errors={errors}
      />
    </>
  );
}
