import { spawn, type ChildProcess } from "node:child_process";

/** A server the bench started as its own process, so /proc can measure it alone. */
export interface ServerProcess {
  pid: number;
  /** Everything it printed so far (stdout and stderr), capped at the last ~1 MB. */
  output: () => string;
  /** Calls `listener` with each complete line it prints from now on. */
  onLine: (listener: (line: string) => void) => () => void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>;
}

const live = new Set<ChildProcess>();
let hooked = false;

/** Whatever happens to the bench, its servers die with it. */
function killAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

/**
 * Spawns `node <args>` with `env` and waits until a printed line matches
 * `ready`; resolves with the match. Fails (and kills the child) if it exits
 * first or takes longer than `timeoutMs`.
 */
export async function startServerProcess(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  ready: RegExp;
  timeoutMs?: number;
}): Promise<{ server: ServerProcess; match: RegExpExecArray }> {
  killAllOnExit();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => live.delete(child));

  let output = "";
  const listeners = new Set<(line: string) => void>();
  const partial = { stdout: "", stderr: "" };
  const read = (stream: "stdout" | "stderr") => (chunk: string) => {
    output += chunk;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    const text = partial[stream] + chunk;
    const lines = text.split("\n");
    partial[stream] = lines.pop() ?? "";
    for (const line of lines) for (const listener of listeners) listener(line);
  };
  child.stdout!.setEncoding("utf8").on("data", read("stdout"));
  child.stderr!.setEncoding("utf8").on("data", read("stderr"));

  const timeoutMs = options.timeoutMs ?? 120_000;
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const check = () => {
      const found = options.ready.exec(output);
      if (found) done(() => resolve(found));
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (code ${code}, signal ${signal})`);
    function done(then: () => void) {
      clearTimeout(timer);
      listeners.delete(check);
      child.off("exit", onExit);
      then();
    }
    function fail(why: string) {
      done(() => {
        child.kill("SIGKILL");
        reject(new Error(`${options.name} ${why}:\n${output.slice(-4000)}`));
      });
    }
    listeners.add(check);
    child.on("exit", onExit);
    check();
  });

  const server: ServerProcess = {
    pid: child.pid!,
    output: () => output,
    onLine: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async (graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  return { server, match };
}
