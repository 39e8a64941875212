import type { TestProject } from "vitest/node";
import { migrate } from "../../db/migrate";
import { createSql } from "../../db/sql";
import { ensureBuild } from "../../server/build";
import { createLogger } from "../../server/logger";
import { testLogger } from "./log";
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  startTestPostgres,
  uniqueDatabaseName,
} from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The `postgres` database of the run's server: create and drop databases through it. */
    databaseServerUrl: string;
    /** A migrated database that createTestDatabase() clones; nobody connects to it. */
    templateDatabase: string;
  }
}

/**
 * Runs once per `vitest run`, before any test file: makes sure the Remix
 * build is current (integration tests serve the real built app), brings up
 * one PostgreSQL server and a migrated template database, and tells the test
 * files where they are. The returned function undoes it all.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Build output goes to the terminal; a build is rare and worth seeing.
  await ensureBuild(createLogger("warn"));

  const postgres = await startTestPostgres(testLogger());
  const template = uniqueDatabaseName("accord_template");
  try {
    await createDatabase(postgres.maintenanceUrl, template);
    const sql = createSql(databaseUrl(postgres.maintenanceUrl, template), { max: 1 });
    try {
      await migrate(sql);
    } finally {
      // A template with a live connection cannot be cloned.
      await sql.end({ timeout: 5 });
    }
  } catch (error) {
    await postgres.stop();
    throw error;
  }

  project.provide("databaseServerUrl", postgres.maintenanceUrl);
  project.provide("templateDatabase", template);

  return async () => {
    // The embedded server goes away with everything in it; a shared one keeps
    // only what we did not create.
    if (!postgres.embedded) await dropDatabase(postgres.maintenanceUrl, template);
    await postgres.stop();
  };
}
