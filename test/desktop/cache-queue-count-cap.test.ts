import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../domain/entities.ts';
import type { QueueSort } from '../../domain/ipc/case-channels.ts';
import type { CaseStatus } from '../../domain/vocabulary.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { QUEUE_COUNT_CAP } from '../../main/cache/queue-query.ts';
import { defaultCaseTypeChanges, openTestCache, page, syncCase } from './cache-test-kit.ts';

const hour = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();

describe('the queue text filter counts to 1,000 matches, or to the end of the page asked for', () => {
  let dir: string;
  let cache: CaseCache;
  // 2,400 cases with "lane" in the title: 1,000 of them "kiosk", one in four closed; a few that never match.
  const crowd = Array.from({ length: 2400 }, (_, i) => syncCase({
    reference: `CR-${String(i).padStart(5, '0')}`, title: `Crowd lane ${i < 1000 ? 'kiosk' : 'stall'} ${i}`, status: i % 4 === 0 ? 'closed' : 'open',
    updatedAt: hour(Math.floor(i / 3)),
  }));
  const cases: CaseRecord[] = [...crowd, ...Array.from({ length: 30 }, (_, i) => syncCase({ reference: `QT-${i}`, title: 'Quiet street', updatedAt: hour(i) }))];

  // What the filter shows, computed in JS: the matches in the asked order, and the exact total.
  function expected(needle: string, { limit = 100, offset = 0, status, sort }: { limit?: number; offset?: number; status?: CaseStatus; sort?: QueueSort } = {}) {
    const hit = (c: CaseRecord) => (c.reference + '\n' + c.title).toLowerCase().includes(needle) && (status === undefined || c.status === status);
    const byUpdated = (a: CaseRecord, b: CaseRecord) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1);
    const byReference = (a: CaseRecord, b: CaseRecord) => (a.reference < b.reference ? 1 : -1);
    const sorted = cases.filter(hit).sort(sort === 'reference' ? byReference : byUpdated);
    return { all: sorted.length, ids: sorted.slice(offset, offset + limit).map((c) => c.id) };
  }
  async function actual(filter: string, q: { limit?: number; offset?: number; status?: CaseStatus; sort?: QueueSort } = {}) {
    const { limit = 100, offset = 0, status, sort } = q;
    const result = await cache.queue({ filter, limit, offset, status, ...(sort ? { sort, direction: 'desc' as const } : {}) });
    return { total: result.total, totalCapped: result.totalCapped, ids: result.rows.map((r) => r.id) };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-queue-cap-'));
    ({ cache } = await openTestCache(dir));
    await cache.applyPullPage(page([...defaultCaseTypeChanges(), ...cases.map((data) => ({ entity: 'case' as const, data }))]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says "more than 1,000" past the cap, with the same rows as an exact count would give', async () => {
    expect(QUEUE_COUNT_CAP).toBe(1000);
    expect(expected('lane').all).toBe(2400);
    for (const filter of ['lane', 'LANE', 'ane', 'la', 'w']) {
      expect(await actual(filter), filter).toEqual({ total: 1000, totalCapped: true, ids: expected(filter.toLowerCase()).ids });
    }
    // A later page, and another sort (which fetches the matches by rowid and sorts them).
    expect(await actual('lane', { offset: 500 })).toEqual({ total: 1000, totalCapped: true, ids: expected('lane', { offset: 500 }).ids });
    expect(await actual('lane', { sort: 'reference' })).toEqual({ total: 1000, totalCapped: true, ids: expected('lane', { sort: 'reference' }).ids });
  });

  it('counts exactly up to the cap, and below it', async () => {
    expect(expected('kiosk').all).toBe(1000);
    expect(await actual('kiosk')).toEqual({ total: 1000, totalCapped: false, ids: expected('kiosk').ids });
    expect(await actual('stall', { offset: 1300 })).toEqual({ total: 1400, totalCapped: false, ids: expected('stall', { offset: 1300 }).ids });
    expect(await actual('quiet')).toEqual({ total: 30, totalCapped: false, ids: expected('quiet').ids });
    expect(await actual('nothing like it')).toEqual({ total: 0, totalCapped: false, ids: [] });
  });

  it('moves the cap to the end of a page past 1,000, and is exact on the last page', async () => {
    expect(await actual('lane', { offset: 1000 })).toEqual({ total: 1100, totalCapped: true, ids: expected('lane', { offset: 1000 }).ids });
    expect(await actual('lane', { offset: 2300 })).toEqual({ total: 2400, totalCapped: false, ids: expected('lane', { offset: 2300 }).ids });
    expect(await actual('la', { offset: 2350 })).toEqual({ total: 2400, totalCapped: false, ids: expected('la', { offset: 2350 }).ids });
  });

  it('caps the count of a filter combined with a status, and is exact under it', async () => {
    expect(expected('lane', { status: 'open' }).all).toBe(1800);
    expect(await actual('lane', { status: 'open' })).toEqual({ total: 1000, totalCapped: true, ids: expected('lane', { status: 'open' }).ids });
    expect(await actual('lane', { status: 'closed', offset: 550 })).toEqual({ total: 600, totalCapped: false, ids: expected('lane', { status: 'closed', offset: 550 }).ids });
  });

  it('counts the whole queue and a tab without a text filter exactly', async () => {
    expect(await actual('')).toMatchObject({ total: 2430, totalCapped: false });
    expect(await actual('', { status: 'open' })).toMatchObject({ total: 1830, totalCapped: false });
  });
});
