/** Latency statistics shared by the cache benchmarks (the server benchmark uses autocannon in its own process). */

/** The q-quantile (0–1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
