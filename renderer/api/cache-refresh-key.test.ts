import { describe, expect, it } from 'vitest';
import { buildSyncStatus } from '../test-support/factories.ts';
import { cacheRefreshKey } from './cache-refresh-key.ts';

describe('cacheRefreshKey', () => {
  const synced = buildSyncStatus({ lastSuccessAt: '2026-11-25T09:05:00Z', upToDate: true });

  it('moves when a sync finishes, a change is queued, a conflict is resolved or a refusal dismissed', () => {
    const key = cacheRefreshKey(synced);
    for (const next of [
      { lastSuccessAt: '2026-11-25T09:06:00Z' }, { pendingChanges: 1 }, { conflictCount: 1 }, { rejectedCount: 1 },
    ]) {
      expect(cacheRefreshKey({ ...synced, ...next })).not.toBe(key);
    }
  });

  it('stays put while a sync only moves through its phases', () => {
    const key = cacheRefreshKey(synced);
    expect(cacheRefreshKey({ ...synced, phase: 'pushing', upToDate: false })).toBe(key);
    expect(cacheRefreshKey({ ...synced, phase: 'pulling', upToDate: false })).toBe(key);
    expect(cacheRefreshKey({ ...synced, connection: 'offline', upToDate: false })).toBe(key);
  });
});
