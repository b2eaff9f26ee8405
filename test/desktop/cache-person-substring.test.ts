import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { PERSON_CANDIDATES } from '../../main/cache/person-search-query.ts';
import { openTestCache, page, syncPerson } from './cache-test-kit.ts';

describe('person search inside names and aliases, through the trigram index', () => {
  let dir: string;
  let cache: CaseCache;
  const people = {
    word: syncPerson({ givenName: 'Ines', familyName: 'Thornton' }),
    prefix: syncPerson({ givenName: 'Ivo', familyName: 'Thorntonby' }),
    alias: syncPerson({ givenName: 'Agatha', familyName: 'Pym', aliases: [{ givenName: 'Aggie', familyName: 'Blackthornton' }] }),
    inside: syncPerson({ givenName: 'Odile', familyName: 'Hawthornton' }),
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-person-substring-'));
    ({ cache } = await openTestCache(dir));
    const crowd: Array<Omit<SyncChange, 'seq'>> = Array.from({ length: PERSON_CANDIDATES + 50 }, (_, i) => ({
      entity: 'person' as const, data: syncPerson({ givenName: 'Mara', familyName: `Ellzorquil${i}` }),
    }));
    await cache.applyPullPage(page([...Object.values(people).map((data) => ({ entity: 'person' as const, data })), ...crowd]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a word inside an alias or a name, after the whole-word and prefix matches', async () => {
    const { hits, truncated } = await cache.searchPersons('thornton');
    // Whole word, then prefix, then inside a word: a name (weighted higher) before an alias.
    expect(hits.map((h) => h.id)).toEqual([people.word.id, people.prefix.id, people.inside.id, people.alias.id]);
    expect(truncated).toBe(false);
    expect((await cache.searchPersons('CKTHORN')).hits.map((h) => h.id)).toEqual([people.alias.id]);
    expect((await cache.searchPersons('aggie ackthor')).hits.map((h) => h.id)).toEqual([people.alias.id]);
  });

  it('needs three characters in every word to look inside names (shorter words match prefixes only)', async () => {
    expect((await cache.searchPersons('ck')).hits).toEqual([]);
    expect((await cache.searchPersons('ag ckthorn')).hits).toEqual([]);
    expect((await cache.searchPersons('ag')).hits.map((h) => h.id)).toEqual([people.alias.id]);
  });

  it('takes FTS5 syntax literally and says when more matched inside names than were ranked', async () => {
    expect((await cache.searchPersons('NEAR(ckthorn)')).hits).toEqual([]);
    expect((await cache.searchPersons('"ckthorn*')).hits.map((h) => h.id)).toEqual([people.alias.id]);
    const many = await cache.searchPersons('zorquil', 20);
    expect(many.hits).toHaveLength(20);
    expect(many.truncated).toBe(true);
  });
});
