import { inject } from "vitest";
import { createSql, type Sql } from "../../db/sql";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./postgres-server";

export interface TestDatabase {
  /** The database's name, `accord_test_<hex>`. */
  name: string;
  /** Connection URL, e.g. for a child process's DATABASE_URL. */
  url: string;
  /** A pool on the database (max 5 connections). */
  sql: Sql;
  /** Closes the pool and drops the database, kicking out other connections. */
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated, empty database of its own, cloned from the run's
 * template (see test/support/global-setup.ts). Take one per test file (in
 * `beforeAll`), so files can run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const serverUrl = inject("databaseServerUrl");
  const name = uniqueDatabaseName("accord_test");
  await createDatabase(serverUrl, name, inject("templateDatabase"));
  const url = databaseUrl(serverUrl, name);
  const sql = createSql(url, { max: options.max ?? 5 });
  let dropped = false;
  return {
    name,
    url,
    sql,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await sql.end({ timeout: 5 });
      await dropDatabase(serverUrl, name);
    },
  };
}
