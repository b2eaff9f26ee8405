import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BootstrapResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import type { LocalRead } from '../../main/cache/audit-outbox.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { openTestCache, page, syncCase } from './cache-test-kit.ts';

const alice = newId();
const bob = newId();
const view = (caseId: string): LocalRead => ({ action: 'record.view', entityType: 'case', entityId: caseId, details: {} });
const search = (q: string, ids: string[]): LocalRead => ({
  action: 'record.search', entityType: 'person', entityId: null, details: { terms: { q, dateOfBirth: null }, returned: ids.map((id) => ({ id, view: 'full' as const })) },
});

describe('the audit outbox of the encrypted cache', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  async function open() {
    const dir = mkdtempSync(join(tmpdir(), 'cb-audit-outbox-'));
    dirs.push(dir);
    return { dir, ...(await openTestCache(dir)) };
  }

  it("hands out one user's reads in the order they happened, with ids and times, and forgets only what was acknowledged", async () => {
    const { cache } = await open();
    const first = newId();
    const before = new Date().toISOString();
    await cache.auditOutbox.record(alice, view(first));
    await cache.auditOutbox.record(bob, view(newId()));
    await cache.auditOutbox.record(alice, search('Quennell', [first]));
    const after = new Date().toISOString();

    const pending = await cache.auditOutbox.pending(alice, 10);
    expect(pending.map((e) => [e.action, e.entityType, e.entityId])).toEqual([['record.view', 'case', first], ['record.search', 'person', null]]);
    expect(pending[1]!.details).toEqual({ terms: { q: 'Quennell', dateOfBirth: null }, returned: [{ id: first, view: 'full' }] });
    expect(new Set(pending.map((e) => e.clientEventId)).size).toBe(2);
    expect(pending.every((e) => e.at >= before && e.at <= after)).toBe(true);
    expect((await cache.auditOutbox.pending(alice, 1)).map((e) => e.entityId)).toEqual([first]);

    expect(await cache.auditOutbox.acknowledge([pending[0]!.clientEventId, newId()])).toBe(1);
    expect(await cache.auditOutbox.acknowledge([])).toBe(0);
    expect((await cache.auditOutbox.pending(alice, 10)).map((e) => e.clientEventId)).toEqual([pending[1]!.clientEventId]);
    expect(await cache.auditOutbox.count()).toBe(2);
    await cache.close();
  });

  it('refuses to store a read that is not a valid report, and stores nothing', async () => {
    const { cache } = await open();
    await expect(cache.auditOutbox.record(alice, view('not-an-id'))).rejects.toThrow();
    await expect(cache.auditOutbox.record(alice, search('Quennell', Array.from({ length: 101 }, () => newId())))).rejects.toThrow();
    await expect(cache.auditOutbox.record(alice, { ...view(newId()), details: { note: 'free text' } } as unknown as LocalRead)).rejects.toThrow();
    expect(await cache.auditOutbox.count()).toBe(0);
    await cache.close();
  });

  it('keeps pending reads through a bootstrap swap and through pull pages that remove what was read', async () => {
    const { cache } = await open();
    const seen = syncCase({ title: 'Seen offline' });
    await cache.applyPullPage(page([{ entity: 'case', data: seen }]));
    await cache.auditOutbox.record(alice, view(seen.id));
    await cache.auditOutbox.record(alice, search('Featherstonehaugh', []));
    const pending = await cache.auditOutbox.pending(alice, 10);

    await cache.applyPullPage(page([], [{ entity: 'case', id: seen.id }]));
    const fresh: BootstrapResponse = { snapshot: '90', changes: [{ entity: 'case', data: syncCase(), seq: 90 }], next: null };
    await cache.bootstrap.stage(fresh);
    expect(await cache.bootstrap.swapIn()).toBe(1);
    expect(await cache.caseCount()).toBe(1);
    expect(await cache.auditOutbox.pending(alice, 10)).toEqual(pending);
    await cache.close();
  });

  it('keeps pending search terms out of the raw bytes of the cache files', async () => {
    const { cache, dir } = await open();
    const term = 'Zebedee Harrowgate';
    await cache.auditOutbox.record(alice, search(term, []));
    expect(await cache.auditOutbox.count()).toBe(1);
    expect(findInFiles(filesUnder(dir), [term])).toEqual([]);
    await cache.close();
  });
});
