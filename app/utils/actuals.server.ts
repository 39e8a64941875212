import { z } from "zod";
import { announceActuals } from "../../db/queries/live-events";
import { listActuals, listCampaignSpend, upsertActuals, upsertCampaignSpend } from "../../db/queries/actuals";
import {
  ActualsRowSchema,
  CampaignSpendRowSchema,
  checkActualsCsvInSlices,
  periodMonths,
  type ActualsCsvContext,
  type CsvError,
  type ImportProgress,
  type PlanActuals,
} from "../domain/actuals";
import type { PlanContent } from "../domain/plan";
import { can } from "../domain/policy";
import type { AccordContext } from "./context.server";
import { badRequest, forbidden } from "./http.server";
import { currentContent, type PlanForMember } from "./plans.server";

/**
 * Storing a plan's actuals: read them, upsert rows posted as JSON or
 * imported from CSV, and compute the dashboard from them. Markets and
 * campaigns live in the plan's document, so every write is checked against
 * the document as editors see it now; a write is all-or-nothing.
 */

export const NO_RIGHT_TO_ENTER_ACTUALS = "Only owners and editors can enter actuals.";

/** Viewers and commenters read the numbers; owners and editors enter them. */
export function requireMayEnterActuals(plan: PlanForMember): void {
  if (!can({ role: plan.role }, "plan.edit")) forbidden(NO_RIGHT_TO_ENTER_ACTUALS);
}

/** What rows may refer to: the plan's period, its markets (by segment) and its campaigns (by name). */
export function refsOf(content: PlanContent): ActualsCsvContext {
  return {
    period: content.meta.period,
    markets: content.targetMarkets.map((m) => ({ id: m.id, name: m.segment })),
    campaigns: content.campaigns.map((c) => ({ id: c.id, name: c.name })),
  };
}

export async function actualsOf(context: AccordContext, planId: string): Promise<PlanActuals> {
  const [rows, spend] = await Promise.all([
    listActuals(context.sql, planId),
    listCampaignSpend(context.sql, planId),
  ]);
  return { rows, spend };
}

/** The body of POST /api/plans/:planId/actuals: either list may be left out. */
export const ActualsPostSchema = z.object({
  rows: z.array(ActualsRowSchema).max(10_000).optional(),
  spend: z.array(CampaignSpendRowSchema).max(10_000).optional(),
});

/**
 * Validates posted rows against the plan as it is now and upserts them in
 * one transaction, or throws 400 with errors per row and field
 * (`rows.3.month`) and writes nothing.
 */
export async function saveActuals(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  body: unknown,
): Promise<PlanActuals> {
  requireMayEnterActuals(plan);
  const parsed = ActualsPostSchema.safeParse(body);
  if (!parsed.success) throw invalidRows(issuesByPath(parsed.error.issues));
  const rows = parsed.data.rows ?? [];
  const spend = parsed.data.spend ?? [];
  const refs = refsOf(await currentContent(context, plan.id));
  const errors = refErrors(refs, rows, spend);
  if (Object.keys(errors).length > 0) throw invalidRows(errors);
  await context.sql.begin(async (tx) => {
    await upsertActuals(tx, plan.id, userId, rows);
    await upsertCampaignSpend(tx, plan.id, userId, spend);
    await announceActuals(tx, plan.id);
  });
  return { rows, spend };
}

function invalidRows(fieldErrors: Record<string, string[]>): Response {
  return badRequest(fieldErrors, "Some rows are not valid; nothing was saved.");
}

function issuesByPath(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Unknown markets or campaigns, months outside the period and keys posted twice, per row and field. */
function refErrors(
  refs: ActualsCsvContext,
  rows: PlanActuals["rows"],
  spend: PlanActuals["spend"],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const months = new Set(periodMonths(refs.period));
  const check = (
    list: string,
    ids: Set<string>,
    what: string,
    keyed: Array<{ id: string; month: string }>,
  ) => {
    const seen = new Map<string, number>();
    keyed.forEach(({ id, month }, index) => {
      const field = list === "rows" ? "targetMarketId" : "campaignId";
      if (!ids.has(id)) add(`${list}.${index}.${field}`, `No ${what} of this plan has this id.`);
      if (!months.has(month))
        add(`${list}.${index}.month`, `${month} is outside the plan's period ${refs.period}.`);
      const key = `${id}|${month}`;
      const first = seen.get(key);
      if (first !== undefined)
        add(`${list}.${index}.month`, `Duplicate of ${list}.${first}: the same ${what} and month.`);
      else seen.set(key, index);
    });
  };
  check(
    "rows",
    new Set(refs.markets.map((m) => m.id)),
    "target market",
    rows.map((r) => ({ id: r.targetMarketId, month: r.month })),
  );
  check(
    "spend",
    new Set(refs.campaigns.map((c) => c.id)),
    "campaign",
    spend.map((s) => ({ id: s.campaignId, month: s.month })),
  );
  return errors;
}

/** What a CSV import wrote. */
export interface CsvImport {
  imported: number;
  kind: "actuals" | "spend";
}

/** The 400 of a refused import: every bad row at once, nothing written. */
function invalidCsv(message: string, rowErrors: readonly CsvError[]): Response {
  return Response.json({ error: "invalid_csv", message, rowErrors }, { status: 400 });
}

/** Errors listed in a 400; a file with more is mostly wrong, and the first ones say how. */
const MAX_REPORTED_ERRORS = 1000;

/** Where an import is: the phase, and `done` of `total` (characters checked, then rows written). */
export type OnImportProgress = (progress: Omit<ImportProgress, "type">) => void;

/** Lets pending I/O (other requests, websocket frames, database answers) run before the next slice. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports a CSV of either template against the plan as it is now: every
 * row is checked first and, if any is bad, nothing is written (400 with
 * each row's line and column); otherwise all rows are upserted in one
 * transaction, in batches. The check runs in slices that yield to the event
 * loop, and the writes are awaited batch by batch, so a 50,000-row file
 * never holds up other requests; `onProgress` hears of every slice and batch.
 */
export async function importActualsCsv(
  context: AccordContext,
  plan: PlanForMember,
  userId: string,
  text: string,
  onProgress?: OnImportProgress,
): Promise<CsvImport> {
  requireMayEnterActuals(plan);
  const refs = refsOf(await currentContent(context, plan.id));
  const { result } = await checkActualsCsvInSlices(text, refs, {
    pause: yieldToEventLoop,
    onProgress: ({ done, total }) => onProgress?.({ phase: "checking", done, total }),
  });
  if (result.errors.length > 0 || result.kind === null) {
    const count = result.errors.length;
    throw invalidCsv(
      `${count} ${count === 1 ? "problem" : "problems"} in the file; nothing was imported.`,
      result.errors.slice(0, MAX_REPORTED_ERRORS),
    );
  }
  const { kind } = result;
  const total = kind === "spend" ? result.spend.length : result.rows.length;
  const onBatch = (done: number) => onProgress?.({ phase: "saving", done, total });
  onBatch(0);
  await context.sql.begin(async (tx) => {
    if (kind === "spend") await upsertCampaignSpend(tx, plan.id, userId, result.spend, onBatch);
    else await upsertActuals(tx, plan.id, userId, result.rows, onBatch);
    await announceActuals(tx, plan.id);
  });
  return { imported: total, kind };
}
