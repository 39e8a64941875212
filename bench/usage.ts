import { performance } from "node:perf_hooks";
import { now } from "./clock";
import { cpuMicros } from "./proc";
import type { Target } from "./servers/target";

/** CPU spent over a stretch of a run: the server, its helpers (PostgreSQL), and the bench's own client thread. */
export interface Usage {
  wallMs: number;
  serverCpuMs: number;
  helperCpuMs: number;
  /** Share of the wall time the client event loop was busy (1 = the clients were the bottleneck). */
  clientLoopBusy: number;
  clientCpuMs: number;
}

/** Starts counting; call the result to read what was used since. */
export function startUsage(target: Target): () => Usage {
  const wall = now();
  const server = cpuMicros(target.pid);
  const helper = target.helperCpuMicros();
  const loop = performance.eventLoopUtilization();
  const client = process.cpuUsage();
  return () => {
    const cpu = process.cpuUsage(client);
    return {
      wallMs: now() - wall,
      serverCpuMs: (cpuMicros(target.pid) - server) / 1000,
      helperCpuMs: (target.helperCpuMicros() - helper) / 1000,
      clientLoopBusy: performance.eventLoopUtilization(loop).utilization,
      clientCpuMs: (cpu.user + cpu.system) / 1000,
    };
  };
}
