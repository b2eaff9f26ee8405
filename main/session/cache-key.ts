/** The cache key: 256 random bits, kept only in the SecretStore. */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { SecretStore } from '../secrets/secret-store.ts';
import { cacheFiles, type CacheLocation } from './cache-location.ts';

/**
 * Returns the key for a cache, creating one if there is none. A cache file without a key can
 * never be read again, so it is removed and the cache is rebuilt from the server.
 */
export async function obtainCacheKey(secrets: SecretStore, location: CacheLocation): Promise<string> {
  const existing = await secrets.get(location.keyAccount);
  if (existing !== null && /^[0-9a-f]{64}$/.test(existing)) {
    return existing;
  }
  if (existsSync(location.file)) {
    removeCacheFiles(location.file);
  }
  const key = randomBytes(32).toString('hex');
  await secrets.set(location.keyAccount, key);
  return key;
}

/** Deletes a cache's files from disk. */
export function removeCacheFiles(file: string): void {
  for (const f of cacheFiles(file)) {
    rmSync(f, { force: true });
  }
}
