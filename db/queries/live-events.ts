import type { Db, Tx } from "../sql";

/**
 * What a write tells every server process (LISTEN `accord_events`), sent
 * with `pg_notify` inside the write's transaction, so it goes out exactly
 * when the change commits and never for a change rolled back. The event hub
 * (server/events/event-hub.ts) turns it into server-sent events.
 */
export const EVENTS_CHANNEL = "accord_events";

export type LiveNotice =
  /** A thread of the plan changed: reload it and send it to the plan's streams. */
  | { planId: string; threadId: string }
  /** These users' notifications changed: send them their unread count. */
  | { userIds: string[] }
  /** The plan's sign-off state or versions changed: its pages read them again. */
  | { planId: string; signoff: true }
  /** The plan's actuals changed: its dashboard reads them again. */
  | { planId: string; actuals: true };

/** NOTIFY payloads are limited to 8,000 bytes: 100 UUIDs (~3.9 KB) per notice keeps well under it. */
const USERS_PER_NOTICE = 100;

export async function announceThread(tx: Tx, planId: string, threadId: string): Promise<void> {
  await notify(tx, { planId, threadId });
}

export async function announceInbox(tx: Tx, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += USERS_PER_NOTICE) {
    await notify(tx, { userIds: unique.slice(i, i + USERS_PER_NOTICE) });
  }
}

export async function announceSignoff(tx: Tx, planId: string): Promise<void> {
  await notify(tx, { planId, signoff: true });
}

export async function announceActuals(tx: Tx, planId: string): Promise<void> {
  await notify(tx, { planId, actuals: true });
}

async function notify(tx: Tx, notice: LiveNotice): Promise<void> {
  if ("planId" in notice) {
    await tx`
      insert into plan_live_seq (plan_id, seq) values (${notice.planId}, 1)
      on conflict (plan_id) do update set seq = plan_live_seq.seq + 1`;
  }
  await tx`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(notice)})`;
}

/**
 * How many live changes the plan has had (migration 0009): 0 before the
 * first. A page reads it before its data; the event stream reads it once it
 * listens, and sends it with `ready`.
 */
export async function planLiveSeq(db: Db, planId: string): Promise<number> {
  const [row] = await db<{ seq: string }[]>`select seq::text as seq from plan_live_seq where plan_id = ${planId}`;
  return row ? Number(row.seq) : 0;
}

/** An open event stream, as the access re-check needs it. */
export interface StreamOwner {
  id: number;
  sessionId: string;
  userId: string;
  /** The workspace of the stream's plan; null for an inbox-only stream. */
  workspaceId: string | null;
}

/**
 * The ids of the streams that may go on: their session is live and, for a
 * plan's stream, the user still belongs to the plan's workspace. One
 * statement for any number of streams.
 */
export async function streamsStillAllowed(db: Db, streams: readonly StreamOwner[]): Promise<Set<number>> {
  if (streams.length === 0) return new Set();
  const rows = await db<{ id: number }[]>`
    select s.id
    from jsonb_to_recordset(${db.json(
      streams.map((s) => ({
        id: s.id,
        session_id: s.sessionId,
        user_id: s.userId,
        workspace_id: s.workspaceId,
      })) as never,
    )}) as s(id int, session_id text, user_id uuid, workspace_id uuid)
    where exists (select 1 from sessions x where x.id = s.session_id and x.user_id = s.user_id and x.expires_at > now())
      and (s.workspace_id is null
           or exists (select 1 from memberships m where m.workspace_id = s.workspace_id and m.user_id = s.user_id))`;
  return new Set(rows.map((r) => r.id));
}
