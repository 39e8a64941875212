import { ROLE_LABELS, TEAM_LABELS, type Role, type Team } from "../../domain/membership";
import type { AuditEntryJson } from "../../domain/audit";
import { shortHash } from "../../domain/signoff";

/** A fact of an entry: "Reason: …", "Hash: 9f86d0818847". */
export interface AuditFact {
  label: string;
  value: string;
  /** A hash: set in a monospace face. */
  code?: boolean;
  /** Someone's own words (a reason, a note): quoted. */
  quote?: boolean;
}

/** Each action as the filter names it. */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  "plan.created": "Plan created",
  "plan.signers_changed": "Signers changed",
  "plan.submitted": "Submitted for sign-off",
  "signature.approved": "Approvals",
  "signature.changes_requested": "Requests for changes",
  "plan.approved": "Plan approved",
  "plan.reopened": "Plan reopened",
  "version.saved": "Version saved",
  "version.restored": "Version restored",
  "share_link.created": "Share links created",
  "share_link.revoked": "Share links revoked",
  "workspace.created": "Workspace created",
  "member.invited": "Invites made",
  "member.joined": "Members joined",
  "member.added": "Members added",
  "member.changed": "Roles changed",
  "member.removed": "Members removed",
  "invite.revoked": "Invites revoked",
};

type People = Readonly<Record<string, string>>;

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);
const version = (d: Record<string, unknown>) =>
  typeof d.number === "number" ? `version ${d.number}` : "a version";
const nameOf = (people: People, id: unknown) =>
  typeof id === "string" ? (people[id] ?? "a former member") : "someone";

/** What the actor did, in words, to follow their name: "approved version 4". */
export function auditSentence(entry: AuditEntryJson, people: People): string {
  const d = entry.detail;
  switch (entry.action) {
    case "workspace.created":
      return "created the workspace";
    case "member.invited":
      return "made an invite";
    case "member.joined":
      return "joined the workspace";
    case "member.added":
      return `added ${str(d.email) ?? "a member"}`;
    case "member.changed":
      return `changed what ${nameOf(people, d.userId)} may do`;
    case "member.removed":
      return `removed ${str(d.name) ?? nameOf(people, d.userId)}`;
    case "invite.revoked":
      return "revoked an invite";
    case "plan.created":
      return "created the plan";
    case "plan.signers_changed":
      return "changed the required signers";
    case "plan.submitted":
      return `submitted ${version(d)} for sign-off`;
    case "signature.approved":
      return `approved ${version(d)}`;
    case "signature.changes_requested":
      return `requested changes to ${version(d)}`;
    case "plan.approved":
      return "completed the sign-off: the plan is approved and locked";
    case "plan.reopened":
      return "reopened the approved plan";
    case "version.saved":
      return `saved ${version(d)}`;
    case "version.restored":
      return `restored ${version(d)}`;
    case "share_link.created":
      return "created a read-only share link";
    case "share_link.revoked":
      return "revoked a read-only share link";
    default:
      return entry.action;
  }
}

/** The entry's details worth reading: reasons, notes, names, versions, short hashes, role changes. */
export function auditFacts(entry: AuditEntryJson, people: People): AuditFact[] {
  const d = entry.detail;
  const facts: AuditFact[] = [];
  const add = (label: string, value: string | null, extra: Partial<AuditFact> = {}) => {
    if (value) facts.push({ label, value, ...extra });
  };
  const names = (ids: unknown) =>
    Array.isArray(ids) && ids.length ? ids.map((id) => nameOf(people, id)).join(", ") : null;

  add("Reason", str(d.reason), { quote: true });
  add("Note", str(d.note), { quote: true });
  if (entry.action === "version.saved" || entry.action === "workspace.created") add("Name", str(d.name));
  if (entry.action === "plan.created") {
    add("Title", str(d.title));
    add("Period", str(d.period));
    if (str(d.copiedFrom)) add("Started from", "another plan");
  }
  if (d.frozen === true) add("Editing", "frozen while in review");
  if (entry.action === "plan.approved") add("Signed by", names(d.signers));
  if (entry.action === "plan.signers_changed") {
    add("Added", names(d.added));
    add("Removed", names(d.removed));
  }
  if (entry.action === "member.changed") {
    const before = settings(d.before);
    const after = settings(d.after);
    if (before && after) {
      if (before.role !== after.role) add("Role", `${before.role} → ${after.role}`);
      if (before.team !== after.team) add("Team", `${before.team} → ${after.team}`);
      if (before.canSignOff !== after.canSignOff)
        add("Signs off", `${before.canSignOff} → ${after.canSignOff}`);
    }
  } else if (entry.action.startsWith("member.")) {
    const now = settings(d);
    if (now) {
      add("Role", now.role);
      add("Team", now.team);
    }
  }
  if (entry.action === "version.restored" && str(d.checkpointId)) {
    add("Replaced content", "kept as a version first");
  }
  if (str(d.hash)) add("Hash", shortHash(d.hash as string), { code: true });
  return facts;
}

function settings(value: unknown): { role: string; team: string; canSignOff: string } | null {
  if (typeof value !== "object" || value === null) return null;
  const s = value as { role?: unknown; team?: unknown; canSignOff?: unknown };
  if (typeof s.role !== "string" || typeof s.team !== "string") return null;
  return {
    role: ROLE_LABELS[s.role as Role] ?? s.role,
    team: TEAM_LABELS[s.team as Team] ?? s.team,
    canSignOff: s.canSignOff === true ? "yes" : "no",
  };
}
