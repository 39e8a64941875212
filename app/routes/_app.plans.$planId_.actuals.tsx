import { PlanSubpageHeader } from "../components/plan/plan-subpage-header";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ActualsGrid } from "../components/actuals/actuals-grid";
import { CsvImport } from "../components/actuals/csv-import";
import { gridRows, type GridKind } from "../components/actuals/grid-model";
import { SaveBar } from "../components/actuals/save-bar";
import { periodMonths } from "../domain/actuals";
import { can } from "../domain/policy";
import actualsStylesheet from "../styles/actuals.css?url";
import { actualsOf, refsOf } from "../utils/actuals.server";
import { currentContent } from "../utils/plans.server";
import { ConfirmDialog } from "../components/plan/confirm-dialog";
import { requirePlanPage } from "../utils/plan-page.server";
import { useActualsDrafts } from "../utils/use-actuals-drafts";
import { useCsvImport } from "../utils/use-csv-import";
import { usePlanRefresh } from "../utils/use-plan-refresh";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actualsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Actuals · ${data.plan.title} · Accord` : "Actuals · Accord" },
];

/**
 * GET /plans/:planId/actuals: what really happened per target market and
 * month and per campaign and month, for every member to read and for owners
 * and editors to enter in the grids or import from CSV. Markets, campaigns
 * and the period come from the plan as editors see it now. Follows the
 * plan live: a row saved elsewhere shows at once, and a row sent from here
 * carries the newest numbers in every cell not typed into here.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { plan, liveSeq } = await requirePlanPage(request, context, params.planId);
  const [content, actuals] = await Promise.all([
    currentContent(context, plan.id),
    actualsOf(context, plan.id),
  ]);
  const refs = refsOf(content);
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      status: plan.status,
      currency: content.meta.currency ?? plan.currency,
    },
    canEnter: can({ role: plan.role }, "plan.edit"),
    refs,
    months: periodMonths(refs.period),
    actuals,
    liveSeq,
  };
}

export default function PlanActualsPage() {
  const { plan, canEnter, refs, months, actuals, liveSeq } = useLoaderData<typeof loader>();
  // Actuals saved or imported by someone else show as they commit; cells typed here stay as typed.
  usePlanRefresh({ seq: liveSeq, actuals: true, signoff: true });
  const rows = useMemo(
    () => ({ rows: gridRows(refs.markets, months), spend: gridRows(refs.campaigns, months) }),
    [refs, months],
  );
  const drafts = useActualsDrafts(plan.id, actuals, rows);
  const csv = useCsvImport(plan.id, refs);
  const base = `/plans/${plan.id}`;

  const grid = (kind: GridKind, caption: string, refHeading: string) => (
    <ActualsGrid
      kind={kind}
      caption={caption}
      refHeading={refHeading}
      rows={rows[kind]}
      currency={plan.currency}
      readOnly={!canEnter}
      stored={drafts.stored[kind]}
      typed={drafts.typed[kind]}
      checks={drafts.checks[kind]}
      server={drafts.server[kind]}
      onCell={drafts.setCell}
      onRevert={drafts.revertCell}
    />
  );

  return (
    <>
      <PlanSubpageHeader
        plan={plan}
        title="Actuals"
        links={[
          { to: base, label: "Back to the plan" },
          { to: `${base}/dashboard`, label: "Dashboard" },
        ]}
      >
        What really happened in {refs.period}, month by month: the dashboard compares it with the plan.
      </PlanSubpageHeader>

      {canEnter ? (
        <p className="hint actuals-rule">
          Enter any month of the period. A month is saved once all of its cells are filled (enter 0 for none);
          cells never entered stay empty. Enter and the arrow keys move up and down a column.
        </p>
      ) : (
        <p className="alert info">You can read the actuals here; owners and editors enter them.</p>
      )}

      <section className="card actuals-section" aria-labelledby="actuals-markets-title">
        <h2 id="actuals-markets-title">Target markets</h2>
        {rows.rows.length > 0 ? (
          grid("rows", `Actuals per target market and month, ${refs.period}`, "Target market")
        ) : (
          <EmptyGrid what="target markets" planHref={base} />
        )}
      </section>

      <section className="card actuals-section" aria-labelledby="actuals-spend-title">
        <h2 id="actuals-spend-title">Campaign spend</h2>
        {rows.spend.length > 0 ? (
          grid("spend", `Spend and MQLs per campaign and month, ${refs.period}`, "Campaign")
        ) : (
          <EmptyGrid what="campaigns" planHref={base} />
        )}
      </section>

      {canEnter && rows.rows.length + rows.spend.length > 0 ? (
        <SaveBar
          unsaved={drafts.unsaved}
          saving={drafts.saving}
          status={drafts.status}
          onSave={() => void drafts.save()}
          onDiscard={drafts.discard}
        />
      ) : null}

      {canEnter ? (
        <CsvImport
          templates={{
            actuals: `/api/plans/${plan.id}/actuals.csv?kind=actuals`,
            spend: `/api/plans/${plan.id}/actuals.csv?kind=spend`,
          }}
          state={csv.state}
          notice={csv.notice}
          onFile={(file) => void csv.chooseFile(file)}
          onImport={() => void csv.startImport()}
          onReset={csv.reset}
        />
      ) : null}
      <ConfirmDialog
        open={drafts.leaving.state === "blocked"}
        title="Leave with unsaved rows?"
        confirmLabel="Leave without saving"
        cancelLabel="Stay and save"
        onConfirm={() => drafts.leaving.proceed?.()}
        onCancel={() => drafts.leaving.reset?.()}
      >
        <p>
          {drafts.unsaved} {drafts.unsaved === 1 ? "row is" : "rows are"} not saved yet. If you leave, what
          you typed is lost.
        </p>
      </ConfirmDialog>
    </>
  );
}

function EmptyGrid({ what, planHref }: { what: string; planHref: string }) {
  return (
    <p className="muted actuals-empty">
      This plan has no {what} yet. Add them in <Link to={planHref}>the plan</Link>, then enter their months
      here.
    </p>
  );
}
