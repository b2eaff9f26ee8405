/** The core's sync status, kept current from its events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import type { Result } from '../../domain/result.ts';
import { useDesktopApi } from './desktop-api-context.ts';

/** The latest sync status (null until known) and a "sync now" action. */
export interface SyncState {
  status: SyncStatus | null;
  syncNow: () => Promise<Result<SyncStatus>>;
}

/**
 * Subscribes to `sync.status` events and asks for the status once. An answer that arrives after
 * a newer event is ignored, so the indicator never steps back to an older state.
 */
export function useSyncStatus(): SyncState {
  const api = useDesktopApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const eventCount = useRef(0);

  useEffect(() => {
    let mounted = true;
    const unsubscribe = api.on('sync.status', (next) => {
      eventCount.current++;
      setStatus(next);
    });
    const countAtRequest = eventCount.current;
    void api['sync.status'](null).then((result) => {
      if (mounted && result.ok && eventCount.current === countAtRequest) {
        setStatus(result.value);
      }
    });
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [api]);

  const syncNow = useCallback(async () => {
    const countAtRequest = eventCount.current;
    const result = await api['sync.now'](null);
    if (result.ok && eventCount.current === countAtRequest) {
      setStatus(result.value);
    }
    return result;
  }, [api]);

  return { status, syncNow };
}
