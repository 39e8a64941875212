import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useMemo } from "react";
import { listMembers } from "../../db/queries/workspaces";
import { ConnectionBadge } from "../components/plan/connection-badge";
import { OpeningPlan, PlanHeader, PlanLayout } from "../components/plan/plan-layout";
import { SectionIndex } from "../components/plan/section-index";
import { WorkspaceMembers, type WorkspaceMember } from "../components/plan/workspace-members";
import { StatusBadge } from "../components/status-badge";
import { ROLE_LABELS, type Role } from "../domain/membership";
import { isPlanLocked, type PlanStatus } from "../domain/plan-status";
import { can } from "../domain/policy";
import type { EditorMember } from "../editor/plan-editor-context";
import { PlanEditorProvider } from "../editor/plan-editor-provider";
import { PAGE_SECTIONS, sectionAnchor } from "../editor/plan-sections";
import { PlanWorkspace } from "../editor/plan-workspace";
import { PlanSignoff } from "../editor/signoff/plan-signoff";
import { tablesLinks } from "../editor/tables/plan-tables";
import commentsStylesheet from "../styles/comments.css?url";
import editorStylesheet from "../styles/editor.css?url";
import signoffStylesheet from "../styles/signoff.css?url";
import { requirePlanPage } from "../utils/plan-page.server";
import { signoffView } from "./plan-signoff.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: editorStylesheet },
  ...tablesLinks,
  { rel: "stylesheet", href: commentsStylesheet },
  { rel: "stylesheet", href: signoffStylesheet },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Accord` : "Plan · Accord" },
];

/** Why someone cannot change the plan, for the banner; null when they can. */
function readOnlyReasonOf(role: Role, plan: { status: PlanStatus; frozen: boolean }): string | null {
  if (plan.status === "approved") return "This plan is approved and locked.";
  if (isPlanLocked(plan)) return "Editing is frozen while the plan is in review.";
  if (can({ role }, "plan.edit")) return null;
  const article = role === "owner" || role === "editor" ? "an" : "a";
  const what = ROLE_LABELS[role].toLowerCase();
  return role === "commenter"
    ? `You are ${article} ${what} in this workspace: you can read the plan and comment, but not change it.`
    : `You are ${article} ${what} in this workspace: you can read the plan but not change it.`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { member, plan, liveSeq } = await requirePlanPage(request, context, params.planId);
  const [members, signoff] = await Promise.all([
    listMembers(context.sql, plan.workspaceId),
    signoffView(context, plan, member.user.id),
  ]);
  const mine = members.find((m) => m.userId === member.user.id);
  // The UI's answer only: the collaboration server decides read or write on its own, per connection.
  const canEdit = can({ role: plan.role }, "plan.edit") && !isPlanLocked(plan);
  return {
    liveSeq,
    plan: {
      id: plan.id,
      title: plan.title,
      period: plan.period,
      status: plan.status,
      currency: plan.currency,
    },
    role: plan.role,
    canCreatePlan: can({ role: plan.role }, "plan.create"),
    canEdit,
    readOnlyReason: canEdit ? null : readOnlyReasonOf(plan.role, plan),
    signoff,
    me: {
      userId: member.user.id,
      name: member.user.name,
      team: mine?.team ?? member.membership.team,
    } satisfies EditorMember,
    members: members.map((m) => ({ userId: m.userId, name: m.name, team: m.team }) satisfies EditorMember),
    people: members.map(
      (m) =>
        ({
          userId: m.userId,
          name: m.name,
          team: m.team,
          role: m.role,
          canSignOff: m.canSignOff,
        }) satisfies WorkspaceMember,
    ),
  };
}

export default function PlanPage() {
  const { plan, role, canEdit, canCreatePlan, readOnlyReason, me, members, people, signoff, liveSeq } =
    useLoaderData<typeof loader>();
  const aside = <WorkspaceMembers members={people} />;
  const lead = <PlanSignoff planId={plan.id} meId={me.userId} data={signoff} liveSeq={liveSeq} />;
  const revalidator = useRevalidator();
  const details = (
    <>
      <StatusBadge status={plan.status} />
      <span className="muted">
        You are {role === "owner" || role === "editor" ? "an" : "a"} {ROLE_LABELS[role].toLowerCase()} here.
      </span>
      {canCreatePlan ? (
        <Link className="button secondary small" to={`/plans/new?copyFrom=${plan.id}`}>
          Start next quarter from this plan
        </Link>
      ) : null}
    </>
  );
  const fallback = useMemo(
    () => ({ title: plan.title, period: plan.period, currency: plan.currency }),
    [plan.title, plan.period, plan.currency],
  );
  return (
    <PlanEditorProvider
      key={plan.id}
      planId={plan.id}
      canEdit={canEdit}
      readOnlyReason={readOnlyReason}
      role={role}
      me={me}
      members={members}
      currency={plan.currency}
      onAccessChanged={() => revalidator.revalidate()}
      fallback={(phase) => (
        <PlanLayout
          header={
            <PlanHeader
              eyebrow={
                <>
                  <Link to="/plans">Plans</Link> · {plan.period} · {plan.currency}
                </>
              }
              title={<h1>{plan.title}</h1>}
              details={details}
            />
          }
          bar={<ConnectionBadge tone="waiting" text="Opening the plan…" />}
          index={
            <>
              <SectionIndex
                entries={PAGE_SECTIONS.map((s) => ({
                  anchor: sectionAnchor(s.name),
                  label: s.label,
                  visitors: [],
                }))}
              />
              {aside}
            </>
          }
        >
          {lead}
          <OpeningPlan unreachable={phase === "unreachable"} />
        </PlanLayout>
      )}
    >
      <PlanWorkspace fallback={fallback} details={details} aside={aside} lead={lead} />
    </PlanEditorProvider>
  );
}
