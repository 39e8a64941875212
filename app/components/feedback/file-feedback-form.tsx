import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { FeedbackTag } from "../../domain/feedback";
import { FeedbackFields } from "./feedback-fields";
import { refusalOf, type FeedbackActionData } from "./form-refusal";
import type { RelatablePlan } from "./related-fields";

/**
 * "File feedback": a plain form (it works before the page's JavaScript
 * has loaded). The action files the item and goes to it; the form then
 * starts empty again for the next one.
 */
export function FileFeedbackForm({
  plans,
  defaultPlanId,
}: {
  plans: readonly RelatablePlan[];
  /** The plan a new item is about unless the author picks another: the one the list is filtered to, or the running quarter's. */
  defaultPlanId: string;
}) {
  const actionData = useActionData<FeedbackActionData>();
  const navigation = useNavigation();
  const refused = refusalOf(actionData);
  const refusal = refused?.intent === "create" ? refused : null;
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "create";
  const [generation, setGeneration] = useState(0);
  const wasSubmitting = useRef(false);
  useEffect(() => {
    if (submitting) {
      wasSubmitting.current = true;
      return;
    }
    if (wasSubmitting.current && navigation.state === "idle") {
      wasSubmitting.current = false;
      if (!refusal) setGeneration((g) => g + 1);
    }
  }, [submitting, navigation.state, refusal]);
  const values = refusal?.values ?? {
    account: "",
    insight: "",
    tags: [],
    planId: defaultPlanId,
    related: "",
  };
  return (
    <section className="card feedback-file" aria-labelledby="file-feedback-title">
      <h2 id="file-feedback-title">File feedback</h2>
      <p className="muted small-print">
        What did a customer or prospect tell you? Marketing reads every item.
      </p>
      <Form method="post" key={generation} noValidate>
        <input type="hidden" name="intent" value="create" />
        {refusal ? (
          <div className="alert error" role="alert">
            {refusal.message}
          </div>
        ) : null}
        <FeedbackFields
          idPrefix="new-feedback"
          plans={plans}
          values={{ ...values, tags: values.tags as FeedbackTag[] }}
          errors={refusal?.fieldErrors ?? {}}
        />
        <div className="form-actions">
          <button className="button" type="submit" disabled={submitting}>
            {submitting ? "Filing…" : "File feedback"}
          </button>
        </div>
      </Form>
    </section>
  );
}
