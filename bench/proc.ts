import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * What Linux says about a process in /proc: resident memory and CPU time.
 * The bench reads the servers from outside, so nothing in them has to change
 * to be measured.
 */

const CLOCK_TICKS = readConf("CLK_TCK", 100);
const PAGE_BYTES = readConf("PAGESIZE", 4096);

function readConf(name: string, fallback: number): number {
  try {
    const value = Number(execFileSync("getconf", [name], { encoding: "utf8" }).trim());
    return Number.isFinite(value) && value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Field 3 (state) starts after the last ')': the name in parentheses may contain anything.
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** User + system CPU time the process has used so far, in microseconds (10 ms resolution). */
export function cpuMicros(pid: number): number {
  const f = statFields(pid);
  if (!f) return 0;
  // Fields 14 and 15 of stat are utime and stime; f[0] is field 3.
  return ((Number(f[11]) + Number(f[12])) * 1e6) / CLOCK_TICKS;
}

/** CPU time of a process and of its children, live (utime+stime) and reaped (cutime+cstime). */
export function treeCpuMicros(pid: number): number {
  const own = statFields(pid);
  if (!own) return 0;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const child of childrenOf(pid)) {
    const f = statFields(child);
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1e6) / CLOCK_TICKS;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === pid) children.push(Number(entry));
  }
  return children;
}

/** Resident set size in bytes (0 when the process is gone). */
export function rssBytes(pid: number): number {
  try {
    const [, resident] = readFileSync(`/proc/${pid}/statm`, "utf8").split(" ");
    return Number(resident) * PAGE_BYTES;
  } catch {
    return 0;
  }
}
