// Entry of an observer worker thread: Node 20 does not give workers the
// parent's `--import tsx`, so register tsx here, then load the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./observer-worker.ts");
