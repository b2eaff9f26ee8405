/** How long the sync engine and the poke socket wait before trying again: exponential backoff with jitter. */

/** Backoff tuning. */
export interface Backoff {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults: 1 s, doubling, capped at 2 minutes. */
export const DEFAULT_BACKOFF: Backoff = { baseDelayMs: 1_000, maxDelayMs: 120_000 };

/**
 * "Equal jitter": half the exponential step plus a random half, so retries never bunch at zero
 * and desktops that lost the network together do not come back together. `failures` counts from 1.
 */
export function retryDelayMs(failures: number, backoff: Backoff, random: () => number): number {
  const step = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(step / 2 + random() * (step / 2));
}
