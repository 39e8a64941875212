import type { PersonJson } from "../../app/domain/comments";
import type { Team } from "../../app/domain/membership";
import type { PlanStatus } from "../../app/domain/plan-status";
import type { Decision, SignatureJson } from "../../app/domain/signoff";
import { uuidArray, type Db, type Tx } from "../sql";

/**
 * The sign-off state of plans (migration 0005): the plan row's workflow
 * columns, required signers, signatures and the open objections. Every
 * change of the workflow runs in a transaction that first locks the plan
 * row (`lockPlanForSignoff`), so transitions happen one at a time.
 */

/** A plan's workflow columns. */
export interface SignoffPlanRow {
  id: string;
  workspaceId: string;
  title: string;
  status: PlanStatus;
  frozen: boolean;
  createdBy: string | null;
  reviewVersionId: string | null;
  approvedVersionId: string | null;
  approvedAt: Date | null;
}

const signoffColumns = (db: Db) => db`
  p.id, p.workspace_id as "workspaceId", p.title, p.status, p.frozen, p.created_by as "createdBy",
  p.review_version_id as "reviewVersionId", p.approved_version_id as "approvedVersionId",
  p.approved_at as "approvedAt"`;

export async function findSignoffPlan(db: Db, planId: string): Promise<SignoffPlanRow | undefined> {
  const [row] = await db<SignoffPlanRow[]>`select ${signoffColumns(db)} from plans p where p.id = ${planId}`;
  return row;
}

/**
 * The plan row, locked until the transaction ends: whoever changes the
 * workflow (submit, sign, reopen, restore, versions) takes this first, so
 * two final approvals at once make exactly one transition.
 */
export async function lockPlanForSignoff(tx: Tx, planId: string): Promise<SignoffPlanRow | undefined> {
  const [row] = await tx<SignoffPlanRow[]>`
    select ${signoffColumns(tx)} from plans p where p.id = ${planId} for update`;
  return row;
}

export async function updateSignoffPlan(
  tx: Tx,
  planId: string,
  change: Partial<
    Pick<SignoffPlanRow, "status" | "frozen" | "reviewVersionId" | "approvedVersionId" | "approvedAt">
  >,
): Promise<void> {
  const columns: Record<string, unknown> = {};
  if (change.status !== undefined) columns.status = change.status;
  if (change.frozen !== undefined) columns.frozen = change.frozen;
  if (change.reviewVersionId !== undefined) columns.review_version_id = change.reviewVersionId;
  if (change.approvedVersionId !== undefined) columns.approved_version_id = change.approvedVersionId;
  if (change.approvedAt !== undefined) columns.approved_at = change.approvedAt;
  if (Object.keys(columns).length === 0) return;
  await tx`update plans set ${tx(columns)}, updated_at = now() where id = ${planId}`;
}

/** A required signer, with when and by whom they were chosen. */
export interface SignerRow extends PersonJson {
  addedAt: Date;
}

/**
 * The plan's required signers who still count: members of its workspace who
 * can sign off. Someone who left or lost the right drops out of the list
 * (their row stays, and counts again if the right comes back).
 */
export async function listSigners(db: Db, planId: string): Promise<SignerRow[]> {
  return db<SignerRow[]>`
    select u.id, u.name, m.team, s.added_at as "addedAt"
    from plan_signers s
    join plans p on p.id = s.plan_id
    join memberships m on m.workspace_id = p.workspace_id and m.user_id = s.user_id and m.can_sign_off
    join users u on u.id = s.user_id
    where s.plan_id = ${planId}
    order by case m.team when 'sales' then 0 when 'marketing' then 1 else 2 end, u.name, u.id`;
}

/** Members of the workspace who can sign off: whom the owner may choose. */
export async function listEligibleSigners(db: Db, workspaceId: string): Promise<PersonJson[]> {
  return db<PersonJson[]>`
    select u.id, u.name, m.team
    from memberships m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and m.can_sign_off
    order by case m.team when 'sales' then 0 when 'marketing' then 1 else 2 end, u.name, u.id`;
}

/** Which of `userIds` may sign plans of the workspace. */
export async function eligibleAmong(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db<{ userId: string }[]>`
    select user_id as "userId" from memberships
    where workspace_id = ${workspaceId} and can_sign_off and user_id = any(${uuidArray(userIds)}::uuid[])`;
  return new Set(rows.map((r) => r.userId));
}

/** Makes `userIds` the plan's signers; those kept keep their date. Returns who was added and removed. */
export async function replaceSigners(
  tx: Tx,
  planId: string,
  userIds: readonly string[],
  addedBy: string,
): Promise<{ added: string[]; removed: string[] }> {
  const removed = await tx<{ userId: string }[]>`
    delete from plan_signers
    where plan_id = ${planId} and user_id <> all(${uuidArray(userIds)}::uuid[])
    returning user_id as "userId"`;
  const added = userIds.length
    ? await tx<{ userId: string }[]>`
        insert into plan_signers (plan_id, user_id, added_by)
        select ${planId}, id, ${addedBy} from unnest(${uuidArray(userIds)}::uuid[]) as id
        on conflict do nothing
        returning user_id as "userId"`
    : [];
  return { added: added.map((r) => r.userId), removed: removed.map((r) => r.userId) };
}

/** Postgres' answer when a signer signs a version twice. */
export class DuplicateSignature extends Error {
  constructor() {
    super("This signer already signed this version.");
  }
}

/**
 * Records a signature. A second one by the same signer on the same version
 * is refused by the unique constraint and thrown as DuplicateSignature,
 * however the two requests raced.
 */
export async function insertSignature(
  tx: Tx,
  signature: {
    planId: string;
    versionId: string;
    signerId: string;
    decision: Decision;
    note: string;
    hash: string;
    threadId: string | null;
  },
): Promise<string> {
  try {
    const [row] = await tx<{ id: string }[]>`
      insert into signatures (plan_id, version_id, signer_id, decision, note, content_hash, thread_id)
      values (${signature.planId}, ${signature.versionId}, ${signature.signerId}, ${signature.decision},
              ${signature.note}, ${signature.hash}, ${signature.threadId})
      on conflict (version_id, signer_id) do nothing
      returning id`;
    if (!row) throw new DuplicateSignature();
    return row.id;
  } catch (error) {
    if ((error as { constraint_name?: string }).constraint_name === "signatures_once_per_version") {
      throw new DuplicateSignature();
    }
    throw error;
  }
}

/** Links a request for changes to the thread it opened. */
export async function setSignatureThread(tx: Tx, signatureId: string, threadId: string): Promise<void> {
  await tx`update signatures set thread_id = ${threadId} where id = ${signatureId}`;
}

interface SignatureRow {
  id: string;
  versionId: string;
  signerId: string;
  signerName: string;
  signerTeam: Team;
  decision: Decision;
  note: string;
  hash: string;
  createdAt: Date;
  threadId: string | null;
}

/** Signatures of the plan, newest first; of one version, or of one content hash, when asked. */
export async function listSignatures(
  db: Db,
  planId: string,
  filter: { versionId?: string; hash?: string } = {},
): Promise<SignatureJson[]> {
  const rows = await db<SignatureRow[]>`
    select s.id, s.version_id as "versionId", s.signer_id as "signerId", u.name as "signerName",
           coalesce(m.team, 'other') as "signerTeam", s.decision, s.note, s.content_hash as hash,
           s.created_at as "createdAt", s.thread_id as "threadId"
    from signatures s
    join plans p on p.id = s.plan_id
    join users u on u.id = s.signer_id
    left join memberships m on m.workspace_id = p.workspace_id and m.user_id = s.signer_id
    where s.plan_id = ${planId}
      ${filter.versionId ? db`and s.version_id = ${filter.versionId}` : db``}
      ${filter.hash ? db`and s.content_hash = ${filter.hash}` : db``}
    order by s.created_at desc, s.id desc`;
  return rows.map((row) => ({
    id: row.id,
    versionId: row.versionId,
    signer: { id: row.signerId, name: row.signerName, team: row.signerTeam },
    decision: row.decision,
    note: row.note,
    hash: row.hash,
    createdAt: row.createdAt.toISOString(),
    threadId: row.threadId,
  }));
}

/** An open objection: a blocking thread that is not resolved. */
export interface BlockingThreadRow {
  id: string;
  section: string;
  quote: string;
  author: PersonJson;
}

/** The plan's open blocking threads, oldest first: what stands between it and its approval. */
export async function openBlockingThreads(db: Db, planId: string): Promise<BlockingThreadRow[]> {
  const rows = await db<
    { id: string; section: string; quote: string; authorId: string; authorName: string; authorTeam: Team }[]
  >`
    select t.id, t.section, coalesce(nullif(t.quote, ''), left(first.body, 200), '') as quote,
           t.author_id as "authorId", u.name as "authorName", coalesce(m.team, 'other') as "authorTeam"
    from comment_threads t
    join plans p on p.id = t.plan_id
    join users u on u.id = t.author_id
    left join memberships m on m.workspace_id = p.workspace_id and m.user_id = t.author_id
    left join lateral (
      select c.body from comments c
      where c.thread_id = t.id and c.deleted_at is null
      order by c.created_at, c.id limit 1
    ) first on true
    where t.plan_id = ${planId} and t.blocking and t.status = 'open'
    order by t.created_at, t.id`;
  return rows.map((row) => ({
    id: row.id,
    section: row.section,
    quote: row.quote,
    author: { id: row.authorId, name: row.authorName, team: row.authorTeam },
  }));
}
