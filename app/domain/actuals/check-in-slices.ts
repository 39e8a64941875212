import { ActualsCsvCheck, type ActualsCsvContext, type CsvCheckProgress } from "./actuals-csv";

/**
 * Checking a large CSV file without holding up everything else: a browser
 * tab must keep painting and answering clicks while it previews a
 * 50,000-row file, and the server must keep serving other requests and
 * websockets while it checks an import. The file is read and checked a
 * slice of records at a time, handing control back between slices.
 */

/** Records per slice: a few milliseconds of work on a 2020s laptop or server. */
export const CHECK_SLICE = 2000;

export interface CheckInSlicesOptions {
  /** Records per slice; CHECK_SLICE by default. */
  slice?: number;
  /** Keep this many records after the header as written (ActualsCsvCheck.sample). */
  sample?: number;
  /**
   * Hands control back between slices. The default waits for a timer (a
   * browser renders in between); the server passes `setImmediate`, which
   * lets pending I/O run first without a timer's delay.
   */
  pause?: () => Promise<void>;
  /** Told after every slice, `done` never going back, and once more at the end. */
  onProgress?: (progress: CsvCheckProgress) => void;
  /** Stops the check between slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

const nextTimer = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Checks the whole file slice by slice; the answers are those of `validateActualsCsv`. */
export async function checkActualsCsvInSlices(
  text: string,
  context: ActualsCsvContext,
  options: CheckInSlicesOptions = {},
): Promise<ActualsCsvCheck> {
  const check = new ActualsCsvCheck(text, context, { sample: options.sample });
  const slice = Math.max(1, options.slice ?? CHECK_SLICE);
  const pause = options.pause ?? nextTimer;
  for (;;) {
    options.signal?.throwIfAborted();
    const finished = check.step(slice);
    options.onProgress?.(finished ? { ...check.progress, done: check.progress.total } : check.progress);
    if (finished) return check;
    await pause();
  }
}
