import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { Agency, CaseRecord } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import { CASE_TYPE_LABELS, type DefaultCaseType } from '../../domain/vocabulary.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { queryQueue } from '../../main/cache/queue-query.ts';
import { defaultCaseTypeChanges, explainable, openTestCache, page, syncCase } from './cache-test-kit.ts';

// Text a user may type that means something to FTS5 or to LIKE; the filter must take all of it literally.
const SPECIAL = 'Flat "B" *star* -dash ^caret (paren) key:value 100% done_ok it\'s NEAR AND OR';
const agency: Agency = { id: newId(), name: 'Wealdmoor Council', kind: 'council', code: 'WMC' };
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();

describe('the queue text filter, through the trigram index and the index of short pieces', () => {
  let dir: string;
  let cache: CaseCache;
  let db: Kysely<CacheDatabase>;
  const cases: CaseRecord[] = [
    syncCase({ reference: 'BN-2026-004217', title: 'Noise nuisance at Thornwickley Road', updatedAt: day(1) }),
    syncCase({ reference: 'BN-2026-004218', title: SPECIAL, updatedAt: day(2) }),
    syncCase({ reference: 'WM/2026/77', title: 'Hoarding fire risk', updatedAt: day(3), ownerAgencyId: agency.id, caseType: 'licensing' }),
    syncCase({ reference: 'BN-2026-004219', title: 'ÉCOLE gate damage', updatedAt: day(4) }),
    // A crowd that a broad filter matches densely, with ties on updated_at to exercise the id tie-break.
    ...Array.from({ length: 150 }, (_, i) => syncCase({ reference: `CR-${String(i).padStart(4, '0')}`, title: `Crowd lane kiosk ${i}`, updatedAt: day(10 + Math.floor(i / 3)) })),
    // Newest of the crowd, and "K" is the Kelvin sign: only Unicode case folding (the trigram tokenizer's) makes it "kiosk".
    syncCase({ reference: 'CR-KELVIN', title: 'Crowd lane \u212Aiosk', updatedAt: day(500) }),
  ];

  // What the filter means, computed in JS: a case-insensitive substring of the reference or title, a type label, or the agency name.
  function expected(filter: string, limit: number, offset: number): { total: number; ids: string[] } {
    const needle = filter.trim().toLowerCase();
    const hit = (c: CaseRecord) => [c.reference, c.title, CASE_TYPE_LABELS[c.caseType as DefaultCaseType], c.ownerAgencyId === agency.id ? agency.name : '']
      .some((text) => text.toLowerCase().includes(needle));
    const sorted = cases.filter(hit).sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1));
    return { total: sorted.length, ids: sorted.slice(offset, offset + limit).map((c) => c.id) };
  }
  async function actual(filter: string, limit = 20, offset = 0): Promise<{ total: number; ids: string[] }> {
    const result = await cache.queue({ filter, limit, offset });
    return { total: result.total, ids: result.rows.map((r) => r.id) };
  }
  // Every statement queryQueue runs, with its EXPLAIN QUERY PLAN.
  async function plans(filter: string, limit = 20, offset = 0): Promise<Array<{ sql: string; plan: string }>> {
    const seen: CompiledQuery[] = [];
    const spy = db.withPlugin({
      transformQuery: (a) => {
        seen.push(db.getExecutor().compileQuery(a.node, a.queryId));
        return a.node;
      },
      transformResult: (a) => Promise.resolve(a.result),
    });
    await queryQueue(spy, { filter, limit, offset });
    // Left out: the lookup of case types by label, which reads the small synced `case_types` table, never
    // `cases`; and a subquery, which the plugin sees on its own as well as inside its statement.
    const statements = seen.filter((q) => !seen.some((other) => other !== q && other.sql.includes(q.sql)));
    return Promise.all(statements.filter((q) => !q.sql.startsWith('select "id" from "case_types"')).map(async (q) => {
      const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, explainable(q.parameters)));
      return { sql: q.sql, plan: rows.map((r) => r.detail).join('\n') };
    }));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-queue-filter-'));
    ({ cache, db } = await openTestCache(dir));
    await cache.applyPullPage(page([...defaultCaseTypeChanges(), { entity: 'agency', data: agency }, ...cases.map((data) => ({ entity: 'case' as const, data }))]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches anywhere in the reference or title, mid-word and in any case', async () => {
    for (const filter of ['ornwick', 'THORNWICKLEY ROAD', 'ance at th', '026-0042', '4217', 'wm/2026', ' nuisance ']) {
      expect(await actual(filter)).toEqual(expected(filter, 20, 0));
    }
    expect((await actual('ornwick')).ids).toEqual([cases[0]!.id]);
    // Dense: the page walks the queue index, yet the newest match is the row only Unicode folding finds.
    expect((await actual('lane kiosk', 5)).ids[0]).toBe(cases.at(-1)!.id);
    expect((await actual('026-0042')).total).toBe(3);
  });

  it('takes FTS5 and LIKE syntax as plain text', async () => {
    const special = cases[1]!.id;
    for (const filter of ['"B"', '"', '*star*', '-dash', '^caret', '(paren)', 'key:value', '100%', 'done_ok', "it's", "'", 'NEAR', 'AND OR', 'near and or', '%', '_', ':', '(', '^', '-', '*']) {
      const found = await actual(filter, 200);
      expect(found, filter).toEqual(expected(filter, 200, 0));
      expect(found.ids, filter).toContain(special);
    }
    // % and _ are not wildcards, and FTS5 operators are not operators.
    for (const filter of ['10%0', 'done%ok', 'don_ok', 'd_ne', '1_0%', 'NEAR(flat)', 'flat AND star', 'sta*r', '"b" "', 'key:val*']) {
      expect(await actual(filter), filter).toEqual({ total: 0, ids: [] });
    }
  });

  it('folds case beyond ASCII, which lower() never did: "école" finds "ÉCOLE"', async () => {
    expect((await actual('école')).ids).toEqual([cases[3]!.id]);
    expect((await actual('ÉCOLE GATE')).ids).toEqual([cases[3]!.id]);
  });

  it('still matches a case type by its label and the owner agency by name, and combines them with the text', async () => {
    for (const filter of ['licensing', 'wealdmoor', 'hoarding', 'ing']) {
      expect(await actual(filter, 200)).toEqual(expected(filter, 200, 0));
    }
    expect((await actual('wealdmoor')).ids).toEqual([cases[2]!.id]);
  });

  it('serves one- and two-character filters through the index of their pieces, with the same meaning', async () => {
    // Every piece of one or two characters the cases hold (trimmed as the filter is), and some they do not hold.
    const held = new Set(cases.flatMap((c) => [c.reference, c.title]).flatMap((text) => [...text].flatMap((ch, i, all) => [ch, ch + (all[i + 1] ?? '')])));
    const filters = [...held, 'z', 'Q9', 'zz', '\u03a9x', '"', '%', '_', "'", 'b"', ' 7', '_o', '%"'];
    for (const filter of filters) {
      expect(await actual(filter, 200), JSON.stringify(filter)).toEqual(expected(filter, 200, 0));
    }
    expect(held.size).toBeGreaterThan(100);
    // Case folds beyond ASCII as the trigram filter does: "é" finds "ÉCOLE", and "k" the Kelvin sign's "\u212Aiosk".
    expect((await actual('é')).ids).toEqual([cases[3]!.id]);
    expect((await actual('k', 1)).ids).toEqual([cases.at(-1)!.id]);
    expect((await actual('\u212A', 200)).total).toBe(expected('k', 200, 0).total);
    // % and _ are themselves, not wildcards; a quote is text, not FTS5 syntax.
    expect(await actual('%"')).toEqual({ total: 0, ids: [] });
    expect((await actual('0%')).ids).toEqual([cases[1]!.id]);
  });

  it('pages a one- or two-character filter like any other, dense or sparse, from every offset', async () => {
    for (const [filter, offset] of [['k', 0], ['k', 60], ['k', 140], ['ne', 0], ['ne', 20], ['l', 100], ['42', 0], ['Q9', 0], ['%', 0]] as const) {
      expect(await actual(filter, 20, offset), `${filter} @${offset}`).toEqual(expected(filter, 20, offset));
    }
  });

  it('pages and counts the same as before, for dense and for sparse matches', async () => {
    for (const [filter, offset] of [
      ['lane', 0], ['lane', 40], ['lane', 140], ['crowd lane kiosk 1', 0], ['crowd lane kiosk 1', 20], ['BN-2026', 0], ['nothing like this', 0],
      ['lane kiosk', 0], ['LANE KIOSK', 100], ['ane \u212Aio', 0], ['licensing', 0], ['wealdmoor', 0], ['ing', 0],
    ] as const) {
      expect(await actual(filter, 20, offset), `${filter} @${offset}`).toEqual(expected(filter, 20, offset));
    }
  });

  it('uses the trigram index for the text condition: the total never scans `cases`, a sparse page fetches by rowid, a dense one walks the queue index and stops', async () => {
    const noFullScan = (plan: string) => plan.split('\n').filter((line) => /^SCAN cases\b/.test(line) && !line.includes('cases_queue_idx'));
    // [agencies matching the name (a small table), the total with the highest rid, the page]
    for (const [filter, indexes, index] of [
      ['ornwick', [], 'case_trigram'], ['lane', [], 'case_trigram'], ['licensing', ['cases_case_type_idx'], 'case_trigram'],
      ['wealdmoor', ['cases_owner_agency_idx'], 'case_trigram'],
      // One or two characters, sparse, dense and matching nothing: through their pieces' index, never reading every case.
      ['rn', [], 'case_short_grams'], ['z', [], 'case_short_grams'], ['k', [], 'case_short_grams'], ['e', [], 'case_short_grams'],
    ] as const) {
      const [, stats, pageQuery] = await plans(filter);
      expect(stats!.sql).toContain('max(rid)');
      expect(stats!.sql).toContain('count(*)');
      expect(stats!.plan).toContain(`SCAN ${index} VIRTUAL TABLE`);
      for (const index of indexes) {
        expect(stats!.plan).toContain(index);
      }
      expect(stats!.plan, filter).not.toMatch(/^SCAN cases\b/m);
      if (pageQuery !== undefined) {
        expect(pageQuery.sql).toContain('order by');
        expect(noFullScan(pageQuery.plan), filter).toEqual([]);
      } else {
        // Nothing matches: no page is asked for.
        expect(await actual(filter)).toEqual({ total: 0, ids: [] });
      }
    }
    // A sparse page reads the rowids the count found (one JSON list), not the trigram index a second time.
    const [, , sparse] = await plans('ornwick');
    expect(sparse!.plan).toContain('json_each');
    expect(sparse!.plan).not.toContain('case_trigram');
    expect(sparse!.plan).toContain('SEARCH cases USING INTEGER PRIMARY KEY');
    // It ranks the matches' rowids by the sort first, then reads and joins only the page's rows.
    expect(sparse!.sql).toMatch(/where "cases"\."rid" in \(select "cases"\."rid" from "cases" .* order by .* limit \? offset \?\) order by .* limit \? offset \?$/s);
    for (const dense of ['lane', 'lane \u212Aiosk']) {
      const [, , walked] = await plans(dense);
      expect(walked!.plan).toContain('SCAN cases USING INDEX cases_queue_idx');
      expect(walked!.plan).toContain('SCAN case_trigram VIRTUAL TABLE');
      expect(walked!.plan).not.toContain('TEMP B-TREE');
    }
  });
});

describe('a filter that matches by text, by type label and by agency name at once', () => {
  // "licens" is in the type label "Licensing", in the agency's name and in some titles: a case matching
  // two or three ways must still count once, whichever way the count reaches it first.
  const authority: Agency = { id: newId(), name: 'Licensing Authority of Brackenmoor', kind: 'council', code: 'LAB' };
  const other: Agency = { id: newId(), name: 'Fenwick Housing', kind: 'housing', code: 'FWH' };
  const shapes = [
    { caseType: 'licensing', ownerAgencyId: authority.id, title: 'Licensing review at the Anchor' }, // all three
    { caseType: 'licensing', ownerAgencyId: authority.id, title: 'Noise at the Anchor' }, // type and agency
    { caseType: 'licensing', ownerAgencyId: other.id, title: 'Licensed premises check' }, // type and text
    { caseType: 'asb', ownerAgencyId: authority.id, title: 'Licence breach, late opening' }, // agency only ("licence" is not "licens")
    { caseType: 'asb', ownerAgencyId: authority.id, title: 'Unlicensed sale' }, // agency and text
    { caseType: 'licensing', ownerAgencyId: other.id, title: 'Door staff' }, // type only
    { caseType: 'asb', ownerAgencyId: other.id, title: 'Licensing hearing notes' }, // text only
    { caseType: 'asb', ownerAgencyId: other.id, title: 'Graffiti' }, // none
  ] as const;
  // Enough of each that a page of 20 sees every kind, and both the sparse and the walked page run.
  // Every third closed, so a status filter (the scoped count) sees some of each kind too.
  const many: CaseRecord[] = Array.from({ length: 8 * 60 }, (_, i) => syncCase({ ...shapes[i % 8]!, updatedAt: day(i), status: i % 3 === 0 ? 'closed' : 'open' }));
  let dir: string;
  let cache: CaseCache;

  function expected(filter: string, limit: number, offset: number, status?: 'open' | 'closed'): { total: number; ids: string[] } {
    const needle = filter.toLowerCase();
    const names = new Map([[authority.id, authority.name], [other.id, other.name]]);
    const hit = (c: CaseRecord) => (status === undefined || c.status === status)
      && [c.reference, c.title, CASE_TYPE_LABELS[c.caseType as DefaultCaseType], names.get(c.ownerAgencyId) ?? ''].some((text) => text.toLowerCase().includes(needle));
    const sorted = many.filter(hit).sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1));
    return { total: sorted.length, ids: sorted.slice(offset, offset + limit).map((c) => c.id) };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-queue-overlap-'));
    ({ cache } = await openTestCache(dir));
    await cache.applyPullPage(page([
      ...defaultCaseTypeChanges(), { entity: 'agency', data: authority }, { entity: 'agency', data: other },
      ...many.map((data) => ({ entity: 'case' as const, data })),
    ]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts each case once and pages them in queue order, for every way of matching', async () => {
    for (const [filter, offset] of [['licens', 0], ['licens', 300], ['LICENS', 20], ['brackenmoor', 0], ['anchor', 0], ['licence', 0], ['fenwick', 40]] as const) {
      const result = await cache.queue({ filter, limit: 20, offset });
      expect({ total: result.total, ids: result.rows.map((r) => r.id) }, `${filter} @${offset}`).toEqual(expected(filter, 20, offset));
    }
    for (const status of ['open', 'closed'] as const) {
      const result = await cache.queue({ filter: 'licens', status, limit: 20, offset: 20 });
      expect({ total: result.total, ids: result.rows.map((r) => r.id) }, status).toEqual(expected('licens', 20, 20, status));
    }
    // Seven of the eight kinds match "licens" (the agency-only one by its owner's name): 420 of the 480 cases.
    expect((await cache.queue({ filter: 'licens', limit: 1, offset: 0 })).total).toBe(420);
  });
});
