import { findSignoffPlan, listSignatures, listSigners, type SignerRow } from "../../db/queries/signoff";
import { findVersion } from "../../db/queries/versions";
import { listMembers } from "../../db/queries/workspaces";
import type { PlanContent } from "../domain/plan";
import { planToMarkdown, type MarkdownExport } from "../domain/plan/markdown";
import type { VersionJson } from "../domain/signoff";
import type { AccordContext } from "./context.server";
import { notFound } from "./http.server";
import type { PlanForMember } from "./plans.server";
import { requireVersion } from "./versions.server";

/**
 * The Markdown export (DESIGN.md section 6) of a plan or one of its
 * versions, with its signers, the signatures on exactly that content and
 * its content hash. Without a version, an approved plan exports the version
 * its signers approved (what was signed is what is shown); any other plan
 * exports its content as editors see it now.
 */
export async function exportMarkdown(
  context: AccordContext,
  plan: PlanForMember,
  versionId: string | null,
): Promise<{ filename: string; markdown: string }> {
  const { input, version } = await exportFacts(context, plan, versionId);
  const { members, ...facts } = input;
  const markdown = planToMarkdown({
    ...facts,
    people: Object.fromEntries(members.map((m) => [m.userId, m.name])),
  });
  const suffix = versionId !== null && version ? `-v${version.number}` : "";
  return {
    filename: `${fileSafe(input.content.meta.period || plan.period)}-${slug(plan.title)}${suffix}.md`,
    markdown,
  };
}

/** What an export of the plan (or one version) shows; the Markdown file and the print view read the same. */
export interface ExportFacts {
  input: Omit<MarkdownExport, "people" | "signers"> & {
    signers: SignerRow[];
    members: Awaited<ReturnType<typeof listMembers>>;
  };
  /** The version exported, or undefined for the content as editors see it now. */
  version: VersionJson | undefined;
}

/**
 * The content an export shows and its sign-off facts: the version asked
 * for; without one, the approved version of an approved plan, or else the
 * content now; the required signers and the signatures on exactly that
 * content, oldest first.
 */
export async function exportFacts(
  context: AccordContext,
  plan: PlanForMember,
  versionId: string | null,
): Promise<ExportFacts> {
  const row = await findSignoffPlan(context.sql, plan.id);
  if (!row) notFound();
  let version: VersionJson | undefined;
  if (versionId !== null) version = await requireVersion(context, plan, versionId);
  else if (row.status === "approved" && row.approvedVersionId) {
    version = await findVersion(context.sql, plan.id, row.approvedVersionId);
  }
  let content: PlanContent;
  let hash: string;
  if (version) {
    ({ content, hash } = version);
  } else {
    const current = await context.documents.current(plan.id);
    current.doc.destroy();
    ({ content, hash } = current);
  }
  const [signers, signatures, members] = await Promise.all([
    listSigners(context.sql, plan.id),
    listSignatures(context.sql, plan.id, { hash }),
    listMembers(context.sql, plan.workspaceId),
  ]);
  return {
    version,
    input: {
      content,
      status: row.status,
      hash,
      version: version ? { number: version.number, name: version.name, createdAt: version.createdAt } : null,
      signers,
      // Oldest first: the order in which the plan was signed.
      signatures: [...signatures].reverse(),
      members,
    },
  };
}

/** A title as a file name part: ASCII letters and digits joined by dashes. */
function slug(title: string): string {
  const text = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return text || "plan";
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, "") || "plan";
}
