import net from "node:net";

/**
 * How the link fails:
 * - `reset`: every connection through the proxy is reset and new ones are
 *   refused with a reset, as when PostgreSQL crashes or restarts;
 * - `blackhole`: nothing moves and nobody is told, as in a network partition
 *   or a failover that leaves connections dangling. Bytes sent meanwhile are
 *   held, not lost, and flow again on restore (TCP retransmits them).
 */
export type CutMode = "reset" | "blackhole";

export interface TcpProxy {
  /** The port on 127.0.0.1 to connect to instead of the target. */
  port: number;
  /** Connections accepted so far (including refused ones). */
  readonly accepted: number;
  cut(mode?: CutMode): void;
  /**
   * Lets traffic through again: new connections are forwarded, and those cut
   * by a blackhole resume, unless `stranded` (a failover: connections made
   * before the cut stay silent forever while new ones reach the new server).
   */
  restore(options?: { stranded?: boolean }): void;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

/**
 * A TCP proxy on a random port of 127.0.0.1 that forwards to
 * `targetHost:targetPort` until told to cut the link, to test what a client
 * (the database pool, a websocket) does when its server goes away and comes
 * back, without touching the server shared by other tests.
 */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let state: "open" | CutMode = "open";
  let accepted = 0;
  const pairs = new Set<Pair>();
  /** Connections accepted during a blackhole, forwarded on restore. */
  const held = new Set<net.Socket>();

  function forward(client: net.Socket): void {
    const upstream = net.connect(targetPort, targetHost);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    if (state === "blackhole") return; // connected, but nothing flows until restore
    client.pipe(upstream);
    upstream.pipe(client);
  }

  const server = net.createServer((client) => {
    accepted++;
    client.setNoDelay(true);
    if (state === "reset") {
      client.resetAndDestroy();
      return;
    }
    if (state === "blackhole") {
      held.add(client);
      client.on("error", () => held.delete(client)).on("close", () => held.delete(client));
      client.pause();
      return;
    }
    forward(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    get accepted() {
      return accepted;
    },
    cut(mode = "reset") {
      state = mode;
      for (const { client, upstream } of pairs) {
        if (mode === "reset") {
          client.resetAndDestroy();
          upstream.destroy();
        } else {
          client.unpipe(upstream);
          upstream.unpipe(client);
          client.pause();
          upstream.pause();
        }
      }
    },
    restore({ stranded = false } = {}) {
      const was = state;
      state = "open";
      if (was === "blackhole" && !stranded) {
        for (const { client, upstream } of pairs) {
          client.pipe(upstream);
          upstream.pipe(client);
        }
      }
      for (const client of held) {
        held.delete(client);
        client.removeAllListeners("error").removeAllListeners("close");
        forward(client);
      }
    },
    async close() {
      for (const client of held) client.destroy();
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
