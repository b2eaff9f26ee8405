/**
 * The UI benchmark's world: the bulk world (bench/bulk-world.ts) with every case owned by the
 * benchmark user's agency, so all `total` cases are in one practitioner's queue, and a real password
 * for that user so the app can sign in through the sign-in screen. Cached on disk like the server
 * benchmark's world, keyed by both sources, the migrations and the size.
 */
import { readFileSync } from 'node:fs';
import { CASE_TYPE_LABELS } from '../../domain/vocabulary.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { loadBenchWorld } from '../bulk-world.ts';
import { cachedWorldCopy, migrationKey, type CachedWorldCopy } from '../world-file-cache.ts';

/** Synthetic credentials for a synthetic world. */
export const UI_BENCH_PASSWORD = 'bench-ui-password-1';

/** What the benchmark needs to know about its world. */
export interface UiWorld {
  username: string;
  total: number;
}

/** Returns a fresh copy of the cached world in `workDir`, building the cache first when needed. */
export async function uiWorldCopy(total: number, workDir: string): Promise<CachedWorldCopy<UiWorld>> {
  const sources = ['../bulk-world.ts', './ui-world.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'));
  return cachedWorldCopy([...sources, migrationKey(), String(total)], workDir, async (db) => {
    await loadBenchWorld(db, total, total);
    await db.updateTable('users').set({ password_hash: await hashPassword(UI_BENCH_PASSWORD) }).where('username', '=', 'bench0').execute();
    return { username: 'bench0', total };
  });
}

/** The world's case n as the queue shows it: bulk-world.ts names them so. */
export const benchReference = (n: number): string => `BN-${n}`;
export const benchTitle = (n: number): string => `Benchmark case ${n}`;
const AGENCY_NAME = 'bench agency 0';
const TYPE_LABEL = CASE_TYPE_LABELS.asb.toLowerCase();

/**
 * How many of the world's cases the queue's text filter keeps for `filter`: the reference or title
 * containing it, or the owning agency's name or the case type's label containing it, ignoring case
 * (main/cache/queue-query.ts).
 */
export function expectedMatches(total: number, filter: string): number {
  const needle = filter.trim().toLowerCase();
  if (AGENCY_NAME.includes(needle) || TYPE_LABEL.includes(needle)) {
    return total;
  }
  let count = 0;
  for (let n = 0; n < total; n += 1) {
    if (benchReference(n).toLowerCase().includes(needle) || benchTitle(n).toLowerCase().includes(needle)) {
      count += 1;
    }
  }
  return count;
}
