import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listPlans } from "../../db/queries/plans";
import { StatusBadge } from "../components/status-badge";
import { PLAN_STATUSES, PlanStatusSchema, STATUS_LABELS, type PlanStatus } from "../domain/plan-status";
import { can } from "../domain/policy";
import { requireMember } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Plans · Accord" }];

/** A bad `?status=` on the page shows all plans rather than an error. */
const FilterSchema = PlanStatusSchema.optional().catch(undefined);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  const status = FilterSchema.parse(new URL(request.url).searchParams.get("status") ?? undefined);
  const plans = await listPlans(context.sql, member.membership.workspaceId, { status });
  return {
    workspaceName: member.membership.workspaceName,
    canCreate: can(member.membership, "plan.create"),
    status: status ?? null,
    plans: plans.map((p) => ({ id: p.id, title: p.title, period: p.period, status: p.status })),
  };
}

/** Plans grouped by period, newest period first (the query already orders them). */
function byPeriod<T extends { period: string }>(plans: T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const plan of plans) groups.set(plan.period, [...(groups.get(plan.period) ?? []), plan]);
  return [...groups];
}

export default function Plans() {
  const { plans, canCreate, workspaceName, status } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const tabs: Array<{ value: PlanStatus | null; label: string }> = [
    { value: null, label: "All" },
    ...PLAN_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
  ];
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Plans</h1>
          <p className="muted">Each quarter's joint plan of Sales and Marketing.</p>
        </div>
        {canCreate ? (
          <Link className="button" to="/plans/new">
            New plan
          </Link>
        ) : null}
      </div>
      <nav className="tabs" aria-label="Filter plans by status">
        {tabs.map((tab) => {
          const next = new URLSearchParams(params);
          if (tab.value) next.set("status", tab.value);
          else next.delete("status");
          const qs = next.toString();
          return (
            <Link
              key={tab.label}
              to={qs ? `?${qs}` : "."}
              aria-current={status === tab.value ? "page" : undefined}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      {plans.length === 0 ? (
        <div className="card empty-state">
          <h2>{status ? `No ${STATUS_LABELS[status].toLowerCase()} plans` : "No plans yet"}</h2>
          <p>
            {status
              ? "Plans appear here when they reach this status."
              : canCreate
                ? "Start the quarter's joint plan: strategy, target markets, revenue goals, campaigns and lead definitions in one place."
                : "When an editor creates a plan, it appears here."}
          </p>
          {canCreate && !status ? (
            <Link className="button" to="/plans/new">
              Create the first plan
            </Link>
          ) : null}
        </div>
      ) : (
        <div className="card">
          {byPeriod(plans).map(([period, group]) => (
            <section className="period-group" key={period} aria-labelledby={`period-${period}`}>
              <h2 id={`period-${period}`} className="eyebrow">
                {period}
              </h2>
              <ul className="plan-list">
                {group.map((plan) => (
                  <li key={plan.id}>
                    <Link className="plan-link" to={`/plans/${plan.id}`}>
                      <span className="plan-title">{plan.title}</span>
                      <StatusBadge status={plan.status} />
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
