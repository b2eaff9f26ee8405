/** Searching cached persons narrowed by a date of birth: exact dates and estimated years, filtered before the candidate caps and the page limit. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { PERSON_CANDIDATES } from '../../main/cache/person-search-query.ts';
import { openTestCache, page, syncPerson } from './cache-test-kit.ts';

describe('searching the cache by name and date of birth', () => {
  let dir: string;
  let cache: CaseCache;
  const people = {
    born: syncPerson({ givenName: 'Zephyrine', familyName: 'Harrowgate', dateOfBirth: '1985-06-15' }),
    estimated: syncPerson({ givenName: 'Zeno', familyName: 'Harrowgate', dateOfBirth: null, estimatedBirthYear: 1985 }),
    sameYear: syncPerson({ givenName: 'Zara', familyName: 'Harrowgate', dateOfBirth: '1985-07-01' }),
    otherEstimate: syncPerson({ givenName: 'Zia', familyName: 'Harrowgate', dateOfBirth: null, estimatedBirthYear: 1986 }),
    undated: syncPerson({ givenName: 'Zola', familyName: 'Harrowgate', dateOfBirth: null, estimatedBirthYear: null }),
  };
  // More namesakes than a candidate set holds, all ranked before the people above (given names sort first), none born in 1985.
  const crowd: Array<Omit<SyncChange, 'seq'>> = Array.from({ length: PERSON_CANDIDATES + 20 }, (_, i) => ({
    entity: 'person' as const, data: syncPerson({ givenName: `Abel${String(i).padStart(3, '0')}`, familyName: 'Harrowgate', dateOfBirth: '1990-01-01' }),
  }));
  const ids = (result: { hits: Array<{ id: string }> }) => result.hits.map((h) => h.id);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-search-birth-'));
    ({ cache } = await openTestCache(dir));
    await cache.applyPullPage(page([...Object.values(people).map((data) => ({ entity: 'person' as const, data })), ...crowd]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps people born that day and people estimated to be born that year, and no one else', async () => {
    const result = await cache.searchPersons('harrowgate', 50, '1985-06-15');
    expect(ids(result).sort()).toEqual([people.born.id, people.estimated.id].sort());
    expect(result.truncated).toBe(false);
    expect(ids(await cache.searchPersons('harrowgate', 50, '1985-07-01')).sort()).toEqual([people.sameYear.id, people.estimated.id].sort());
    expect(ids(await cache.searchPersons('harrowgate', 50, '1986-02-02'))).toEqual([people.otherEstimate.id]);
    expect(ids(await cache.searchPersons('harrowgate', 50, '1970-01-01'))).toEqual([]);
  });

  it('keeps people with no date of birth or estimate only when no date is given', async () => {
    const all = await cache.searchPersons('harrowgate zola');
    expect(ids(all)).toEqual([people.undated.id]);
    expect(ids(await cache.searchPersons('harrowgate zola', 50, '1985-06-15'))).toEqual([]);
  });

  it('filters before the page limit and the candidate caps: the namesakes ranked first do not crowd the page out', async () => {
    // Without a date the namesakes fill the page and the candidate set overflows.
    const undated = await cache.searchPersons('harrowgate', 3);
    expect(undated.hits.map((h) => h.givenName)).toEqual(['Abel000', 'Abel001', 'Abel002']);
    expect(undated.truncated).toBe(true);
    const narrowed = await cache.searchPersons('harrowgate', 3, '1985-06-15');
    expect(narrowed.hits.map((h) => h.givenName)).toEqual(['Zeno', 'Zephyrine']);
    expect(narrowed.truncated).toBe(false);
  });

  it('narrows substring matches too', async () => {
    expect(ids(await cache.searchPersons('arrowgat', 3, '1985-06-15')).sort()).toEqual([people.born.id, people.estimated.id].sort());
  });
});
