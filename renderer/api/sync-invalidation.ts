/** The one listener that turns sync-status changes into fresh data on every screen that reads the offline copy. */
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ChannelName } from '../../domain/ipc/contract.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { cacheRefreshKey } from './cache-refresh-key.ts';

/**
 * Channels whose answers do not come from the offline copy, so a sync does not change them: the
 * server's notifications (read online, refreshed by "Try again"), the preferences, the sync status itself,
 * who a task may be given to (asked of the server when the form opens), and the server's person search
 * (an audited search the user runs: a sync must not run it again, nor replace the results — and a
 * "Request access" dialog open on one of them — while the user works).
 */
const NOT_FROM_CACHE: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'notifications.list', 'preferences.get', 'sync.status', 'session.state', 'tasks.assignees', 'persons.searchOnline',
]);

/** True for a query whose answer may change when the offline copy changes. */
export function readsOfflineCopy(query: Pick<Query, 'queryKey'>): boolean {
  const channel = query.queryKey[0];
  return typeof channel === 'string' && !NOT_FROM_CACHE.has(channel as ChannelName);
}

/**
 * Marks every offline-copy query stale whenever the cache may have changed (see cacheRefreshKey):
 * mounted screens read again, keeping what they show until the answer comes.
 */
export function useSyncInvalidation(status: SyncStatus | null): void {
  const queryClient = useQueryClient();
  const key = cacheRefreshKey(status);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) {
      return;
    }
    previous.current = key;
    void queryClient.invalidateQueries({ predicate: readsOfflineCopy });
  }, [queryClient, key]);
}
