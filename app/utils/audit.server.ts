import { z } from "zod";
import { AUDIT_ACTIONS, listAudit } from "../../db/queries/audit";
import { findPlanForMember } from "../../db/queries/plans";
import type { Member } from "./auth.server";
import type { AuditEntryJson } from "../domain/audit";
import type { AccordContext } from "./context.server";
import { notFound } from "./http.server";

/**
 * The audit log as the API shows it (DESIGN.md section 5: every transition
 * and signature, and every change of who belongs to the workspace). Members
 * read their current workspace's log, newest first, a page at a time.
 */

export const MAX_AUDIT_PAGE = 200;
const NO_SUCH_PLAN = "There is no such plan in this workspace.";

/** GET /api/audit?plan=&action=&before=&limit= */
export const AuditQuerySchema = z.object({
  /** A plan of the current workspace; anything else, malformed included, is a 404. */
  plan: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS, { error: `action is one of ${AUDIT_ACTIONS.join(", ")}.` }).optional(),
  /** The `next` cursor of the previous page: entries older than this one. */
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, { error: "before is the next cursor of a previous page." })
    .transform((text) => BigInt(text))
    .optional(),
  limit: z.coerce
    .number({ error: "limit is a number." })
    .int({ error: "limit is a whole number." })
    .min(1, { error: "limit is at least 1." })
    .max(MAX_AUDIT_PAGE, { error: `limit is at most ${MAX_AUDIT_PAGE}.` })
    .default(50),
});

export type { AuditEntryJson };

export async function auditPage(
  context: AccordContext,
  member: Member,
  query: z.output<typeof AuditQuerySchema>,
): Promise<{ entries: AuditEntryJson[]; next: string | null }> {
  const workspaceId = member.membership.workspaceId;
  if (query.plan !== undefined) {
    const id = z.uuid().safeParse(query.plan);
    const plan = id.success ? await findPlanForMember(context.sql, id.data, member.user.id) : undefined;
    if (!plan || plan.workspaceId !== workspaceId) notFound(NO_SUCH_PLAN);
  }
  const rows = await listAudit(context.sql, {
    workspaceId,
    planId: query.plan,
    action: query.action,
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      action: row.action,
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
      plan: row.planId ? { id: row.planId, title: row.planTitle ?? "" } : null,
      detail: row.detail,
    })),
    next: rows.length > query.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
