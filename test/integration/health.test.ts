import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSql } from "../../db/sql";
import { createAccordServer } from "../../server/app-server";
import { freePort } from "../../server/embedded-postgres";
import { createTestDatabase } from "../support/database";
import { testLogger } from "../support/log";
import { startTestServer, type TestServer } from "../support/server";

/** An Accord server over `sql`, for the cases startTestServer does not cover. */
async function serve(sql: ReturnType<typeof createSql>) {
  const server = await createAccordServer({
    mode: "production",
    sessionSecret: randomBytes(32).toString("base64url"),
    sql,
    log: testLogger(),
  });
  const url = await server.listen(0, "127.0.0.1");
  return { server, url: url.origin };
}

describe("GET /healthz", () => {
  let accord: TestServer;
  beforeAll(async () => {
    accord = await startTestServer();
  });
  afterAll(async () => {
    await accord?.close();
  });

  test("answers 200 with the database reachable", async () => {
    const response = await fetch(`${accord.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, database: "reachable" });
    expect(Number.isNaN(Date.parse(String(body.checkedAt)))).toBe(false);
  });

  test("needs no session and no same-origin headers", async () => {
    const response = await fetch(`${accord.url}/healthz`, {
      headers: { origin: "https://elsewhere.example" },
    });
    expect(response.status).toBe(200);
  });

  test("answers 503 when nothing listens where the database should be", async () => {
    const sql = createSql(`postgres://accord:nope@127.0.0.1:${await freePort()}/accord`, { max: 1 });
    const { server, url } = await serve(sql);
    try {
      const started = Date.now();
      const response = await fetch(`${url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, database: "unreachable" });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.close();
      await sql.end({ timeout: 1 });
    }
  });

  test("answers 503 once the server's pool is gone, and the process keeps serving", async () => {
    const database = await createTestDatabase();
    const { server, url } = await serve(database.sql);
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      await database.sql.end({ timeout: 1 });
      const response = await fetch(`${url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, database: "unreachable" });
      expect((await fetch(`${url}/healthz`)).status).toBe(503);
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
