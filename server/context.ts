import type { Sql } from "../db/sql";
import type { PlanDocuments } from "./documents";
import type { EventHub } from "./events/event-hub";
import type { Logger } from "./logger";

/**
 * What the HTTP edge hands every Remix loader and action: the database and the
 * few facts about the request that Remix's Request does not carry. Passing
 * them in (rather than importing singletons) lets several servers with their
 * own databases run in one process, as the tests do.
 */
export interface AccordContext {
  sql: Sql;
  log: Logger;
  sessionSecret: string;
  /** Session cookies get the Secure flag: the app is served over HTTPS. */
  secureCookies: boolean;
  /** The origin browsers see, e.g. `http://localhost:3000`. */
  appOrigin: string;
  /** The peer address, for rate limits. */
  clientIp: string;
  /** The process's live events (comments, inbox counts), for the /api/events stream. */
  events: EventHub;
  /** Plan documents as editors see them, and server-made changes to them (sign-off, versions). */
  documents: PlanDocuments;
}
