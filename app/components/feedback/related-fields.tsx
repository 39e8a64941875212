import { useEffect, useState } from "react";
import { FieldError } from "../field";

/** A plan the form may relate an item to, with the rows of its document. */
export interface RelatablePlan {
  id: string;
  title: string;
  period: string;
  markets: Array<{ id: string; name: string }>;
  campaigns: Array<{ id: string; name: string }>;
}

/** Untitled rows still need words in a select. */
const nameOr = (name: string, fallback: string) => name.trim() || fallback;

/**
 * The related plan and, of that plan, one target market or campaign: one
 * select whose value says which (`market:<id>`, `campaign:<id>`; see
 * app/domain/feedback/form.ts). Before the page's JavaScript runs, the
 * second select lists every plan's rows, grouped by plan, so the form works
 * as plain HTML; after, it lists the chosen plan's only.
 */
export function RelatedFields({
  idPrefix,
  plans,
  defaultPlanId,
  defaultRelated,
  errors,
}: {
  idPrefix: string;
  plans: readonly RelatablePlan[];
  defaultPlanId: string;
  defaultRelated: string;
  errors: Record<string, string[]>;
}) {
  const [planId, setPlanId] = useState(defaultPlanId);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const shown = hydrated ? plans.filter((p) => p.id === planId) : plans;
  const relatedErrors = [...(errors.targetMarketId ?? []), ...(errors.campaignId ?? [])];
  const planField = `${idPrefix}-plan`;
  const relatedField = `${idPrefix}-related`;
  const noRows = hydrated && planId !== "" && shown.every((p) => !p.markets.length && !p.campaigns.length);
  return (
    <div className="feedback-related">
      <div className="field">
        <label htmlFor={planField}>Related plan</label>
        <select
          id={planField}
          name="planId"
          value={planId}
          onChange={(event) => setPlanId(event.currentTarget.value)}
          aria-invalid={errors.planId ? true : undefined}
          aria-describedby={`${planField}-error`}
        >
          <option value="">No plan</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.period ? `${p.title} (${p.period})` : p.title}
            </option>
          ))}
        </select>
        <FieldError id={`${planField}-error`} errors={errors.planId} />
      </div>
      <div className="field">
        <label htmlFor={relatedField}>Target market or campaign</label>
        <select
          id={relatedField}
          name="related"
          key={hydrated ? planId : "all"}
          defaultValue={planId === defaultPlanId ? defaultRelated : ""}
          disabled={hydrated && (planId === "" || noRows)}
          aria-invalid={relatedErrors.length ? true : undefined}
          aria-describedby={`${relatedField}-hint ${relatedField}-error`}
        >
          <option value="">None</option>
          {shown.map((p) => {
            const prefix = hydrated ? "" : `${p.title}: `;
            return [
              p.markets.length ? (
                <optgroup key={`${p.id}-markets`} label={`${prefix}Target markets`}>
                  {p.markets.map((m) => (
                    <option key={m.id} value={`market:${m.id}`}>
                      {nameOr(m.name, "Untitled target market")}
                    </option>
                  ))}
                </optgroup>
              ) : null,
              p.campaigns.length ? (
                <optgroup key={`${p.id}-campaigns`} label={`${prefix}Campaigns`}>
                  {p.campaigns.map((c) => (
                    <option key={c.id} value={`campaign:${c.id}`}>
                      {nameOr(c.name, "Untitled campaign")}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            ];
          })}
        </select>
        <p className="hint" id={`${relatedField}-hint`}>
          {planId === "" && hydrated
            ? "Choose a plan to pick one of its markets or campaigns."
            : noRows
              ? "This plan has no target markets or campaigns yet."
              : "Optional: the market or campaign it is about."}
        </p>
        <FieldError id={`${relatedField}-error`} errors={relatedErrors.length ? relatedErrors : undefined} />
      </div>
    </div>
  );
}
