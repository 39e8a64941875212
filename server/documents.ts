import * as Y from "yjs";
import { projectPlan, type PlanContent } from "../app/domain/plan";
import { contentHash } from "../app/domain/signoff";
import { loadDocument } from "../db/queries/documents";
import type { Sql } from "../db/sql";
import type { CollabServer } from "./collab/collab-server";
import type { Logger } from "./logger";
import type { DocPersistence } from "./persistence/doc-persistence";
import { buildDoc } from "./persistence/stored-doc";

/** A plan's document as it is now, with its projection and content hash. */
export interface CurrentDocument {
  /** A copy of its own: the caller may change it and must destroy it. */
  doc: Y.Doc;
  content: PlanContent;
  hash: string;
}

/**
 * The plan documents as requests see them (`context.documents`): what the
 * editors see right now, for signing and versions, and a way to change the
 * live document from the server, for restores.
 */
export interface PlanDocuments {
  /**
   * The document as editors see it: what Postgres holds plus the live room
   * of this process, if the plan is open here (its latest edits may not be
   * committed yet). So a content hash taken here matches the editors' view.
   */
  current(planId: string): Promise<CurrentDocument>;
  /**
   * The same view's content alone, without its hash or a document to
   * destroy: for reading rows (actuals, the dashboard, field feedback).
   */
  content(planId: string): Promise<PlanContent>;
  /**
   * Applies a server-made update as a new change: through the live room when
   * the plan is open in this process (the room broadcasts it to every
   * editor and stores it like theirs), otherwise straight to persistence.
   * Resolves once it is committed.
   */
  apply(planId: string, update: Uint8Array): Promise<void>;
  /**
   * Runs `task` once every earlier task of the same plan in this process has
   * finished. Sign-off steps read the content hash and then record what
   * they decided; a restore reads and then writes. One at a time, a
   * restore cannot slip between an approval's hash check and its commit.
   * (The plan row's lock keeps processes apart; this only orders one.)
   */
  exclusive<T>(planId: string, task: () => Promise<T>): Promise<T>;
  /**
   * Keeps the plan's incoming edits aside in this process until released:
   * `release(true)` applies them, `release(false)` drops them (the plan was
   * locked meanwhile). The final approval holds edits from before its hash
   * check until its commit, so nothing lands on a plan after it is signed.
   */
  holdEdits(planId: string): (apply: boolean) => void;
}

/** The origin of updates the server itself makes (restores): no connection's. */
export const SERVER_ORIGIN = Symbol("accord-server");

export function createPlanDocuments(deps: {
  sql: Sql;
  log: Logger;
  collab: CollabServer;
  persistence: DocPersistence;
}): PlanDocuments {
  const { sql, log, collab, persistence } = deps;
  const docLog = log.child({ module: "documents" });
  /** The last task queued per plan; the entry goes when the queue is empty. */
  const queues = new Map<string, Promise<unknown>>();

  /** Postgres plus this process's live room; whatever this process handed to persistence is committed first. */
  async function read(planId: string): Promise<Y.Doc> {
    await persistence.flush(planId);
    const live = collab.room(planId);
    const extra = live ? [Y.encodeStateAsUpdate(live.doc)] : [];
    return buildDoc(await loadDocument(sql, planId), planId, docLog, extra).doc;
  }

  return {
    async current(planId) {
      const doc = await read(planId);
      const content = projectPlan(doc);
      return { doc, content, hash: await contentHash(content) };
    },

    async content(planId) {
      const doc = await read(planId);
      try {
        return projectPlan(doc);
      } finally {
        doc.destroy();
      }
    },

    async apply(planId, update) {
      const live = collab.room(planId);
      if (live) {
        Y.applyUpdate(live.doc, update, SERVER_ORIGIN);
        // The room hands its batch to persistence on the next setImmediate,
        // queued by the update above, so it runs before this one.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await persistence.flush(planId);
        return;
      }
      persistence.store(planId, update);
      await persistence.flush(planId);
      // A room that loaded while the update was being committed may have
      // read the database before it: apply it there too (Yjs ignores a
      // repeat), so its editors see it live.
      const loaded = collab.room(planId);
      if (loaded) Y.applyUpdate(loaded.doc, update, SERVER_ORIGIN);
    },

    holdEdits(planId) {
      return collab.holdEdits(planId) ?? (() => {});
    },

    exclusive(planId, task) {
      const previous = queues.get(planId) ?? Promise.resolve();
      const run = previous.then(task);
      const settled = run.then(
        () => {},
        () => {},
      );
      queues.set(planId, settled);
      void settled.then(() => {
        if (queues.get(planId) === settled) queues.delete(planId);
      });
      return run;
    },
  };
}
