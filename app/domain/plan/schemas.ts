import { z } from "zod";
import { CURRENCIES, PeriodSchema } from "../forms";
import {
  CAMPAIGN_COLUMNS,
  CAMPAIGN_STATUSES,
  CHANNELS,
  GLOSSARY_COLUMNS,
  LEAD_DEFINITION_COLUMNS,
  META_COLUMNS,
  PRIORITIES,
  REVENUE_GOAL_COLUMNS,
  TARGET_MARKET_COLUMNS,
  type CellSection,
  type ColumnSpec,
} from "./columns";
import { isPlanRichDoc, type RichDoc, type RichNode } from "./rich-text";

/**
 * The zod schemas of a plan: one per cell, per row type and for the whole
 * content. The UI validates a cell as it is typed with `cellSchema`; the
 * server validates the projection with `PlanContentSchema` before a version
 * is stored or signed.
 *
 * Types are those of the projection: an empty cell is `null` (numbers, enums,
 * references, dates) or `""` (text). Whether empty is acceptable is the
 * schema's call, with a human message ("Enter a revenue target."), so a plan
 * being filled in is representable and its gaps can be listed.
 */

const ENTER_NUMBER = "Enter a number.";
/** Rates are stored as fractions 0..1 but typed and shown as percentages. */
export const RATE_MESSAGE = "Use a percentage between 0 and 100.";
const MAX_MONEY = 1e15;

const required =
  <T>(spec: ColumnSpec) =>
  (value: T | null) =>
    !spec.required || value !== null;

function textCell(spec: ColumnSpec) {
  const max = spec.maxLength ?? 200;
  return z
    .string({ error: `Enter ${spec.label.toLowerCase()} as text.` })
    .max(max, `Keep it under ${max + 1} characters.`)
    .refine((s) => !spec.required || s.trim() !== "", spec.required ?? "");
}

function enumCell<const T extends readonly [string, ...string[]]>(options: T, spec: ColumnSpec) {
  const message = spec.required ?? `Choose a ${spec.label.toLowerCase()}.`;
  return z.enum(options, { error: message }).nullable().refine(required(spec), message);
}

function moneyCell(spec: ColumnSpec) {
  const floor = spec.positive
    ? z.number({ error: ENTER_NUMBER }).gt(0, "Enter an amount above 0.")
    : z.number({ error: ENTER_NUMBER }).min(0, "Enter an amount of 0 or more.");
  return floor
    .max(MAX_MONEY, "That amount is too large.")
    .nullable()
    .refine(required(spec), spec.required ?? "");
}

const rateCell = () => z.number({ error: ENTER_NUMBER }).min(0, RATE_MESSAGE).max(1, RATE_MESSAGE).nullable();

const countCell = () =>
  z
    .number({ error: ENTER_NUMBER })
    .int("Enter a whole number.")
    .min(0, "Enter 0 or more.")
    .max(1e9, "That number is too large.")
    .nullable();

const hoursCell = () =>
  z
    .number({ error: ENTER_NUMBER })
    .gt(0, "Enter a number of hours above 0.")
    .max(8760, "Keep it within a year (8,760 hours).")
    .nullable();

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written as `YYYY-MM-DD` (no 2027-02-30). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const dateCell = () =>
  z
    .string({ error: "Use a date like 2027-01-31." })
    .regex(ISO_DATE, "Use a date like 2027-01-31.")
    .refine(isIsoDate, "That date does not exist.")
    .nullable();

const idCell = () => z.uuid({ error: "Every row needs a valid id." });
const refCell = (spec: ColumnSpec) =>
  z.uuid({ error: `Choose the ${spec.label.toLowerCase()} from the list.` }).nullable();

export const RichNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(RichNodeSchema).optional(),
    marks: z
      .array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    text: z.string().optional(),
  }),
);

/** A rich-text section: ProseMirror JSON that `planSchema` accepts, with safe links only. */
export const RichDocSchema: z.ZodType<RichDoc> = z
  .object({ type: z.literal("doc"), content: z.array(RichNodeSchema) })
  .refine(isPlanRichDoc, "This text holds content the editor cannot show.");

const T = TARGET_MARKET_COLUMNS;
export const TargetMarketRowSchema = z.object({
  id: idCell(),
  segment: textCell(T.segment),
  icp: textCell(T.icp),
  region: textCell(T.region),
  companySize: textCell(T.companySize),
  priority: enumCell(PRIORITIES, T.priority),
  ownerId: refCell(T.ownerId),
});

const R = REVENUE_GOAL_COLUMNS;
export const RevenueGoalRowSchema = z.object({
  id: idCell(),
  targetMarketId: refCell(R.targetMarketId),
  period: textCell(R.period),
  revenueTarget: moneyCell(R.revenueTarget),
  pipelineTarget: moneyCell(R.pipelineTarget),
  avgDealSize: moneyCell(R.avgDealSize),
  winRate: rateCell(),
  mqlToSqlRate: rateCell(),
  marketingSourcedShare: rateCell(),
});

const C = CAMPAIGN_COLUMNS;
export const END_BEFORE_START = "The end date is before the start date.";
export const CampaignRowSchema = z
  .object({
    id: idCell(),
    name: textCell(C.name),
    channel: enumCell(CHANNELS, C.channel),
    targetMarketId: refCell(C.targetMarketId),
    start: dateCell(),
    end: dateCell(),
    budget: moneyCell(C.budget),
    expectedMqls: countCell(),
    ownerId: refCell(C.ownerId),
    status: enumCell(CAMPAIGN_STATUSES, C.status),
  })
  .refine((row) => row.start === null || row.end === null || row.end >= row.start, {
    message: END_BEFORE_START,
    path: ["end"],
    // Compare only two valid dates; a broken one already has its own message.
    when: (payload) =>
      payload.issues.every((issue) => issue.path?.[0] !== "start" && issue.path?.[0] !== "end"),
  });

const G = GLOSSARY_COLUMNS;
export const GlossaryRowSchema = z.object({
  id: idCell(),
  term: textCell(G.term),
  salesMeaning: textCell(G.salesMeaning),
  marketingMeaning: textCell(G.marketingMeaning),
  agreedDefinition: textCell(G.agreedDefinition),
});

const L = LEAD_DEFINITION_COLUMNS;
export const HandoffFieldsSchema = z
  .array(
    z
      .string({ error: "Enter a field name." })
      .trim()
      .min(1, "Enter a field name.")
      .max(L.handoffFields.maxLength, `Keep each field under ${L.handoffFields.maxLength + 1} characters.`),
  )
  .max(40, "Keep it to 40 fields or fewer.");

export const LeadDefinitionsSchema = z.object({
  mqlCriteria: RichDocSchema,
  sqlCriteria: RichDocSchema,
  handoffFields: HandoffFieldsSchema,
  slaHours: hoursCell(),
});

const M = META_COLUMNS;
export const MetaSchema = z.object({
  title: textCell(M.title),
  period: PeriodSchema,
  currency: enumCell(CURRENCIES, M.currency),
});

/** Everything stored in a plan document, as the projection shows it (no derived figures). */
export const PlanContentSchema = z.object({
  meta: MetaSchema,
  strategy: RichDocSchema,
  targetMarkets: z.array(TargetMarketRowSchema),
  revenueGoals: z.array(RevenueGoalRowSchema),
  campaigns: z.array(CampaignRowSchema),
  leadDefinitions: LeadDefinitionsSchema,
  journey: RichDocSchema,
  glossary: z.array(GlossaryRowSchema),
});

export type PlanMeta = z.infer<typeof MetaSchema>;
export type TargetMarketRow = z.infer<typeof TargetMarketRowSchema>;
export type RevenueGoalRow = z.infer<typeof RevenueGoalRowSchema>;
export type CampaignRow = z.infer<typeof CampaignRowSchema>;
export type GlossaryRow = z.infer<typeof GlossaryRowSchema>;
export type LeadDefinitions = z.infer<typeof LeadDefinitionsSchema>;
/** The stored sections of a plan; `PlanContent` (project.ts) adds the derived figures. */
export type PlanSections = z.infer<typeof PlanContentSchema>;

const CELL_SCHEMAS = {
  meta: MetaSchema.shape,
  targetMarkets: TargetMarketRowSchema.shape,
  revenueGoals: RevenueGoalRowSchema.shape,
  campaigns: CampaignRowSchema.shape,
  glossary: GlossaryRowSchema.shape,
  leadDefinitions: { handoffFields: HandoffFieldsSchema, slaHours: LeadDefinitionsSchema.shape.slaHours },
} as const satisfies Record<CellSection, Record<string, z.ZodType>>;

type CellSchemas = typeof CELL_SCHEMAS;
export type CellKeyOf<S extends CellSection> = keyof CellSchemas[S] & string;
/** The stored value of one cell: a number, string, enum value, id, list or null. */
export type CellValue<S extends CellSection, K extends CellKeyOf<S>> = z.infer<CellSchemas[S][K] & z.ZodType>;

/**
 * The zod schema of one cell, for validating a value the UI is about to
 * write (parseCell in cells.ts parses typed text first, then uses this).
 * Row-level rules (end before start) live on the row schemas.
 */
export function cellSchema<S extends CellSection, K extends CellKeyOf<S>>(
  section: S,
  key: K,
): CellSchemas[S][K] & z.ZodType<CellValue<S, K>> {
  const schemas: CellSchemas[S] = CELL_SCHEMAS[section];
  return schemas[key] as CellSchemas[S][K] & z.ZodType<CellValue<S, K>>;
}

const UuidSchema = z.uuid();

/** True for an id the schemas accept; the projection drops rows without one. */
export function isUuid(value: unknown): value is string {
  return UuidSchema.safeParse(value).success;
}
