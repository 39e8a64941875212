/**
 * What the page's action answers a refused form with (a 400 or 409 of the
 * shared feedback functions): the message, errors by field, and what was
 * posted, so the form shows it again even without JavaScript.
 */
export interface FormRefusal {
  intent: string;
  id: string | null;
  message: string;
  fieldErrors: Record<string, string[]>;
  values: {
    account: string;
    insight: string;
    tags: string[];
    planId: string;
    related: string;
  };
}

/** The page action's answer. */
export type FeedbackActionData = { ok: true; id: string } | { ok: false; refusal: FormRefusal };

export const refusalOf = (data: FeedbackActionData | undefined): FormRefusal | null =>
  data && !data.ok ? data.refusal : null;
