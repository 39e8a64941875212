import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON log lines on stdout; one logger per server, child loggers per concern. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "accord" } });
}
