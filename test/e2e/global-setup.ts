import { randomBytes } from "node:crypto";
import { hashPassword } from "../../app/utils/password.server";
import { migrate } from "../../db/migrate";
import { seedDemoIfEmpty } from "../../db/seed";
import { createSql } from "../../db/sql";
import { createAccordServer } from "../../server/app-server";
import { ensureBuild } from "../../server/build";
import { createLogger } from "../../server/logger";
import { testLogger } from "../support/log";
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  startTestPostgres,
  uniqueDatabaseName,
} from "../support/postgres-server";

/**
 * Runs once per `playwright test`, in the runner process: the current build,
 * PostgreSQL (embedded and throwaway, or DATABASE_URL's server), a fresh
 * migrated database with the demo workspace, and the production Accord server
 * on 127.0.0.1 at a random port. Workers find it in ACCORD_URL and its
 * database in ACCORD_E2E_DATABASE_URL (environment set here reaches them).
 * The returned function is the global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await ensureBuild(createLogger("warn"));
  const log = testLogger();
  const postgres = await startTestPostgres(log);
  const name = uniqueDatabaseName("accord_e2e");
  const undo: Array<() => Promise<void>> = [() => postgres.stop()];
  const teardown = async () => {
    for (const step of undo.reverse()) await step();
  };

  try {
    await createDatabase(postgres.maintenanceUrl, name);
    if (!postgres.embedded) undo.push(() => dropDatabase(postgres.maintenanceUrl, name));
    const sql = createSql(databaseUrl(postgres.maintenanceUrl, name));
    undo.push(() => sql.end({ timeout: 5 }));
    await migrate(sql);
    await seedDemoIfEmpty(sql, hashPassword);

    const server = await createAccordServer({
      mode: "production",
      sessionSecret: randomBytes(32).toString("base64url"),
      sql,
      log,
    });
    const url = await server.listen(0, "127.0.0.1");
    undo.push(() => server.close());
    process.env.ACCORD_URL = url.origin;
    process.env.ACCORD_E2E_DATABASE_URL = databaseUrl(postgres.maintenanceUrl, name);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
