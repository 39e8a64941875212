import type { Db } from "../sql";

/** Every kind of event the audit log records. */
export const AUDIT_ACTIONS = [
  "workspace.created",
  "member.invited",
  "member.joined",
  "member.added",
  "member.changed",
  "member.removed",
  "invite.revoked",
  "plan.created",
  "plan.signers_changed",
  "plan.submitted",
  "signature.approved",
  "signature.changes_requested",
  "plan.approved",
  "plan.reopened",
  "version.saved",
  "version.restored",
  "share_link.created",
  "share_link.revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Appends one row to the audit log; the table refuses updates, deletes and truncation. */
export async function appendAudit(
  db: Db,
  entry: {
    workspaceId: string;
    planId?: string | null;
    actorId: string | null;
    action: AuditAction;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db`
    insert into audit_log (workspace_id, plan_id, actor_id, action, detail)
    values (${entry.workspaceId}, ${entry.planId ?? null}, ${entry.actorId}, ${entry.action},
            ${db.json((entry.detail ?? {}) as never)})`;
}

/** One audit row as the API shows it. */
export interface AuditEntryRow {
  id: bigint;
  at: Date;
  action: AuditAction;
  actorId: string | null;
  actorName: string | null;
  planId: string | null;
  planTitle: string | null;
  detail: Record<string, unknown>;
}

/**
 * A workspace's audit rows, newest first, optionally of one plan or one
 * action, and before the row `before` (the cursor of the previous page).
 * Actors are named even after they left the workspace: it is history.
 */
export async function listAudit(
  db: Db,
  query: { workspaceId: string; planId?: string; action?: AuditAction; before?: bigint; limit: number },
): Promise<AuditEntryRow[]> {
  return db<AuditEntryRow[]>`
    select a.id, a.at, a.action, a.actor_id as "actorId", u.name as "actorName",
           a.plan_id as "planId", p.title as "planTitle", a.detail
    from audit_log a
    left join users u on u.id = a.actor_id
    left join plans p on p.id = a.plan_id
    where a.workspace_id = ${query.workspaceId}
      ${query.planId ? db`and a.plan_id = ${query.planId}` : db``}
      ${query.action ? db`and a.action = ${query.action}` : db``}
      ${query.before !== undefined ? db`and a.id < ${query.before.toString()}::bigint` : db``}
    order by a.id desc
    limit ${query.limit}`;
}
