import { z } from "zod";
import { isMonth } from "./months";

/**
 * The actuals of a plan: what really happened, month by month, against the
 * targets the plan sets. Sales and marketing fill them in (a grid or a CSV
 * import) and the dashboard compares them with the plan. Counts are whole
 * numbers and money is an amount of the plan's currency; nothing is
 * negative, and no more leads can be followed up in time than were handed off.
 */

export const MAX_ACTUAL_MONEY = 1e15;
export const MAX_ACTUAL_COUNT = 1e9;

export const MonthSchema = z
  .string({ error: "Use a month like 2027-01." })
  .refine(isMonth, "Use a month like 2027-01.");

const money = () =>
  z
    .number({ error: "Enter a number." })
    .min(0, "Enter an amount of 0 or more.")
    .max(MAX_ACTUAL_MONEY, "That amount is too large.");

const count = () =>
  z
    .number({ error: "Enter a number." })
    .int("Enter a whole number.")
    .min(0, "Enter 0 or more.")
    .max(MAX_ACTUAL_COUNT, "That number is too large.");

export const SLA_OVER_HANDED_OFF = "More leads followed up within the SLA than were handed off.";

/** One target market's month. */
export const ActualsRowSchema = z
  .object({
    targetMarketId: z.uuid({ error: "Choose a target market of the plan." }),
    month: MonthSchema,
    revenueWon: money(),
    dealsWon: count(),
    pipelineCreated: money(),
    mqls: count(),
    sqls: count(),
    leadsFollowedUpInSla: count(),
    leadsHandedOff: count(),
  })
  .refine((row) => row.leadsFollowedUpInSla <= row.leadsHandedOff, {
    message: SLA_OVER_HANDED_OFF,
    path: ["leadsFollowedUpInSla"],
  });

/**
 * One campaign's month. MQLs are the ones the campaign itself brought in:
 * market MQLs cannot be split over campaigns after the fact, and cost per
 * MQL per campaign needs them.
 */
export const CampaignSpendRowSchema = z.object({
  campaignId: z.uuid({ error: "Choose a campaign of the plan." }),
  month: MonthSchema,
  spend: money(),
  mqls: count(),
});

/** All actuals of one plan, as the API takes and returns them. */
export const PlanActualsSchema = z.object({
  rows: z.array(ActualsRowSchema),
  spend: z.array(CampaignSpendRowSchema),
});

export type ActualsRow = z.infer<typeof ActualsRowSchema>;
export type CampaignSpendRow = z.infer<typeof CampaignSpendRowSchema>;
export type PlanActuals = z.infer<typeof PlanActualsSchema>;
