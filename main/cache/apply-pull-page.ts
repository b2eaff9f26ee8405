/** Applies one pull page to the cache: upserts, removals with their cascade and the cursor in one transaction. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { deleteDocumentFiles } from './document-files.ts';
import { checkpointWal, mergeSearchIndexes } from './erase-traces.ts';
import { removeRecords } from './remove-records.ts';
import { upsertChanges } from './upsert-change.ts';

/** What applying a page did. */
export interface AppliedPullPage {
  upserted: number;
  /** Rows deleted, cascades included. */
  removed: number;
  documentFilesDeleted: number;
  /** After a page with removals: whether the WAL was checkpointed and truncated; null when there were none. */
  walTruncated: boolean | null;
}

/**
 * All or nothing: every change, every removal (cascading as `SyncRemovalSchema` says), the FTS merge
 * and the cursor commit together, so a crash replays the page from the old cursor. Removals run after
 * the upserts, so if a page ever held both for one record the record goes (the safe side). After the
 * commit, removed documents' files are deleted and the WAL is truncated so removed content leaves it.
 */
export async function applyPullPage(db: Kysely<CacheDatabase>, page: PullResponse, cacheDir: string): Promise<AppliedPullPage> {
  const outcome = await db.transaction().execute(async (trx) => {
    await upsertChanges(trx, page.changes);
    const removed = await removeRecords(trx, page.removals);
    await mergeSearchIndexes(trx, removed.searchIndexes);
    await trx.insertInto('meta').values({ key: 'cursor', value: page.cursor })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: page.cursor })).execute();
    return removed;
  });
  const applied: AppliedPullPage = { upserted: page.changes.length, removed: outcome.rowsDeleted, documentFilesDeleted: 0, walTruncated: null };
  if (page.removals.length > 0) {
    await deleteDocumentFiles(cacheDir, outcome.documentIds);
    applied.documentFilesDeleted = outcome.documentIds.length;
    applied.walTruncated = await checkpointWal(db);
  }
  return applied;
}
