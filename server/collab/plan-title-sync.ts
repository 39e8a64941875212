import { SECTION } from "../../app/domain/plan/layout";
import type { Sql } from "../../db/sql";
import type { Logger } from "../logger";
import type { DocPersistence } from "../persistence/doc-persistence";
import type { CollabServer } from "./collab-server";

/** The longest title the plans list accepts (PlanCreateSchema). */
const MAX_TITLE = 120;

/**
 * The plan's title lives in its document (meta.title), where editors rename
 * it live; the plans list, the API and the browser tab read the `plans` row.
 * After each commit, a changed title is copied to the row, so both agree
 * within the durability window. A blank or over-long title is left out: the
 * row keeps its last good one.
 */
export function syncPlanTitles(
  sql: Sql,
  collab: CollabServer,
  persistence: DocPersistence,
  log: Logger,
): () => void {
  const written = new Map<string, string>();
  return persistence.onCommit((planId) => {
    const title = collab.room(planId)?.doc.getMap(SECTION.meta).get("title");
    if (typeof title !== "string") return;
    const clean = title.trim();
    if (!clean || clean.length > MAX_TITLE || written.get(planId) === clean) return;
    written.set(planId, clean);
    sql`update plans set title = ${clean}, updated_at = now() where id = ${planId} and title <> ${clean}`.catch(
      (error: unknown) => {
        written.delete(planId);
        log.warn({ planId, err: error }, "plan title not copied to the plans list; the next commit retries");
      },
    );
  });
}
