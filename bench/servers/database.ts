import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../db/migrate";
import { createSql, type Sql } from "../../db/sql";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/embedded-postgres";
import type { Logger } from "../../server/logger";
import { treeCpuMicros } from "../proc";

/**
 * The bench's own PostgreSQL: an embedded server in a temporary directory,
 * migrated, with one workspace, one editor and one live session. Accord
 * processes get its URL as DATABASE_URL; the bench creates their plans here
 * and mints `?token=`s for that session.
 */
export interface BenchDatabase {
  url: string;
  sql: Sql;
  userId: string;
  workspaceId: string;
  sessionId: string;
  /** Creates `count` plans and returns their ids. */
  createPlans: (count: number) => Promise<string[]>;
  /** What PostgreSQL holds of a plan's document. */
  storageOf: (planId: string) => Promise<{ logRows: number; logBytes: number; snapshotBytes: number }>;
  /** CPU used by the postmaster and its backends so far, µs. */
  cpuMicros: () => number;
  stop: () => Promise<void>;
}

const DATABASE = "accord_bench";

export async function startBenchDatabase(dataDir: string, log: Logger): Promise<BenchDatabase> {
  // Commit timestamps let the bench read when each doc_updates row committed
  // (scenario "commit"); the setting needs a restart to take effect.
  let pg: EmbeddedDatabase = await startEmbeddedPostgres(dataDir, log, { persistent: true });
  const admin = createSql(pg.url(), { max: 1 });
  try {
    await admin.unsafe("alter system set track_commit_timestamp = on");
    await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  await pg.stop();
  pg = await startEmbeddedPostgres(dataDir, log, { persistent: true });

  const url = pg.url(DATABASE);
  const sql = createSql(url, { max: 4 });
  try {
    await migrate(sql);
    const [user] = await sql<{ id: string }[]>`
      insert into users (email, name, password_hash) values ('bench@accord.test', 'Bench', 'not-a-hash')
      returning id`;
    const [workspace] = await sql<
      { id: string }[]
    >`insert into workspaces (name) values ('Bench') returning id`;
    await sql`
      insert into memberships (workspace_id, user_id, role, team)
      values (${workspace!.id}, ${user!.id}, 'editor', 'marketing')`;
    // What a login stores: the sha256 of a cookie token nobody will ever present.
    const sessionId = createHash("sha256").update(randomBytes(32)).digest("hex");
    await sql`
      insert into sessions (id, user_id, workspace_id, expires_at)
      values (${sessionId}, ${user!.id}, ${workspace!.id}, now() + interval '1 day')`;
    const postmaster = Number(
      readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
    );

    return {
      url,
      sql,
      userId: user!.id,
      workspaceId: workspace!.id,
      sessionId,
      createPlans: async (count) => {
        const rows = await sql<{ id: string }[]>`
          insert into plans (workspace_id, title, period, created_by)
          select ${workspace!.id}, 'Bench plan ' || g, '2027-Q1', ${user!.id} from generate_series(1, ${count}::int) g
          returning id`;
        return rows.map((row) => row.id);
      },
      storageOf: async (planId) => {
        const [log] = await sql<{ rows: number; bytes: number }[]>`
          select count(*)::int as rows, coalesce(sum(octet_length(update)), 0)::int as bytes
          from doc_updates where plan_id = ${planId}`;
        const [snapshot] = await sql<{ bytes: number }[]>`
          select octet_length(state)::int as bytes from doc_snapshots where plan_id = ${planId}`;
        return { logRows: log!.rows, logBytes: log!.bytes, snapshotBytes: snapshot?.bytes ?? 0 };
      },
      cpuMicros: () => treeCpuMicros(postmaster),
      stop: async () => {
        await sql.end({ timeout: 5 });
        await pg.stop();
      },
    };
  } catch (error) {
    await sql.end({ timeout: 1 });
    await pg.stop();
    throw error;
  }
}
