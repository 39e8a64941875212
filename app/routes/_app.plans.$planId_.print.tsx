import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintDocument } from "../components/print/print-document";
import planTableStylesheet from "../styles/plan-table.css?url";
import planDocumentStylesheet from "../styles/plan-document.css?url";
import printStylesheet from "../styles/print.css?url";
import { requirePlanPage } from "../utils/plan-page.server";
import { printView } from "./print.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: planTableStylesheet },
  { rel: "stylesheet", href: planDocumentStylesheet },
  { rel: "stylesheet", href: printStylesheet },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.plan.title}${data.version ? ` v${data.version.number}` : ""} · Print · Accord`
      : "Print · Accord",
  },
];

/** GET /plans/:planId/print[?version=]: the plan or a version, ready for the browser's print (or "Save as PDF"). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlanPage(request, context, params.planId);
  return printView(context, plan, new URL(request.url));
}

export default function PrintPage() {
  const view = useLoaderData<typeof loader>();
  const back = view.version ? `/plans/${view.plan.id}/versions/${view.version.id}` : `/plans/${view.plan.id}`;
  return (
    <div className="print-page">
      <div className="print-toolbar" role="toolbar" aria-label="Print">
        <Link to={back}>{view.version ? `Back to version ${view.version.number}` : "Back to the plan"}</Link>
        <p className="muted print-tip">Choose “Save as PDF” in the print dialog for a PDF.</p>
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <PrintDocument
        content={view.content}
        status={view.plan.status}
        hash={view.hash}
        version={view.version}
        signers={view.signers}
        signatures={view.signatures}
        people={view.people}
      />
    </div>
  );
}
