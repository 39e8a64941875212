import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useState } from "react";
import { formatDateTime } from "../components/members/format-date-time";
import { ConfirmDialog } from "../components/plan/confirm-dialog";
import { PlanDiffView } from "../components/plan-diff/plan-diff-view";
import { DiffLegend } from "../components/plan-diff/text-diff";
import { PlanDocument } from "../components/plan-document/plan-document";
import { CompareForm } from "../components/versions/version-compare";
import { VersionKindBadge } from "../components/versions/version-list";
import { PlanSignoff } from "../editor/signoff/plan-signoff";
import editorStylesheet from "../styles/editor.css?url";
import planDocumentStylesheet from "../styles/plan-document.css?url";
import versionsStylesheet from "../styles/versions.css?url";
import planTableStylesheet from "../styles/plan-table.css?url";
import signoffStylesheet from "../styles/signoff.css?url";
import { requirePlanPage } from "../utils/plan-page.server";
import { signoffApi, signoffErrorText } from "../utils/signoff-api";
import { usePlanRefresh } from "../utils/use-plan-refresh";
import { versionPage } from "./versions.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: editorStylesheet },
  { rel: "stylesheet", href: planTableStylesheet },
  { rel: "stylesheet", href: planDocumentStylesheet },
  { rel: "stylesheet", href: versionsStylesheet },
  { rel: "stylesheet", href: signoffStylesheet },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Version ${data.version.number} · ${data.plan.title} · Accord` : "Version · Accord" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { member, plan, liveSeq } = await requirePlanPage(request, context, params.planId);
  return {
    ...(await versionPage(context, plan, member.user.id, params.versionId, new URL(request.url))),
    liveSeq,
  };
}

/**
 * One version, read-only: its content, optionally the changes from or to
 * another version or the current plan, the sign-off card when it is the
 * version in review (a signer reviews and signs here), and, for editors,
 * restoring it as a new change on top of the plan.
 */
export default function VersionPage() {
  const data = useLoaderData<typeof loader>();
  const { plan, version, comparison, review, people } = data;
  const navigate = useNavigate();
  usePlanRefresh({ seq: data.liveSeq, signoff: true });
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const base = `/plans/${plan.id}`;

  const restore = async () => {
    setConfirming(false);
    setRestoring(true);
    setMessage(null);
    try {
      const result = await signoffApi.restore(plan.id, version.id);
      if (result.restored) navigate(base);
      else setMessage({ tone: "info", text: "The plan already has exactly this content: nothing changed." });
    } catch (failure) {
      setMessage({ tone: "error", text: signoffErrorText(failure) });
    } finally {
      setRestoring(false);
    }
  };

  return (
    <>
      <div className="page-header version-header">
        <div>
          <p className="eyebrow">
            <Link to="/plans">Plans</Link> · <Link to={base}>{plan.title}</Link> ·{" "}
            <Link to={`${base}/versions`}>Versions</Link>
          </p>
          <h1>
            Version {version.number}: {version.name}
          </h1>
          <p className="version-facts">
            <VersionKindBadge kind={version.kind} />
            <span>
              {version.createdBy?.name ?? "A former member"} · {formatDateTime(version.createdAt)}
            </span>
            <span>
              content hash <code className="hash-chip full-hash">{version.hash}</code>
            </span>
          </p>
        </div>
      </div>

      <div className="version-toolbar">
        <CompareForm
          current={
            comparison
              ? comparison.to.id === null
                ? "current"
                : (otherSide(comparison, version.id) ?? "")
              : ""
          }
          others={data.others}
        />
        <div className="row">
          <a
            className="button secondary small"
            href={`/api/plans/${plan.id}/export.md?version=${version.id}`}
            download
          >
            Export Markdown
          </a>
          <Link className="button secondary small" to={`${base}/print?version=${version.id}`}>
            Print
          </Link>
          {data.mayRestore ? (
            <button
              type="button"
              className="button secondary small"
              disabled={data.locked || restoring}
              onClick={() => setConfirming(true)}
            >
              {restoring ? "Restoring…" : "Restore this version"}
            </button>
          ) : null}
        </div>
      </div>
      {data.mayRestore && data.locked ? (
        <p className="hint version-locked">
          The plan is locked (approved, or frozen while in review), so no version can be restored until it is
          reopened or decided.
        </p>
      ) : null}
      {message ? (
        <p className={`alert ${message.tone}`} role={message.tone === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}

      {review ? (
        <PlanSignoff
          planId={plan.id}
          meId={review.meId}
          data={review.view}
          liveSeq={data.liveSeq}
          onReviewPage
        />
      ) : null}

      {comparison ? (
        <section className="card version-changes" aria-labelledby="changes-heading">
          <h2 id="changes-heading">
            Changes from {comparison.from.label} to {comparison.to.label}
          </h2>
          <DiffLegend />
          <PlanDiffView
            diff={comparison.diff}
            names={comparison.names}
            people={people}
            from={comparison.from.label}
            to={comparison.to.label}
          />
        </section>
      ) : null}

      <section className="card version-content" aria-labelledby="content-heading">
        <h2 id="content-heading" className="version-content-title">
          Content of version {version.number}
        </h2>
        <PlanDocument content={version.content} people={people} idPrefix="version" level={3} />
      </section>

      <ConfirmDialog
        open={confirming}
        title={`Restore version ${version.number}?`}
        confirmLabel="Restore"
        cancelLabel="Keep the plan as it is"
        onConfirm={() => void restore()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The plan&apos;s content becomes this version&apos;s, as a new change that everyone editing sees
          arrive.
        </p>
        <p className="muted">
          What it replaces is kept as a version first (“Before restoring v{version.number}”), so you can go
          back the same way.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** The compared version that is not this one. */
function otherSide(
  comparison: { from: { id: string | null }; to: { id: string | null } },
  versionId: string,
): string | null {
  return comparison.from.id === versionId ? comparison.to.id : comparison.from.id;
}
