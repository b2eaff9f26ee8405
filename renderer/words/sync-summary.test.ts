import { describe, expect, it } from 'vitest';
import { buildSyncStatus } from '../test-support/factories.ts';
import { errorMessage } from './error-messages.ts';
import { summariseSync } from './sync-summary.ts';

const context = { timeZone: 'UTC', now: new Date('2026-11-25T12:00:00Z') };

describe('summariseSync', () => {
  it('says up to date with the time of the last sync when idle after a success', () => {
    const status = buildSyncStatus({ lastSuccessAt: '2026-11-25T09:05:00Z', upToDate: true });
    expect(summariseSync(status, context)).toEqual({ text: 'Up to date · last synced 09:05', tone: 'ok' });
  });

  it('does not say up to date when the core does not, even after a success', () => {
    const status = buildSyncStatus({ lastSuccessAt: '2026-11-25T09:05:00Z', upToDate: false });
    expect(summariseSync(status, context)).toEqual({ text: 'Last synced 09:05', tone: 'warning' });
  });

  it('says sending while pushing the outbox', () => {
    expect(summariseSync(buildSyncStatus({ phase: 'pushing' }), context)).toEqual({ text: 'Sending changes…', tone: 'busy' });
  });

  it('names refused changes and conflicts to resolve', () => {
    const status = buildSyncStatus({ lastSuccessAt: '2026-11-25T09:05:00Z', rejectedCount: 1, conflictCount: 2 });
    expect(summariseSync(status, context)).toEqual({ text: 'Last synced 09:05 · 1 change refused · 2 conflicts to resolve', tone: 'warning' });
  });

  it('never says up to date before the first successful sync', () => {
    expect(summariseSync(buildSyncStatus(), context).text).toBe('Not synced yet');
  });

  it('says offline even when the last sync succeeded', () => {
    const status = buildSyncStatus({ connection: 'offline', lastSuccessAt: '2026-11-25T09:05:00Z' });
    expect(summariseSync(status, context)).toEqual({ text: 'Offline · last synced 09:05', tone: 'warning' });
  });

  it('says the offline copy is downloading during a bootstrap, not that it is synced', () => {
    expect(summariseSync(buildSyncStatus({ phase: 'bootstrapping' }), context)).toEqual({ text: 'Downloading your offline copy…', tone: 'busy' });
  });

  it('says syncing while pulling', () => {
    expect(summariseSync(buildSyncStatus({ phase: 'pulling' }), context).text).toBe('Syncing…');
  });

  it('explains a sync error by its code', () => {
    const status = buildSyncStatus({ phase: 'error', lastError: { code: 'server_unavailable', message: 'HTTP 503' } });
    expect(summariseSync(status, context)).toEqual({
      text: `Sync error: ${errorMessage('server_unavailable')}`,
      tone: 'error',
    });
  });

  it('adds the number of changes waiting to be sent', () => {
    const one = buildSyncStatus({ lastSuccessAt: '2026-11-25T09:05:00Z', pendingChanges: 1 });
    const three = buildSyncStatus({ connection: 'offline', pendingChanges: 3 });
    expect(summariseSync(one, context)).toEqual({ text: 'Last synced 09:05 · 1 change waiting', tone: 'warning' });
    expect(summariseSync(three, context).text).toBe('Offline · 3 changes waiting');
  });

  it('names the day when the last sync was not today', () => {
    const status = buildSyncStatus({ lastSuccessAt: '2026-11-23T17:40:00Z', upToDate: true });
    expect(summariseSync(status, context).text).toBe('Up to date · last synced 23 Nov, 17:40');
  });
});
