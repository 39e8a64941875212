/**
 * The feedback page's forms post plain fields (they work before JavaScript
 * has loaded); these turn them into the API's JSON shapes, so one schema
 * validates both. The plan's market or campaign is one select whose value
 * says which: `market:<id>` or `campaign:<id>`.
 */

/** What a form posts, as `Object.fromEntries` and `getAll` read it. */
export interface PostedForm {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
  has(name: string): boolean;
}

const textOf = (value: FormDataEntryValue | null): string | undefined =>
  typeof value === "string" ? value : undefined;

/** "" means none. */
const orNull = (value: FormDataEntryValue | null): string | null => textOf(value) || null;

/** `market:<id>` / `campaign:<id>` / "" as the two link fields. */
export function relatedLink(value: string | undefined): {
  targetMarketId: string | null;
  campaignId: string | null;
} {
  const [kind, id = ""] = (value ?? "").split(":", 2);
  return {
    targetMarketId: kind === "market" && id ? id : null,
    campaignId: kind === "campaign" && id ? id : null,
  };
}

/** The value of the related select for an item's links. */
export function relatedValue(links: {
  targetMarket: { id: string } | null;
  campaign: { id: string } | null;
}): string {
  if (links.campaign) return `campaign:${links.campaign.id}`;
  if (links.targetMarket) return `market:${links.targetMarket.id}`;
  return "";
}

/** The "file feedback" and "edit" forms, as the create or update body. */
export function contentFromForm(form: PostedForm): Record<string, unknown> {
  return {
    account: textOf(form.get("account")) ?? "",
    insight: textOf(form.get("insight")) ?? "",
    tags: form.getAll("tags").filter((tag): tag is string => typeof tag === "string"),
    planId: orNull(form.get("planId")),
    ...relatedLink(textOf(form.get("related"))),
  };
}

/** The triage form, as the update body: only the fields it shows. */
export function triageFromForm(form: PostedForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.has("status")) body.status = textOf(form.get("status"));
  if (form.has("reply")) body.reply = textOf(form.get("reply")) ?? "";
  if (form.has("section")) body.section = orNull(form.get("section"));
  return body;
}
