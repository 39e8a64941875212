import postgres from "postgres";

/** The postgres.js client type used by every query function. */
export type Sql = postgres.Sql;
/** A query function accepts the pool or an open transaction alike. */
export type Db = postgres.Sql | postgres.TransactionSql;
/** An open transaction, for functions that must run inside one. */
export type Tx = postgres.TransactionSql;

/**
 * Opens the one connection pool of a server process.
 *
 * - `fetch_types: false`: postgres.js otherwise queries the array types on
 *   every new connection, and a connection cut during that query rejects a
 *   promise nobody can catch, which ends the process while PostgreSQL is
 *   down (postgres.js issues #1192, #1205). We use no arrays of custom types;
 *   array parameters carry explicit casts.
 * - `backoff`: reconnect after 50 ms, doubling to at most 2 s (with jitter),
 *   instead of the library's climb to 20 s shared by the whole pool, so the
 *   app is back within a second or two of the database.
 * - `keep_alive`: 10 s TCP keep-alive, so a connection left dead by a
 *   failover is found within seconds rather than at the OS default.
 * Notices are dropped (migrations emit harmless ones).
 */
export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 60,
    keep_alive: 10,
    fetch_types: false,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2) * (0.5 + Math.random() / 2),
    types: {
      bigint: postgres.BigInt,
    },
    transform: { undefined: null },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uuid[] parameter as one text literal (`{a,b}`), to be cast `::uuid[]` in
 * the query: with `fetch_types: false` postgres.js cannot serialize a JS
 * array. Throws on anything that is not a UUID, so the literal cannot be
 * bent into another shape.
 */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new TypeError(`not a UUID: ${JSON.stringify(id)}`);
  return `{${ids.join(",")}}`;
}
