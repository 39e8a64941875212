import { z } from "zod";
import { findFeedbackForMember } from "../../db/queries/feedback";
import { listPlans } from "../../db/queries/plans";
import { monthInPeriod } from "../domain/actuals";
import { todayUtc } from "../utils/dashboard.server";
import {
  canTriageFeedback,
  contentFromForm,
  FeedbackListQuerySchema,
  triageFromForm,
  type FeedbackJson,
  type FeedbackListQuery,
  type FeedbackPageJson,
} from "../domain/feedback";
import type { FormRefusal } from "../components/feedback/form-refusal";
import type { Member } from "../utils/auth.server";
import type { AccordContext } from "../utils/context.server";
import {
  changeFeedback,
  createFeedback,
  feedbackJson,
  feedbackPage,
  planRefs,
  requireFeedbackForMember,
  type PlanRefs,
} from "../utils/feedback.server";

/**
 * The feedback page's loader and forms. The list and every write go
 * through app/utils/feedback.server.ts, so the page and the API behave alike.
 */

/** Items per page of the list. */
export const FEEDBACK_PAGE_SIZE = 30;
/** The form offers the most recent plans (by period): field feedback is about this quarter and the next. */
const FORM_PLANS = 6;

/** The URL's filters; a bad value is dropped rather than shown as an error. */
export function pageQuery(params: URLSearchParams): FeedbackListQuery {
  const shape = FeedbackListQuerySchema.shape;
  const valid: Record<string, string> = {};
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    const value = params.get(key);
    if (value !== null && shape[key].safeParse(value).success) valid[key] = value;
  }
  return FeedbackListQuerySchema.parse({ ...valid, limit: String(FEEDBACK_PAGE_SIZE) });
}

/** A plan the form can relate an item to, with its markets and campaigns as they are now. */
export interface FormPlan extends PlanRefs {
  id: string;
  title: string;
  period: string;
}

/** Where `?item=` points: in this list, shown on its own, in another of the member's workspaces, or nowhere. */
export type ItemLookup =
  | { kind: "none" }
  | { kind: "here"; item: FeedbackJson | null }
  | { kind: "elsewhere"; workspaceId: string; workspaceName: string }
  | { kind: "missing" };

export async function loadFeedbackPage(context: AccordContext, member: Member, url: URL) {
  const workspaceId = member.membership.workspaceId;
  const query = pageQuery(url.searchParams);
  const who = { userId: member.user.id, workspaceId };
  const plans = await listPlans(context.sql, workspaceId);
  // A plan filter of another workspace (or a deleted plan) lists nothing rather than failing the page.
  const planFilterOk = !query.plan || plans.some((p) => p.id === query.plan);
  // The form's plans first; the list reuses their rows rather than reading those documents again.
  const recent = plans.slice(0, FORM_PLANS);
  const refs = await planRefs(
    context,
    recent.map((p) => p.id),
  );
  const page: FeedbackPageJson = planFilterOk
    ? await feedbackPage(context, who, query, refs)
    : { items: [], counts: { new: 0, planned: 0, done: 0, declined: 0 }, next: null };
  const formPlans: FormPlan[] = recent.map((p) => ({
    id: p.id,
    title: p.title,
    period: p.period,
    ...(refs.get(p.id) ?? { markets: [], campaigns: [] }),
  }));
  return {
    workspaceName: member.membership.workspaceName,
    me: { id: member.user.id, canTriage: canTriageFeedback(member.membership) },
    query,
    page,
    plans: plans.map((p) => ({ id: p.id, title: p.title, period: p.period })),
    formPlans,
    defaultPlanId: defaultPlanOf(formPlans, query.plan, todayUtc().slice(0, 7)),
    lookup: await lookupItem(context, member, url.searchParams.get("item"), page),
  };
}

/**
 * The plan a new item is filed against unless the author picks another:
 * the plan the list is filtered to, else the plan of the running quarter
 * (what the field hears is mostly about it), else the newest.
 */
export function defaultPlanOf(
  plans: ReadonlyArray<{ id: string; period: string }>,
  filtered: string | undefined,
  thisMonth: string,
): string {
  return (
    plans.find((p) => p.id === filtered)?.id ??
    plans.find((p) => monthInPeriod(thisMonth, p.period))?.id ??
    plans[0]?.id ??
    ""
  );
}

async function lookupItem(
  context: AccordContext,
  member: Member,
  itemId: string | null,
  page: FeedbackPageJson,
): Promise<ItemLookup> {
  if (itemId === null) return { kind: "none" };
  const id = z.uuid().safeParse(itemId);
  if (!id.success) return { kind: "missing" };
  if (page.items.some((item) => item.id === id.data)) return { kind: "here", item: null };
  const found = await findFeedbackForMember(context.sql, id.data, member.user.id);
  if (!found) return { kind: "missing" };
  if (found.workspaceId !== member.membership.workspaceId) {
    const workspace = member.memberships.find((m) => m.workspaceId === found.workspaceId);
    return {
      kind: "elsewhere",
      workspaceId: found.workspaceId,
      workspaceName: workspace?.workspaceName ?? "",
    };
  }
  return { kind: "here", item: await feedbackJson(context, found.workspaceId, found.id) };
}

export const FeedbackIntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create") }),
    z.object({ intent: z.literal("edit"), id: z.string() }),
    z.object({ intent: z.literal("triage"), id: z.string() }),
  ],
  { error: "Choose what to do." },
);

/**
 * Runs one of the page's forms. Returns the item written; a 400 or 409 of
 * the shared functions comes back as a refusal to show beside the form,
 * anything else (403, 404) is thrown on.
 */
export async function runFeedbackForm(
  context: AccordContext,
  member: Member,
  form: FormData,
): Promise<{ ok: true; item: FeedbackJson } | { ok: false; refusal: FormRefusal }> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: FormRefusal["values"] = {
    account: text("account"),
    insight: text("insight"),
    tags: form.getAll("tags").filter((t): t is string => typeof t === "string"),
    planId: text("planId"),
    related: text("related"),
  };
  const parsed = FeedbackIntentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const refusal = { intent: "", id: null, message: "Choose what to do.", fieldErrors: {}, values };
    return { ok: false, refusal };
  }
  const input = parsed.data;
  const id = input.intent === "create" ? null : input.id;
  try {
    if (input.intent === "create") {
      const who = { userId: member.user.id, workspaceId: member.membership.workspaceId };
      return { ok: true, item: await createFeedback(context, who, contentFromForm(form)) };
    }
    const item = await requireFeedbackForMember(context, input.id, member.user.id);
    const actor = { userId: member.user.id, role: item.role, team: item.team };
    const body = input.intent === "edit" ? contentFromForm(form) : triageFromForm(form);
    return { ok: true, item: await changeFeedback(context, item, actor, body) };
  } catch (error) {
    if (!(error instanceof Response) || (error.status !== 400 && error.status !== 409)) throw error;
    const body = (await error.json()) as { message?: string; fieldErrors?: Record<string, string[]> };
    return {
      ok: false,
      refusal: {
        intent: input.intent,
        id,
        message: body.message ?? "Something is not right.",
        fieldErrors: body.fieldErrors ?? {},
        values,
      },
    };
  }
}
