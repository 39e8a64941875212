import { randomBytes } from "node:crypto";
import { seedDemoIfEmpty } from "../../db/seed";
import type { Sql } from "../../db/sql";
import { hashPassword } from "../../app/utils/password.server";
import { createAccordServer, type AccordServer, type AccordServerOptions } from "../../server/app-server";
import { createTestDatabase, type TestDatabase } from "./database";
import { testLogger } from "./log";

export interface TestServerOptions {
  /** Seed the Northwind demo workspace (db/seed.ts) before serving. */
  seedDemo?: boolean;
  /** Passed to createAccordServer: the origin the app believes it is served on. */
  appOrigin?: string;
  /** Serve this database instead of a fresh one; the caller keeps ownership of it. */
  database?: TestDatabase;
  /** The secret of session cookies and collab tokens (random by default). */
  sessionSecret?: string;
  /** Passed to createAccordServer: /collab limits and timings. */
  collab?: AccordServerOptions["collab"];
  /** Passed to createAccordServer: /api/events timings. */
  events?: AccordServerOptions["events"];
  /** Passed to createAccordServer; the caller closes it. Default: Postgres persistence owned by the server. */
  persistence?: AccordServerOptions["persistence"];
  /** The server's logger (default: testLogger(), silent). */
  log?: AccordServerOptions["log"];
}

export interface TestServer {
  /** The origin to call, `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** A pool on the server's database, for arranging rows and checking results. */
  sql: Sql;
  database: TestDatabase;
  server: AccordServer;
  /** The secret the server signs cookies and collab tokens with. */
  sessionSecret: string;
  /** Stops the HTTP server, then drops the database (unless it was passed in). */
  close: () => Promise<void>;
}

/**
 * The real production Accord server (the Remix build, the same middleware as
 * `npm start`) on a random port of 127.0.0.1, over a database of its own.
 * Start one per test file in `beforeAll` and close it in `afterAll`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const ownsDatabase = !options.database;
  try {
    if (options.seedDemo) await seedDemoIfEmpty(database.sql, hashPassword);
    const sessionSecret = options.sessionSecret ?? randomBytes(32).toString("base64url");
    const server = await createAccordServer({
      mode: "production",
      sessionSecret,
      sql: database.sql,
      log: options.log ?? testLogger(),
      appOrigin: options.appOrigin,
      collab: options.collab,
      events: options.events,
      persistence: options.persistence,
    });
    const url = await server.listen(0, "127.0.0.1");
    let closed = false;
    return {
      url: url.origin,
      sql: database.sql,
      database,
      server,
      sessionSecret,
      close: async () => {
        if (closed) return;
        closed = true;
        await server.close();
        if (ownsDatabase) await database.drop();
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.drop();
    throw error;
  }
}
