import { CLOSE } from "../../app/domain/collab";
import type { Role } from "../../app/domain/membership";
import { isPlanLocked, type PlanStatus } from "../../app/domain/plan-status";
import { can } from "../../app/domain/policy";
import type { Sql } from "../../db/sql";
import { listenUntilStopped } from "../listen";
import type { Logger } from "../logger";
import type { CollabConnection, CollabServer } from "./collab-server";

/** What the database says of one open connection now. */
interface Standing {
  sessionLive: boolean;
  role: Role | null;
  planStatus: PlanStatus | null;
  planFrozen: boolean;
}

export interface AccessWatch {
  /** Re-checks every open connection now (also done on a timer and after a LISTEN reconnect). */
  sweep: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Keeps open collaboration sockets in line with who may do what now. The
 * database announces access changes itself (migration 0003: triggers on
 * memberships, sessions and plans NOTIFY `accord_access` and
 * `accord_plan_status`, also when a plan is frozen or unfrozen), so a removed
 * member, a lowered role, a logout, or a plan being locked reaches every
 * server process within milliseconds,
 * whatever code path made the change. A periodic sweep catches sessions that
 * simply expire and anything missed while the LISTEN connection was down.
 *
 * - session ended or membership gone: closed with CLOSE.unauthorized (the
 *   client's reconnect is then refused at the upgrade);
 * - write right lost (role lowered, plan approved or frozen for review, as
 *   isPlanLocked says): updates are dropped at
 *   once, then the socket closes with CLOSE.accessChanged so the client
 *   reconnects and learns its new rights;
 * - write right gained: closed with CLOSE.accessChanged likewise.
 */
export function watchAccess(
  sql: Sql,
  collab: CollabServer,
  log: Logger,
  options: { sweepIntervalMs?: number } = {},
): AccessWatch {
  const sweepAll = () => recheck(collab.connectionsFor({}));

  async function recheck(connections: CollabConnection[]): Promise<void> {
    if (connections.length === 0) return;
    const standings = await standingsOf(sql, connections);
    for (const connection of connections) {
      const standing = standings.get(connection.id) ?? {
        sessionLive: false,
        role: null,
        planStatus: null,
        planFrozen: false,
      };
      apply(connection, standing, log);
    }
  }

  const onError = (error: unknown) =>
    log.warn({ err: error }, "access re-check failed; the next sweep retries");

  const listeners = [
    listenUntilStopped(
      sql,
      "accord_access",
      (payload) => {
        const change = parse(payload);
        if (!change) return;
        const affected = change.sessionId
          ? collab.connectionsFor({ sessionId: change.sessionId })
          : collab.connectionsFor({
              userId: change.userId,
              ...(change.workspaceId ? { workspaceId: change.workspaceId } : {}),
            });
        recheck(affected).catch(onError);
      },
      // After every (re)connect of the listening connection: catch up on what was missed.
      () => void sweepAll().catch(onError),
      log,
    ),
    listenUntilStopped(
      sql,
      "accord_plan_status",
      (payload) => {
        const change = parse(payload);
        if (change?.planId) recheck(collab.connectionsFor({ planId: change.planId })).catch(onError);
      },
      () => {},
      log,
    ),
  ];

  const timer = setInterval(() => void sweepAll().catch(onError), options.sweepIntervalMs ?? 30_000);
  timer.unref();

  return {
    sweep: sweepAll,
    stop: async () => {
      clearInterval(timer);
      await Promise.allSettled(listeners.map((listener) => listener.stop()));
    },
  };
}

function apply(connection: CollabConnection, standing: Standing, log: Logger): void {
  const who = { planId: connection.planId, userId: connection.userId };
  if (!standing.sessionLive || !standing.role) {
    log.info(
      { ...who, reason: standing.sessionLive ? "not a member" : "session ended" },
      "collab access revoked",
    );
    connection.setReadOnly(true);
    connection.close(CLOSE.unauthorized, standing.sessionLive ? "no longer a member" : "session ended");
    return;
  }
  const locked =
    standing.planStatus !== null &&
    isPlanLocked({ status: standing.planStatus, frozen: standing.planFrozen });
  const mayWrite = can({ role: standing.role }, "plan.edit") && !locked;
  if (mayWrite === !connection.readOnly) return;
  log.info({ ...who, readOnly: !mayWrite }, "collab access changed");
  if (!mayWrite) connection.setReadOnly(true);
  connection.close(CLOSE.accessChanged, mayWrite ? "you may edit now" : "read-only now");
}

/** One query for any number of connections: session, membership and plan state of each. */
async function standingsOf(sql: Sql, connections: CollabConnection[]): Promise<Map<number, Standing>> {
  const rows = await sql<
    {
      id: number;
      sessionLive: boolean;
      role: Role | null;
      planStatus: PlanStatus | null;
      planFrozen: boolean;
    }[]
  >`
    select c.id,
           exists (select 1 from sessions s where s.id = c.session_id and s.expires_at > now()) as "sessionLive",
           m.role,
           p.status as "planStatus",
           coalesce(p.frozen, false) as "planFrozen"
    from jsonb_to_recordset(${sql.json(
      connections.map((c) => ({
        id: c.id,
        session_id: c.sessionId,
        user_id: c.userId,
        workspace_id: c.workspaceId,
        plan_id: c.planId,
      })) as never,
    )}) as c(id int, session_id text, user_id uuid, workspace_id uuid, plan_id uuid)
    left join memberships m on m.workspace_id = c.workspace_id and m.user_id = c.user_id
    left join plans p on p.id = c.plan_id and p.workspace_id = c.workspace_id`;
  return new Map(
    rows.map((r) => [
      r.id,
      { sessionLive: r.sessionLive, role: r.role, planStatus: r.planStatus, planFrozen: r.planFrozen },
    ]),
  );
}

function parse(
  payload: string,
): { userId?: string; workspaceId?: string | null; sessionId?: string | null; planId?: string } | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === "object" && value !== null ? (value as ReturnType<typeof parse>) : null;
  } catch {
    return null;
  }
}
