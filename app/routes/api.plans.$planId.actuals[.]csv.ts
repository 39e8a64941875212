import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { actualsCsvTemplate, spendCsvTemplate } from "../domain/actuals";
import { importActualsCsv, refsOf, requireMayEnterActuals } from "../utils/actuals.server";
import { importWithProgress, wantsImportProgress } from "../utils/actuals-import-stream.server";
import { apiRoute, methodNotAllowed, parseInput, readCsvBody } from "../utils/api.server";
import { requireApiSession } from "../utils/auth.server";
import { currentContent, requirePlanForMember } from "../utils/plans.server";

const TemplateQuerySchema = z.object({
  kind: z.enum(["actuals", "spend"], { error: "Choose kind=actuals or kind=spend." }).default("actuals"),
});

/** GET /api/plans/:planId/actuals.csv?kind=actuals|spend: the CSV template for the plan's markets or campaigns. */
export const loader = apiRoute(async ({ request, context, params }: LoaderFunctionArgs) => {
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { kind } = parseInput(TemplateQuerySchema, query);
  const refs = refsOf(await currentContent(context, plan.id));
  const csv =
    kind === "spend"
      ? spendCsvTemplate(refs.period, refs.campaigns)
      : actualsCsvTemplate(refs.period, refs.markets);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-template.csv"`,
    },
  });
});

/**
 * POST /api/plans/:planId/actuals.csv (text/csv, up to 8 MiB): owners and
 * editors import a file, all or nothing. With `Accept: application/x-ndjson`
 * the answer streams the import's progress, then its outcome.
 */
export const action = apiRoute(async ({ request, context, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") methodNotAllowed(["GET", "POST"]);
  const session = await requireApiSession(request, context);
  const plan = await requirePlanForMember(context, params.planId, session.userId);
  requireMayEnterActuals(plan);
  const text = await readCsvBody(request);
  if (wantsImportProgress(request)) return importWithProgress(context, plan, session.userId, text);
  return Response.json(await importActualsCsv(context, plan, session.userId, text));
});
