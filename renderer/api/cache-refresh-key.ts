/** When screens that read the cache should read it again. */
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';

/**
 * Changes whenever cached data may have changed: a finished sync, a change queued or sent, a
 * conflict resolved or a refusal dismissed — not on every phase flip of a sync in progress.
 */
export function cacheRefreshKey(status: SyncStatus | null): string {
  if (!status) {
    return '';
  }
  return [status.lastSuccessAt ?? '', status.pendingChanges, status.conflictCount, status.rejectedCount, status.reviewCount].join('|');
}
