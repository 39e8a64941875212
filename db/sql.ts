import postgres from "postgres";

/** The postgres.js client type used by every query function. */
export type Sql = postgres.Sql;
/** A query function accepts the pool or an open transaction alike. */
export type Db = postgres.Sql | postgres.TransactionSql;
/** An open transaction, for functions that must run inside one. */
export type Tx = postgres.TransactionSql;

/**
 * Opens the one connection pool of a server process. Notices are dropped
 * (migrations emit harmless ones) and bigint counts come back as numbers.
 */
export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 60,
    types: {
      bigint: postgres.BigInt,
    },
    transform: { undefined: null },
  });
}
