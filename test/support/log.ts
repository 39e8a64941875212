import { createLogger, type Logger } from "../../server/logger";

/**
 * The logger handed to servers started by tests: silent unless
 * TEST_LOG_LEVEL asks otherwise (e.g. `TEST_LOG_LEVEL=debug npx vitest run`),
 * because pino writes straight to stdout, past the test runner's capture.
 */
export function testLogger(): Logger {
  return createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
}
