/**
 * A collaboration server under test, as the scenarios see it: where to
 * connect, how to get plans and credentials, and its process for /proc.
 */
export interface Target {
  kind: "accord" | "reference";
  /** Shown in the table. */
  label: string;
  pid: number;
  /** `ws://127.0.0.1:PORT/collab`: the provider's serverUrl; it appends `/<planId>`. */
  collabUrl: string;
  /** Fresh plans (documents) nobody has opened yet. */
  newPlans: (count: number) => Promise<string[]>;
  /** Query parameters of one new connection to the plan (a fresh `?token=` for Accord). */
  params: (planId: string) => Record<string, string>;
  /**
   * How long after its last client leaves a plan the server has let go of it
   * (Accord: 2 s grace, then a flush; the reference never lets go: 0).
   */
  unloadMs: number;
  /** CPU of processes that work for this server besides its own (Accord's PostgreSQL), µs. */
  helperCpuMicros: () => number;
  /** Calls `listener` with each line the server prints. */
  onLine: (listener: (line: string) => void) => () => void;
  stop: () => Promise<void>;
}
