import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import express, { type Request } from "express";
import type { Sql } from "../db/sql";
import { SERVER_BUILD } from "./build";
import {
  createCollabServer,
  refuseUpgrade,
  type CollabServer,
  type CollabServerOptions,
} from "./collab/collab-server";
import type { AccordContext } from "./context";
import { createPlanDocuments } from "./documents";
import { createEventHub, type EventHubOptions, type EventHubService } from "./events/event-hub";
import { checkHealth } from "./health";
import type { Logger } from "./logger";
import { PROJECT_ROOT } from "./paths";
import { watchAccess } from "./collab/access-watch";
import { syncPlanTitles } from "./collab/plan-title-sync";
import type { DocPersistence } from "./persistence/doc-persistence";
import { createPgPersistence } from "./persistence/pg-persistence";
import { sameOriginOnly } from "./same-origin";

export interface AccordServerOptions {
  sql: Sql;
  log: Logger;
  sessionSecret: string;
  /** `development` serves through Vite with hot reload; `production` serves the build. */
  mode: "development" | "production";
  /** The public origin when it differs from what the Host header says (a proxy). */
  appOrigin?: string;
  /** Where plan documents are stored; by default Postgres persistence on `sql`, owned and closed by the server. */
  persistence?: DocPersistence;
  /** Limits and timings of the /collab websocket (tests shorten the unload grace period). */
  collab?: Pick<CollabServerOptions, "maxMessageBytes" | "unloadGraceMs" | "pingIntervalMs" | "now"> & {
    /** How often open sockets are re-checked against sessions, roles and plan state (default 30 s). */
    accessSweepMs?: number;
  };
  /** Timings of the /api/events streams (tests shorten the ping and the access sweep). */
  events?: EventHubOptions;
}

export interface AccordServer {
  listen: (port: number, host?: string) => Promise<URL>;
  /**
   * Stops accepting, ends the event streams, lets running requests finish
   * (up to a few seconds), closes websockets with 1001, flushes every
   * document to persistence and closes the persistence it created. The sql
   * pool stays open.
   */
  close: () => Promise<void>;
  httpServer: http.Server;
  /** The /collab websocket endpoint: live connections and rooms, for revocation and tests. */
  collab: CollabServer;
  /** The live events of comments and inboxes (/api/events). */
  events: EventHubService;
  persistence: DocPersistence;
}

/**
 * The one HTTP server of a process: health check, same-origin guard, static
 * assets, the Remix handler and the /collab websocket upgrade. The database
 * pool belongs to the caller.
 */
export async function createAccordServer(options: AccordServerOptions): Promise<AccordServer> {
  const { sql, log, mode } = options;
  const app = express();
  app.disable("x-powered-by");

  const events = createEventHub(sql, log, options.events);
  const originOf = (req: Request) => options.appOrigin ?? `${req.protocol}://${req.get("host")}`;

  app.get("/healthz", async (_req, res) => {
    const health = await checkHealth(sql);
    res.status(health.ok ? 200 : 503).json(health);
  });
  app.use(sameOriginOnly(originOf));

  let vite: ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (mode === "development") {
    const { createServer } = await import("vite");
    vite = await createServer({ root: PROJECT_ROOT, server: { middlewareMode: true } });
    app.use(vite.middlewares);
    const dev = vite;
    build = () => dev.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const client = path.join(PROJECT_ROOT, "build/client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
    build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode,
      getLoadContext: (req): AppLoadContext => {
        const appOrigin = originOf(req);
        const context: AccordContext = {
          sql,
          log,
          sessionSecret: options.sessionSecret,
          secureCookies: appOrigin.startsWith("https:"),
          appOrigin,
          clientIp: req.socket.remoteAddress ?? "unknown",
          events,
          documents,
        };
        return context as AppLoadContext;
      },
    }),
  );

  const httpServer = http.createServer(app);
  const persistence = options.persistence ?? createPgPersistence(sql, log);
  const collab = createCollabServer({
    ...options.collab,
    sql,
    log,
    persistence,
    sessionSecret: options.sessionSecret,
    appOrigin: options.appOrigin,
  });
  httpServer.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) refuseUpgrade(socket, 404, "no websocket here");
  });
  // Read by the load context of each request, which only starts once the server listens.
  const documents = createPlanDocuments({ sql, log, collab, persistence });
  const stopTitleSync = syncPlanTitles(sql, collab, persistence, log);
  const access = watchAccess(sql, collab, log, { sweepIntervalMs: options.collab?.accessSweepMs });

  return {
    httpServer,
    collab,
    events,
    persistence,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          const shown = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve(new URL(`http://${shown}:${actual}`));
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Event streams never finish by themselves: end them, or closing would wait for the timeout.
      await events.close();
      httpServer.closeIdleConnections();
      const force = setTimeout(() => httpServer.closeAllConnections(), 5_000);
      await access.stop();
      stopTitleSync();
      await collab.close();
      if (!options.persistence) await persistence.close();
      await closed;
      clearTimeout(force);
      await vite?.close();
    },
  };
}
