import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { findPlanForMember } from "../../db/queries/plans";
import { listMembers } from "../../db/queries/workspaces";
import { Person } from "../components/person";
import { StatusBadge } from "../components/status-badge";
import { ROLE_LABELS, TEAM_LABELS } from "../domain/membership";
import { requireMember } from "../utils/auth.server";
import { notFound } from "../utils/http.server";
import { switchSessionWorkspace } from "../utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Accord` : "Plan · Accord" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context);
  const planId = z.uuid().safeParse(params.planId);
  if (!planId.success) notFound("There is no such plan, or you do not have access to it.");
  const plan = await findPlanForMember(context.sql, planId.data, member.user.id);
  if (!plan) notFound("There is no such plan, or you do not have access to it.");
  // A link to a plan of another of the member's workspaces: switch to it, so
  // the navigation around the plan belongs to the same workspace.
  if (plan.workspaceId !== member.membership.workspaceId) {
    await switchSessionWorkspace(context, member.session.id, plan.workspaceId);
    throw redirect(new URL(request.url).pathname);
  }
  const members = await listMembers(context.sql, plan.workspaceId);
  return {
    plan: { id: plan.id, title: plan.title, period: plan.period, status: plan.status, currency: plan.currency },
    role: plan.role,
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      team: m.team,
      role: m.role,
      canSignOff: m.canSignOff,
    })),
  };
}

export default function PlanPage() {
  const { plan, members, role } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/plans">Plans</Link> · {plan.period}
          </p>
          <h1>{plan.title}</h1>
          <div className="row">
            <StatusBadge status={plan.status} />
            <span className="muted">
              You are {role === "owner" || role === "editor" ? "an" : "a"} {ROLE_LABELS[role].toLowerCase()} here.
            </span>
          </div>
        </div>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="plan-details">
          <h2 id="plan-details">Details</h2>
          <dl className="meta-list">
            <dt>Period</dt>
            <dd>{plan.period}</dd>
            <dt>Currency</dt>
            <dd>{plan.currency}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="plan-members">
          <div className="card-title">
            <h2 id="plan-members">Members</h2>
            <span className="muted">{members.length}</span>
          </div>
          <ul className="plan-list">
            {members.map((m) => (
              <li key={m.userId} className="row" style={{ justifyContent: "space-between", padding: "0.6rem 0" }}>
                <Person
                  name={m.name}
                  team={m.team}
                  detail={`${TEAM_LABELS[m.team]} · ${ROLE_LABELS[m.role]}${m.canSignOff ? " · signs off" : ""}`}
                />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
