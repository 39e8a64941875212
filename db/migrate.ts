import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Sql } from "./sql";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any constant shared by every Accord process: serialises concurrent runners. */
const MIGRATION_LOCK = 727_001;

/** The migration files in the order they apply: `NNNN_name.sql`. */
export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
}

/**
 * Applies every migration in db/migrations that has not run yet, in file-name
 * order, each in its own transaction together with its record in
 * `schema_migrations`. Forward-only: an applied file is never read again.
 * Several processes may start at once; an advisory lock makes them take turns.
 * Returns the names applied by this call.
 */
export async function migrate(sql: Sql): Promise<string[]> {
  await sql`
    create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`;
  const applied: string[] = [];
  for (const file of await migrationFiles()) {
    const text = await readFile(path.join(MIGRATIONS_DIR, file), "utf8");
    const ran = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      const [done] = await tx`select 1 from schema_migrations where name = ${file}`;
      if (done) return false;
      await tx.unsafe(text);
      await tx`insert into schema_migrations (name) values (${file})`;
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}
