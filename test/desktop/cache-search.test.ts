import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { SyncChange } from '../../domain/http/sync-schemas.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { PERSON_CANDIDATES } from '../../main/cache/person-search-query.ts';
import { queryQueue } from '../../main/cache/queue-query.ts';
import { explainable, openTestCache, page, syncCase, syncPerson, syncReport } from './cache-test-kit.ts';

describe('searching the cache and paging the queue', () => {
  let dir: string;
  let cache: CaseCache;
  let db: Kysely<CacheDatabase>;
  const people = {
    exact: syncPerson({ givenName: 'Quin', familyName: 'Harrowgate' }),
    prefix: syncPerson({ givenName: 'Quinton', familyName: 'Harrowgate' }),
    accented: syncPerson({ givenName: 'Zoë', familyName: 'Dvořák' }),
    alias: syncPerson({ givenName: 'Agatha', familyName: 'Pym', aliases: [{ givenName: 'Aggie', familyName: 'Quintrell' }] }),
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-search-'));
    ({ cache, db } = await openTestCache(dir));
    const crowd: Array<Omit<SyncChange, 'seq'>> = Array.from({ length: PERSON_CANDIDATES + 100 }, (_, i) => ({
      entity: 'person' as const, data: syncPerson({ givenName: `Mara${i}`, familyName: 'Smallbrook' }),
    }));
    await cache.applyPullPage(page([...Object.values(people).map((data) => ({ entity: 'person' as const, data })), ...crowd]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds by prefix of any name or alias, whole-word matches first', async () => {
    const { hits, truncated } = await cache.searchPersons('quin');
    expect(hits.map((h) => h.id)).toEqual([people.exact.id, people.prefix.id, people.alias.id]);
    expect(truncated).toBe(false);
    expect((await cache.searchPersons('harrow quinto')).hits.map((h) => h.id)).toEqual([people.prefix.id]);
  });

  it('ignores accents and case, so "ZOE dvora" finds Zoë Dvořák', async () => {
    expect((await cache.searchPersons('ZOE dvora')).hits.map((h) => h.id)).toEqual([people.accented.id]);
  });

  it('ranks only a bounded candidate set and says so when the prefix matched more', async () => {
    const result = await cache.searchPersons('smallb', 20);
    expect(result.hits).toHaveLength(20);
    expect(result.truncated).toBe(true);
  });

  it('treats FTS5 syntax in the input as plain words and finds nothing for an empty query', async () => {
    for (const input of ['"', 'quin OR *', 'NEAR(a b)', 'familyName:pym', '-', '']) {
      await expect(cache.searchPersons(input)).resolves.toBeDefined();
    }
    expect((await cache.searchPersons('   ')).hits).toEqual([]);
    expect((await cache.searchPersons('pym OR smallbrook')).hits).toEqual([]);
  });

  it('finds a case by its reference, its title or the text of its reports, direct matches first', async () => {
    const byTitle = syncCase({ title: 'Cuckooing at Vellacott House', updatedAt: '2026-10-01T00:00:00.000Z' });
    const byReport = syncCase({ title: 'Welfare concern', updatedAt: '2026-10-05T00:00:00.000Z' });
    await cache.applyPullPage(page([
      { entity: 'case', data: byTitle }, { entity: 'case', data: byReport },
      { entity: 'report', data: syncReport(byReport.id, { body: 'Visitors from Vellacott seen daily' }) },
    ]));
    expect((await cache.searchCases('vellac')).hits.map((h) => [h.id, h.matchedIn])).toEqual([[byTitle.id, 'case'], [byReport.id, 'report']]);
    expect((await cache.searchCases(byReport.reference)).hits.map((h) => h.id)).toEqual([byReport.id]);
  });

  it('pages the queue newest first by walking the queue index, never sorting, with or without a filter', async () => {
    const cases = [3, 1, 2].map((d) => syncCase({ updatedAt: `2026-11-0${d}T00:00:00.000Z` }));
    await cache.applyPullPage(page(cases.map((data) => ({ entity: 'case' as const, data }))));
    for (const filter of ['', 'synthetic']) {
      const seen: CompiledQuery[] = [];
      const spy = db.withPlugin({
        transformQuery: (a) => {
          seen.push(db.getExecutor().compileQuery(a.node, a.queryId));
          return a.node;
        },
        transformResult: (a) => Promise.resolve(a.result),
      });
      const result = await queryQueue(spy, { filter, limit: 2, offset: 0 });
      expect(result.rows.map((r) => r.updatedAt)).toEqual(['2026-11-03T00:00:00.000Z', '2026-11-02T00:00:00.000Z']);
      const pageQuery = seen.find((q) => q.sql.includes('order by'));
      expect(pageQuery).toBeDefined();
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${pageQuery!.sql}`, explainable(pageQuery!.parameters)));
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toContain('cases_queue_idx');
      expect(details).not.toContain('TEMP B-TREE');
    }
  });
});
