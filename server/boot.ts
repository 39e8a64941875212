import { migrate } from "../db/migrate";
import { hasDemoUsers, seedDemoIfEmpty } from "../db/seed";
import { createSql, type Sql } from "../db/sql";
import { hashPassword } from "../app/utils/password.server";
import { createAccordServer } from "./app-server";
import type { Config } from "./config";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import type { Logger } from "./logger";
import { loadSessionSecret } from "./session-secret";

export interface RunningAccord {
  url: URL;
  sql: Sql;
  /** The demo workspace exists, so its logins are worth printing. */
  demo: boolean;
  embedded: boolean;
  shutdown: () => Promise<void>;
}

/**
 * Brings Accord up in order: database (embedded unless DATABASE_URL is set),
 * migrations, demo seed, HTTP server. Shutdown runs the same steps backwards.
 */
export async function bootAccord(config: Config, log: Logger): Promise<RunningAccord> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    await ensureDatabase(embedded.url(), "accord");
    databaseUrl = embedded.url("accord");
  }
  const sql = createSql(databaseUrl);
  try {
    const applied = await migrate(sql);
    if (applied.length) log.info({ applied }, "migrations applied");
    if (config.seedDemo && (await seedDemoIfEmpty(sql, hashPassword))) log.info("demo workspace seeded");
    const server = await createAccordServer({
      sql,
      log,
      mode: config.mode,
      sessionSecret: await loadSessionSecret(config.dataDir, config.sessionSecret),
      appOrigin: config.appOrigin,
      collab: { maxMessageBytes: config.collabMaxMessageBytes },
    });
    const url = await server.listen(config.port, config.host);
    return {
      url,
      sql,
      demo: await hasDemoUsers(sql),
      embedded: Boolean(embedded),
      shutdown: async () => {
        // Closes websockets and flushes every document to Postgres: before the pool ends.
        await server.close();
        await sql.end({ timeout: 5 });
        await embedded?.stop();
      },
    };
  } catch (error) {
    await sql.end({ timeout: 1 });
    await embedded?.stop();
    throw error;
  }
}

/** Creates `name` on the server at `maintenanceUrl` unless it exists. */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const admin = createSql(maintenanceUrl, { max: 1 });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}
