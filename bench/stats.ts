/** Summaries of samples: the nearest-rank percentile, the same way for every figure. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function distribution(samples: readonly number[]): Distribution {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? samples.reduce((m, v) => (v > m ? v : m), -Infinity) : Number.NaN,
  };
}

/** Rounds for JSON: figures keep 3 significant decimals at most. */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A distribution as the raw JSON keeps it: count, p50, p95, p99 and max, rounded. */
export function rawDistribution(samples: readonly number[]) {
  const d = distribution(samples);
  return { n: d.n, p50: round(d.p50), p95: round(d.p95), p99: round(d.p99), max: round(d.max) };
}
