import * as Y from "yjs";
import {
  CAMPAIGN_COLUMNS,
  GLOSSARY_COLUMNS,
  LEAD_DEFINITION_COLUMNS,
  META_COLUMNS,
  REVENUE_GOAL_COLUMNS,
  TARGET_MARKET_COLUMNS,
  type ColumnSpec,
} from "./columns";
import { planFunnel, type PlanFunnel } from "./funnel";
import { RICH_TEXT, SECTION } from "./layout";
import { readRichText } from "./rich-text";
import {
  ISO_DATE,
  isUuid,
  type CampaignRow,
  type GlossaryRow,
  type LeadDefinitions,
  type PlanMeta,
  type PlanSections,
  type RevenueGoalRow,
  type TargetMarketRow,
} from "./schemas";

/**
 * The projection: the plain-JSON view of a plan document that the
 * dashboard, search, export, diff and signing read instead of the Y types.
 * One pure function shared by server and client, so both see the same plan.
 *
 * It never throws, whatever a raw Yjs peer wrote: only known keys are read;
 * a cell of the wrong type reads as empty (null, or "" for text); a row
 * without a valid UUID, or repeating an earlier row's id, is left out; rich
 * text is repaired to what the editor's schema accepts. Whether the result is
 * complete and in range is `validateProjection`'s question, not this one's.
 */

/** Figures computed from the content, never stored in the document. */
export interface PlanDerived {
  funnel: PlanFunnel;
}

/** A plan as plain JSON: the stored sections plus the derived figures. */
export type PlanContent = PlanSections & { derived: PlanDerived };

export function projectPlan(doc: Y.Doc): PlanContent {
  const sections = projectSections(doc);
  return { ...sections, derived: deriveFigures(sections) };
}

/** The stored sections only: what copies, restores and the template write back. */
export function projectSections(doc: Y.Doc): PlanSections {
  const leadDefinitions = read(() => doc.getMap<unknown>(SECTION.leadDefinitions));
  return {
    meta: readMeta(read(() => doc.getMap<unknown>(SECTION.meta))),
    strategy: readRichText(read(() => doc.getXmlFragment(RICH_TEXT.strategy.section))),
    targetMarkets: readRows<TargetMarketRow>(
      read(() => doc.getArray(SECTION.targetMarkets)),
      TARGET_MARKET_COLUMNS,
    ),
    revenueGoals: readRows<RevenueGoalRow>(
      read(() => doc.getArray(SECTION.revenueGoals)),
      REVENUE_GOAL_COLUMNS,
    ),
    campaigns: readRows<CampaignRow>(
      read(() => doc.getArray(SECTION.campaigns)),
      CAMPAIGN_COLUMNS,
    ),
    leadDefinitions: readLeadDefinitions(leadDefinitions),
    journey: readRichText(read(() => doc.getXmlFragment(RICH_TEXT.journey.section))),
    glossary: readRows<GlossaryRow>(
      read(() => doc.getArray(SECTION.glossary)),
      GLOSSARY_COLUMNS,
    ),
  };
}

/** The derived figures of some sections; the editor may call it on its own rows for a live funnel. */
export function deriveFigures(
  sections: Pick<PlanSections, "targetMarkets" | "revenueGoals" | "campaigns">,
): PlanDerived {
  return { funnel: planFunnel(sections.targetMarkets, sections.revenueGoals, sections.campaigns) };
}

/**
 * Reads one top-level type. Yjs throws when this doc already defined the
 * name with another type; the projection then shows the section as empty.
 */
function read<T>(get: () => T): T | null {
  try {
    return get();
  } catch {
    return null;
  }
}

function readMeta(map: Y.Map<unknown> | null): PlanMeta {
  return {
    title: readCell(META_COLUMNS.title, map?.get("title")) as string,
    period: readCell(META_COLUMNS.period, map?.get("period")) as string,
    currency: readCell(META_COLUMNS.currency, map?.get("currency")) as PlanMeta["currency"],
  };
}

function readLeadDefinitions(map: Y.Map<unknown> | null): LeadDefinitions {
  const fragment = (key: string) => {
    const value = map?.get(key);
    return value instanceof Y.XmlFragment ? value : null;
  };
  return {
    mqlCriteria: readRichText(fragment(RICH_TEXT.mqlCriteria.key)),
    sqlCriteria: readRichText(fragment(RICH_TEXT.sqlCriteria.key)),
    handoffFields: readCell(LEAD_DEFINITION_COLUMNS.handoffFields, map?.get("handoffFields")) as string[],
    slaHours: readCell(LEAD_DEFINITION_COLUMNS.slaHours, map?.get("slaHours")) as number | null,
  };
}

/** Rows of a Y.Array<Y.Map>: the known keys of each, in array order, first of each id only. */
function readRows<Row>(array: Y.Array<unknown> | null, columns: Readonly<Record<string, ColumnSpec>>): Row[] {
  if (!(array instanceof Y.Array)) return [];
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const item of array.toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const id: unknown = item.get("id");
    if (!isUuid(id) || seen.has(id)) continue;
    seen.add(id);
    const entries = Object.entries(columns).map(([key, spec]) => [key, readCell(spec, item.get(key))]);
    rows.push(Object.fromEntries(entries) as Row);
  }
  return rows;
}

/** One stored value as its column's type, or that type's empty value. */
export function readCell(spec: ColumnSpec, value: unknown): unknown {
  switch (spec.kind) {
    case "id":
    case "ref":
      return isUuid(value) ? value : null;
    case "text":
    case "period":
      if (value instanceof Y.Text) return value.toString();
      return typeof value === "string" ? value : "";
    case "enum":
      return typeof value === "string" && spec.options?.includes(value) ? value : null;
    case "money":
    case "rate":
    case "count":
    case "hours":
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    case "date":
      return typeof value === "string" && ISO_DATE.test(value) ? value : null;
    case "list":
      return readList(value);
  }
}

function readList(value: unknown): string[] {
  const items = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : [];
  return items.filter((item): item is string => typeof item === "string");
}
