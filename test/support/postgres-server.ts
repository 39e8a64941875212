import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createSql } from "../../db/sql";
import { startEmbeddedPostgres } from "../../server/embedded-postgres";
import type { Logger } from "../../server/logger";

/**
 * The PostgreSQL server a test run works against, and the admin chores on it
 * (create, clone, drop databases). Shared by the vitest and Playwright global
 * setups, so it must not import `vitest` or `@playwright/test`.
 */
export interface TestPostgres {
  /** URL of the maintenance database (`postgres`), for creating and dropping databases. */
  maintenanceUrl: string;
  /** True when this run started its own throwaway server (no DATABASE_URL). */
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * Uses the server of DATABASE_URL when set (its path is ignored: we only
 * create and drop our own databases there); otherwise starts a throwaway
 * embedded PostgreSQL in a fresh temporary directory, removed on stop.
 */
export async function startTestPostgres(log: Logger): Promise<TestPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { maintenanceUrl: databaseUrl(external, "postgres"), embedded: false, stop: async () => {} };
  }
  const dir = await makeDataDir("accord-test-pg-");
  try {
    const pg = await startEmbeddedPostgres(dir, log, { persistent: false });
    return {
      maintenanceUrl: pg.url(),
      embedded: true,
      stop: async () => {
        await pg.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** `url` with its database swapped for `name`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database name no other test run or file will pick: `<prefix>_<16 hex>`. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString("hex")}`;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates database `name`, as a copy of `template` when given. Cloning fails
 * with 55006 while anyone is connected to the template; that only happens
 * for a moment (another clone starting), so it is retried.
 */
export async function createDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  const admin = createSql(maintenanceUrl, { max: 1 });
  try {
    const statement = `create database ${quote(name)}${template ? ` template ${quote(template)}` : ""}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(statement);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Drops database `name`, disconnecting whoever is still on it (PostgreSQL 13+). */
export async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const admin = createSql(maintenanceUrl, { max: 1 });
  try {
    await admin.unsafe(`drop database if exists ${quote(name)} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * A fresh temporary DATA_DIR. mkdtemp makes it 0700; run as root, PostgreSQL
 * runs as the unprivileged `postgres` user and must be able to enter it.
 */
export async function makeDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}
