import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { distribution, type Distribution } from "./stats";

/**
 * How long the disk under `dir` takes to make an 8 KiB write durable
 * (write + fdatasync, what a PostgreSQL commit waits for): the floor under
 * every commit latency, worth knowing when reading them.
 */
export function probeSync(dir: string, count = 100): Distribution {
  const file = path.join(dir, "sync-probe.bin");
  const fd = openSync(file, "w");
  const block = Buffer.alloc(8192, 7);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      writeSync(fd, block, 0, block.length, (i % 16) * block.length);
      fdatasyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return distribution(times);
}
