/** The cache as the signed-in session holds it: the mirror (main/cache) plus this folder's outbox, on one connection. */
import { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { createCaseCache, type CacheDbHandles, type CaseCache } from '../cache/case-cache.ts';
import { cacheDirFor } from '../cache/document-files.ts';
import { openCache } from '../cache-worker/open-cache.ts';
import { createSyncStore, type SyncStore } from './sync-store.ts';

/** The cache with its outbox. */
export interface SyncedCache extends CaseCache {
  /** The outbox of local changes and their conflicts (never part of the mirror: kept across a bootstrap). */
  outbox: SyncStore;
}

/** Opens the encrypted cache file, brings its schema up to date and adds the outbox. */
export async function openSyncedCache(args: { file: string; keyHex: string; nativeBinding?: string }): Promise<SyncedCache> {
  // All SQL runs in the cache worker thread, never on the (Electron) main thread.
  const handles = await openCache(args);
  return createSyncedCache(handles, cacheDirFor(args.file), args.keyHex);
}

/** `createCaseCache` (migrated, orphan files swept, handles closed if that fails) with the outbox on its write connection. */
export async function createSyncedCache(handles: Kysely<CacheDatabase> | CacheDbHandles, cacheDir: string, keyHex?: string): Promise<SyncedCache> {
  const cache = await createCaseCache(handles, cacheDir, keyHex);
  const db = handles instanceof Kysely ? handles : handles.write;
  return { ...cache, outbox: createSyncStore(db, () => new Date()) };
}
