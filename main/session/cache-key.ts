/** The cache key: 256 random bits, kept only in the SecretStore. */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { cacheDirFor } from '../cache/document-files.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { cacheFiles, type CacheLocation } from './cache-location.ts';

/**
 * Returns the key for a cache, creating one if there is none. A cache file without a key can
 * never be read again, so it is removed and the cache is rebuilt from the server.
 */
export async function obtainCacheKey(secrets: SecretStore, location: CacheLocation): Promise<string> {
  const existing = await readCacheKey(secrets, location);
  if (existing !== null) {
    return existing;
  }
  if (existsSync(location.file)) {
    removeCacheFiles(location.file);
  }
  const key = randomBytes(32).toString('hex');
  await secrets.set(location.keyAccount, key);
  return key;
}

/** The stored key of a cache, or null when there is none or it is not a 256-bit hex key; never creates one. */
export async function readCacheKey(secrets: SecretStore, location: CacheLocation): Promise<string | null> {
  const existing = await secrets.get(location.keyAccount);
  return existing !== null && /^[0-9a-f]{64}$/.test(existing) ? existing : null;
}

/** Deletes a cache's files from disk: the database, its WAL and shared memory, and its folder of documents. */
export function removeCacheFiles(file: string): void {
  for (const f of cacheFiles(file)) {
    rmSync(f, { force: true });
  }
  // The cache's own folder holds its sealed document files; they go with it.
  rmSync(cacheDirFor(file), { recursive: true, force: true });
}
