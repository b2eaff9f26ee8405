/** The desktop's encrypted cache of what the signed-in user may see. */
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import { applyPullPage, type AppliedPullPage } from './apply-pull-page.ts';
import { createBootstrapStore, type BootstrapStore } from './bootstrap-staging.ts';
import { queryCaseDetail } from './case-detail-query.ts';
import { clearMirror } from './clear-mirror.ts';
import { searchCases, type CaseSearchResult } from './case-search-query.ts';
import { documentsDir, sweepOrphanDocumentFiles } from './document-files.ts';
import { checkpointWal } from './erase-traces.ts';
import { migrateCache } from './migrate-cache.ts';
import { searchPersons, type PersonSearchResult } from './person-search-query.ts';
import { queryQueue, type QueueQuery } from './queue-query.ts';
import { openCache } from '../cache-worker/open-cache.ts';
import { createSessionMetaStore, type SessionMetaStore } from '../session/session-meta.ts';
import { createSyncStore, type SyncStore } from '../sync/sync-store.ts';

/** Reads and writes of the cache; async so the store can move behind a worker without callers changing. */
export interface CaseCache {
  /** The last applied pull cursor, or null before the first sync. */
  cursor(): Promise<string | null>;
  /** Applies one pull page and its cursor in one transaction, then erases what it removed. */
  applyPullPage(page: PullResponse): Promise<AppliedPullPage>;
  /** A page of the case queue. */
  queue(query: QueueQuery): Promise<QueuePage>;
  /** One case with its subjects, active markers, open tasks and reports; `not_found` when not cached. */
  caseDetail(caseId: string): Promise<CaseDetailView>;
  /** Name search over cached persons (prefix, bounded ranking). */
  searchPersons(text: string, limit?: number): Promise<PersonSearchResult>;
  /** Text search over case references, titles and report text. */
  searchCases(text: string, limit?: number): Promise<CaseSearchResult>;
  /** The bootstrap: pages staged until complete, then swapped in for the whole mirror at once. */
  bootstrap: BootstrapStore;
  /** Deletes every cached row, staged bootstrap page, stored document and the cursor. */
  wipe(): Promise<void>;
  /** How many cases are cached. */
  caseCount(): Promise<number>;
  /** The outbox of local changes and their conflicts (kept across wipes). */
  outbox: SyncStore;
  /** The session's own `session.*` meta rows (device, verifier, lease), on this cache's connection. */
  sessionMeta: SessionMetaStore;
  /** Closes the database. */
  close(): Promise<void>;
}

/** The database handles a cache works on: reads may go to a read-only connection. */
export interface CacheDbHandles {
  read: Kysely<CacheDatabase>;
  write: Kysely<CacheDatabase>;
  close(): Promise<void>;
}

// The session's own meta keys survive a wipe (the outbox and conflicts are not mirror tables either).
const KEPT_META_PREFIX = 'session.';

/** Opens the encrypted cache file and brings its schema up to date. */
export async function openCaseCache(args: { file: string; keyHex: string; nativeBinding?: string }): Promise<CaseCache> {
  // All SQL runs in the cache worker thread, never on the (Electron) main thread.
  const handles = await openCache(args);
  return createCaseCache(handles, dirname(args.file));
}

/**
 * The cache over an already opened database (any dialect: the worker's, or a plain one in tests);
 * migrates it and sweeps stored document files orphaned by a crash. Closes the handles if that fails.
 */
export async function createCaseCache(handles: Kysely<CacheDatabase> | CacheDbHandles, cacheDir: string): Promise<CaseCache> {
  const { read, write: db } = handles instanceof Kysely ? { read: handles, write: handles } : handles;
  const close = handles instanceof Kysely ? () => handles.destroy() : () => handles.close();
  try {
    await migrateCache(db);
    await sweepOrphanDocumentFiles(cacheDir, async (ids) => {
      const rows = ids.length === 0 ? [] : await db.selectFrom('documents').select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async cursor() {
      const row = await db.selectFrom('meta').select('value').where('key', '=', 'cursor').executeTakeFirst();
      return row?.value ?? null;
    },
    applyPullPage: (page) => applyPullPage(db, page, cacheDir),
    queue: (query) => queryQueue(read, query),
    caseDetail: (caseId) => queryCaseDetail(read, caseId, new Date()),
    searchPersons: (text, limit) => searchPersons(read, text, limit),
    searchCases: (text, limit) => searchCases(read, text, limit),
    bootstrap: createBootstrapStore(db, cacheDir),
    async wipe() {
      await db.transaction().execute(async (trx) => {
        await clearMirror(trx);
        await trx.deleteFrom('bootstrap_staged').execute();
        await trx.deleteFrom('meta').where('key', 'not like', `${KEPT_META_PREFIX}%`).execute();
      });
      await rm(documentsDir(cacheDir), { recursive: true, force: true });
      await checkpointWal(db);
    },
    async caseCount() {
      const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    outbox: createSyncStore(db, () => new Date()),
    sessionMeta: createSessionMetaStore(db),
    close,
  };
}
