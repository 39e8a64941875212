import { PlanSubpageHeader } from "../components/plan/plan-subpage-header";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { CompareBar } from "../components/versions/version-compare";
import { SaveVersionForm } from "../components/versions/save-version-form";
import { VersionList } from "../components/versions/version-list";
import { VersionCreateSchema } from "../domain/signoff";
import versionsStylesheet from "../styles/versions.css?url";
import { requirePlanPage } from "../utils/plan-page.server";
import { signoffApi, signoffErrorText } from "../utils/signoff-api";
import { usePlanRefresh } from "../utils/use-plan-refresh";
import { versionsPage } from "./versions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: versionsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Versions · ${data.plan.title} · Accord` : "Versions · Accord" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { plan, liveSeq } = await requirePlanPage(request, context, params.planId);
  return { ...(await versionsPage(context, plan)), liveSeq };
}

/** A plan's versions: the list (live), saving a named one, and picking two to compare. */
export default function VersionsPage() {
  const { plan, versions, underReviewId, approvedId, maySave, liveSeq } = useLoaderData<typeof loader>();
  const { revalidate } = useRevalidator();
  usePlanRefresh({ seq: liveSeq, signoff: true });
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2),
    );
  const save = async (name: string): Promise<boolean> => {
    const input = VersionCreateSchema.safeParse({ name });
    setSaved(null);
    if (!input.success) {
      setError(input.error.issues[0]?.message ?? "Name the version.");
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      const { version } = await signoffApi.saveVersion(plan.id, input.data.name);
      setSaved(`Saved as version ${version.number}, “${version.name}”.`);
      revalidate();
      return true;
    } catch (failure) {
      setError(signoffErrorText(failure, "name"));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const picked = versions.filter((v) => selected.includes(v.id));

  return (
    <>
      <PlanSubpageHeader
        plan={plan}
        title="Versions"
        links={[
          { to: `/plans/${plan.id}/dashboard`, label: "Dashboard" },
          { to: `/plans/${plan.id}/audit`, label: "Audit log" },
        ]}
      >
        Kept at every submission and approval, and whenever an editor saves one. Open a version to read it,
        compare it or restore it.
      </PlanSubpageHeader>
      {maySave ? <SaveVersionForm busy={busy} error={error} saved={saved} onSave={save} /> : null}
      {versions.length > 1 ? (
        <CompareBar planId={plan.id} picked={picked} onClear={() => setSelected([])} />
      ) : null}
      <VersionList
        planId={plan.id}
        versions={versions}
        underReviewId={underReviewId}
        approvedId={approvedId}
        selected={selected}
        onToggle={toggle}
      />
    </>
  );
}
