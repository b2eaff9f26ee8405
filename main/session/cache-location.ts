/** Where a user's cache lives and what its keychain entries are called. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The files and keychain accounts of one (server, user) cache. */
export interface CacheLocation {
  file: string;
  keyAccount: string;
  refreshTokenAccount: string;
}

/** One cache per (OS user — the data dir is per OS user —, server, Casebridge user). */
export function cacheLocation(dataDir: string, serverUrl: string, userId: string): CacheLocation {
  const id = createHash('sha256').update(`${serverUrl}\n${userId}`).digest('hex').slice(0, 32);
  return {
    file: join(dataDir, 'caches', `${id}.cbcache`),
    keyAccount: `cache-key:${id}`,
    refreshTokenAccount: `refresh-token:${id}`,
  };
}

/** The SQLite files that make up one cache (main file, WAL, shared memory). */
export function cacheFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}
