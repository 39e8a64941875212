/** An audit log entry as the API answers it (docs/API.md, `GET /api/audit`) and the audit pages show it. */
export interface AuditEntryJson {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  plan: { id: string; title: string } | null;
  detail: Record<string, unknown>;
}
