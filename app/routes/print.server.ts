import { z } from "zod";
import type { Team } from "../domain/membership";
import type { PlanContent } from "../domain/plan";
import type { PlanStatus } from "../domain/plan-status";
import type { AccordContext } from "../utils/context.server";
import { exportFacts } from "../utils/export.server";
import type { PlanForMember } from "../utils/plans.server";

/** `?version=` of the print view: a version of the plan; anything else is the export's 404. */
const PrintQuerySchema = z.object({ version: z.string().optional() });

export interface PrintView {
  plan: { id: string; title: string; status: PlanStatus };
  content: PlanContent;
  hash: string;
  version: { id: string; number: number; name: string; createdAt: string } | null;
  signers: { id: string; name: string; team: Team }[];
  signatures: {
    signer: { name: string; team: Team };
    decision: "approve" | "request_changes";
    note: string;
    createdAt: string;
  }[];
  people: Record<string, string>;
}

/**
 * The print view's document: exactly what the Markdown export of the same
 * plan or version holds (exportFacts), so paper and file always agree.
 */
export async function printView(context: AccordContext, plan: PlanForMember, url: URL): Promise<PrintView> {
  const query = PrintQuerySchema.parse(Object.fromEntries(url.searchParams));
  const { input, version } = await exportFacts(context, plan, query.version ?? null);
  return {
    plan: { id: plan.id, title: plan.title, status: input.status },
    content: input.content,
    hash: input.hash,
    version: version
      ? { id: version.id, number: version.number, name: version.name, createdAt: version.createdAt }
      : null,
    signers: input.signers.map((s) => ({ id: s.id, name: s.name, team: s.team })),
    signatures: input.signatures.map((s) => ({
      signer: { name: s.signer.name, team: s.signer.team },
      decision: s.decision,
      note: s.note,
      createdAt: s.createdAt,
    })),
    people: Object.fromEntries(input.members.map((m) => [m.userId, m.name])),
  };
}
