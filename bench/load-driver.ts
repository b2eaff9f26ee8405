/** A tiny closed-loop HTTP load driver: N requests at concurrency C, latencies in milliseconds. */

/** What one measured batch produced. */
export interface BatchResult {
  latenciesMs: number[];
  elapsedMs: number;
}

/** Sends `count` GET requests with `concurrency` in flight; throws on any non-2xx answer. */
export async function runBatch(url: string, headers: Record<string, string>, count: number, concurrency: number): Promise<BatchResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next += 1;
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (!res.ok) {
        throw new Error(`${url} answered ${res.status}`);
      }
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latenciesMs, elapsedMs: performance.now() - started };
}

/** The q-quantile (0–1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
