import { pino } from "pino";
import type { Logger } from "../../server/logger";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLog {
  log: Logger;
  lines: LogLine[];
  /** Lines with this message. */
  find(msg: string): LogLine[];
}

/** A real pino logger whose lines are kept in memory, to check what a component logs. */
export function captureLog(level = "debug"): CapturedLog {
  const lines: LogLine[] = [];
  const log = pino(
    { level, base: { app: "accord" } },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  return { log, lines, find: (msg) => lines.filter((line) => line.msg === msg) };
}
