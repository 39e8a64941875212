import type { Sql } from "../db/sql";

export interface Health {
  ok: boolean;
  database: "reachable" | "unreachable";
  checkedAt: string;
}

/** Asks the database a trivial question, giving up after two seconds. */
export async function checkHealth(sql: Sql, timeoutMs = 2_000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = sql`select 1 as ok`.then(
    () => true,
    () => false,
  );
  const ok = await Promise.race([query, timeout]);
  clearTimeout(timer);
  return { ok, database: ok ? "reachable" : "unreachable", checkedAt: new Date().toISOString() };
}
