import type { LinksFunction } from "@remix-run/node";
import { useMemo } from "react";
import { TABLE_SECTIONS, type TableSection } from "../../domain/plan";
import { FunnelTable } from "../../components/plan-table/funnel-table";
import tablesStylesheet from "../../styles/plan-table.css?url";
import { usePlanEditor } from "../plan-editor-context";
import { BoundTable } from "./bound-table";
import { funnelView } from "./funnel-view";
import { TABLE_SPECS } from "./table-specs";
import { useTableRows } from "./use-table";

/**
 * The plan's four tables (DESIGN.md section 2): target markets, revenue
 * goals with the reverse funnel, campaigns and the glossary, each bound to
 * its Y.Array. Only valid inside <PlanEditorProvider>.
 *
 * The page route adds the stylesheet: `export const links = () => [...tablesLinks]`.
 */
export const tablesLinks = [
  { rel: "stylesheet", href: tablesStylesheet },
] satisfies ReturnType<LinksFunction>;

/** All tables, or those of `sections` in that order (so the glossary can follow the journey). */
export function PlanTables({ sections = TABLE_SECTIONS }: { sections?: readonly TableSection[] }) {
  return (
    <>
      {sections.map((section) => {
        const Table = TABLES[section];
        return <Table key={section} />;
      })}
    </>
  );
}

export function TargetMarketsTable() {
  return <BoundTable spec={TABLE_SPECS.targetMarkets} />;
}

export function RevenueGoalsTable() {
  return <BoundTable spec={TABLE_SPECS.revenueGoals} footer={<RevenueFunnel />} />;
}

export function CampaignsTable() {
  return <BoundTable spec={TABLE_SPECS.campaigns} />;
}

export function GlossaryTable() {
  return <BoundTable spec={TABLE_SPECS.glossary} />;
}

const TABLES: Record<TableSection, () => JSX.Element> = {
  targetMarkets: TargetMarketsTable,
  revenueGoals: RevenueGoalsTable,
  campaigns: CampaignsTable,
  glossary: GlossaryTable,
};

/**
 * The reverse funnel under the revenue goals: recomputed from the three
 * tables it reads whenever one of them changes, never stored.
 */
export function RevenueFunnel() {
  const { currency } = usePlanEditor();
  const targetMarkets = useTableRows("targetMarkets");
  const revenueGoals = useTableRows("revenueGoals");
  const campaigns = useTableRows("campaigns");
  const view = useMemo(
    () => funnelView({ targetMarkets, revenueGoals, campaigns }, currency),
    [targetMarkets, revenueGoals, campaigns, currency],
  );
  return <FunnelTable headingId="section-revenueGoals-funnel" {...view} />;
}
