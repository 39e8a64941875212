import { AUDIT_ACTIONS, type AuditAction } from "../../db/queries/audit";
import { listSignatures } from "../../db/queries/signoff";
import { listVersions } from "../../db/queries/versions";
import { listMembers } from "../../db/queries/workspaces";
import type { Member } from "../utils/auth.server";
import { auditPage, type AuditEntryJson } from "../utils/audit.server";
import type { AccordContext } from "../utils/context.server";

/** Rows per page of the audit log pages. */
export const AUDIT_PAGE_SIZE = 50;

const CURSOR = /^[1-9][0-9]{0,17}$/;

/**
 * The audit log pages (/audit and /plans/:planId/audit): one page of the
 * log through the API's own reader, newest first, of one action if asked,
 * older than `before` if asked (a bad filter or cursor reads as none). The
 * entries are told with the notes of signatures and the numbers of
 * versions they name, and the names of the members their details mention.
 */
export async function auditView(context: AccordContext, member: Member, url: URL, planId?: string) {
  const params = url.searchParams;
  const wanted = params.get("action") ?? "";
  const action = (AUDIT_ACTIONS as readonly string[]).includes(wanted) ? (wanted as AuditAction) : undefined;
  const cursor = params.get("before") ?? "";
  const page = await auditPage(context, member, {
    plan: planId,
    action,
    before: CURSOR.test(cursor) ? BigInt(cursor) : undefined,
    limit: AUDIT_PAGE_SIZE,
  });
  const [entries, members] = await Promise.all([
    withSignoffFacts(context, page.entries),
    listMembers(context.sql, member.membership.workspaceId),
  ]);
  return {
    entries,
    next: page.next,
    action: action ?? null,
    actions: AUDIT_ACTIONS,
    people: Object.fromEntries(members.map((m) => [m.userId, m.name])),
  };
}

/** Adds `note` to signatures and `versionNumber` to entries naming a version, from their plans' rows. */
async function withSignoffFacts(
  context: AccordContext,
  entries: AuditEntryJson[],
): Promise<AuditEntryJson[]> {
  const planIds = [
    ...new Set(
      entries
        .filter(
          (e) => e.plan && (e.action.startsWith("signature.") || typeof e.detail.versionId === "string"),
        )
        .map((e) => e.plan!.id),
    ),
  ];
  const notes = new Map<string, string>();
  const numbers = new Map<string, number>();
  await Promise.all(
    planIds.map(async (planId) => {
      const [signatures, versions] = await Promise.all([
        listSignatures(context.sql, planId),
        listVersions(context.sql, planId),
      ]);
      for (const s of signatures) notes.set(s.id, s.note);
      for (const v of versions) numbers.set(v.id, v.number);
    }),
  );
  return entries.map((entry) => {
    const detail = { ...entry.detail };
    if (typeof detail.signatureId === "string" && notes.has(detail.signatureId)) {
      detail.note = notes.get(detail.signatureId);
    }
    if (typeof detail.versionId === "string" && typeof detail.number !== "number") {
      const number = numbers.get(detail.versionId);
      if (number !== undefined) detail.number = number;
    }
    return { ...entry, detail };
  });
}
