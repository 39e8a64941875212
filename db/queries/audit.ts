import type { Db } from "../sql";

/** The kinds of event the audit log records so far. */
export type AuditAction =
  | "workspace.created"
  | "member.invited"
  | "member.joined"
  | "member.added"
  | "member.changed"
  | "member.removed"
  | "invite.revoked"
  | "plan.created";

/** Appends one row to the audit log; the table refuses updates and deletes. */
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
