import { z } from "zod";
import { computeDashboard, type Dashboard } from "../domain/metrics";
import { isIsoDate } from "../domain/plan";
import { actualsOf } from "./actuals.server";
import type { AccordContext } from "./context.server";
import { currentContent } from "./plans.server";

/** Today as a `YYYY-MM-DD` day (UTC), the metrics API's default. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `?today=YYYY-MM-DD` of the metrics endpoint; today (UTC) when left out. */
export const MetricsQuerySchema = z.object({
  today: z.string().refine(isIsoDate, "Use a day like 2027-02-15.").optional(),
});

/**
 * The dashboard of a plan and the currency its money is written in: the
 * plan's content as editors see it now against its stored actuals, the
 * same figures as GET /api/plans/:planId/metrics. Callers check access
 * first (a member's page, or a working share link).
 */
export async function planDashboard(
  context: AccordContext,
  plan: { id: string; currency: string },
  today: string = todayUtc(),
): Promise<{ dashboard: Dashboard; currency: string }> {
  const [content, actuals] = await Promise.all([
    currentContent(context, plan.id),
    actualsOf(context, plan.id),
  ]);
  return {
    dashboard: computeDashboard(content, actuals, today),
    currency: content.meta.currency ?? plan.currency,
  };
}
