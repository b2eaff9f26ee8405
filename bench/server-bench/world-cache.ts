/**
 * The server benchmark's SQLite world, built once and kept in the temp directory, keyed by the
 * world's source, the migration list and the case count; each run works on a fresh copy of it.
 */
import { readFileSync } from 'node:fs';
import { cachedWorldCopy, migrationKey, type CachedWorldCopy } from '../world-file-cache.ts';
import { loadSharingWorld, type SharingWorld } from '../sharing-world.ts';

/** A working copy of the world, and where the cached original lives. */
export type WorldCopy = CachedWorldCopy<SharingWorld>;

/** Returns a fresh copy of the cached world in `workDir`, building the cache first when needed. */
export async function worldCopy(total: number, workDir: string): Promise<WorldCopy> {
  const source = readFileSync(new URL('../sharing-world.ts', import.meta.url), 'utf8');
  return cachedWorldCopy([source, migrationKey(), String(total)], workDir, (db) => loadSharingWorld(db, total));
}
