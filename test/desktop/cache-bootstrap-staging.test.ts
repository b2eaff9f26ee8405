import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CompactBootstrapResponseSchema, decodeCompactBootstrap } from '../../domain/http/bootstrap-compact.ts';
import type { BootstrapResponse, SyncChange } from '../../domain/http/sync-schemas.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { ftsRowids, openTestCache, page, syncCase, syncPerson, trigramIndexIsFresh, trigramRowids } from './cache-test-kit.ts';

const bootstrapPage = (snapshot: string, changes: Array<Omit<SyncChange, 'seq'>>, next: BootstrapResponse['next']): BootstrapResponse => ({
  snapshot, changes: changes.map((c) => ({ ...c, seq: Number(snapshot) }) as SyncChange), next,
});

describe('bootstrap staging in the encrypted cache', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  async function open() {
    const dir = mkdtempSync(join(tmpdir(), 'cb-boot-'));
    dirs.push(dir);
    return { dir, ...(await openTestCache(dir)) };
  }

  it('keeps the old mirror while pages are staged, then swaps the whole mirror at once and sets the cursor', async () => {
    const { cache, db } = await open();
    const old = syncCase({ title: 'Stale welfare concern' });
    await cache.applyPullPage(page([{ entity: 'case', data: old }]));
    const fresh = syncCase({ title: 'Current welfare concern' });
    const person = syncPerson({ givenName: 'Orlaith', familyName: 'Quennell' });
    await cache.bootstrap.stage(bootstrapPage('40', [{ entity: 'case', data: fresh }], { phase: 'persons', after: null }));
    expect((await cache.queue({ filter: '', limit: 100, offset: 0 })).rows.map((r) => r.id)).toEqual([old.id]);
    expect(await cache.bootstrap.progress()).toEqual({ snapshot: '40', next: { phase: 'persons', after: null } });
    await cache.bootstrap.stage(bootstrapPage('40', [{ entity: 'person', data: person }], null));
    expect(await cache.bootstrap.swapIn()).toBe(2);
    expect((await cache.queue({ filter: '', limit: 100, offset: 0 })).rows.map((r) => r.id)).toEqual([fresh.id]);
    expect(await ftsRowids(db, 'case_fts', 'Stale')).toEqual([]);
    // The trigram index went through the swap too: the old text is neither found nor left in its segments.
    expect(await trigramRowids(db, 'case_trigram', '"tale wel"')).toEqual([]);
    expect((await cache.queue({ filter: 'urrent welf', limit: 100, offset: 0 })).rows.map((r) => r.id)).toEqual([fresh.id]);
    expect(await trigramIndexIsFresh(db, 'case_trigram', 'reference, title', 'reference, title', 'cases')).toBe(true);
    expect((await cache.searchPersons('uennel')).hits.map((p) => p.id)).toEqual([person.id]);
    expect((await cache.searchPersons('Quennell')).hits.map((p) => p.id)).toEqual([person.id]);
    expect(await cache.cursor()).toBe('40');
    expect(await cache.bootstrap.progress()).toBeNull();
    expect(await db.selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
    await cache.close();
  });

  it('refuses to swap in an incomplete bootstrap and changes nothing', async () => {
    const { cache, db } = await open();
    const kept = syncCase();
    await cache.applyPullPage(page([{ entity: 'case', data: kept }]));
    const cursor = await cache.cursor();
    const waiting = syncCase();
    await cache.bootstrap.stage(bootstrapPage('7', [{ entity: 'case', data: waiting }], { phase: 'open_cases', after: kept.id }));
    await expect(cache.bootstrap.swapIn()).rejects.toMatchObject({ code: 'internal_error' });
    expect(await cache.caseCount()).toBe(1);
    expect(await cache.cursor()).toBe(cursor);
    // The staged page stays, holding its record.
    const staged = await db.selectFrom('bootstrap_staged').select(['entity', 'data']).execute();
    expect(staged.map((r) => r.entity)).toEqual(['page']);
    expect(decodeCompactBootstrap(CompactBootstrapResponseSchema.parse(JSON.parse(staged[0]!.data))).changes).toEqual([{ entity: 'case', seq: 7, data: waiting }]);
    await cache.close();
  });

  it('refuses a page from another snapshot without staging any of it', async () => {
    const { cache, db } = await open();
    await cache.bootstrap.stage(bootstrapPage('7', [], { phase: 'my_tasks', after: null }));
    await expect(cache.bootstrap.stage(bootstrapPage('8', [{ entity: 'case', data: syncCase() }], null))).rejects.toMatchObject({ code: 'internal_error' });
    expect(await db.selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
    expect(await cache.bootstrap.progress()).toEqual({ snapshot: '7', next: { phase: 'my_tasks', after: null } });
    await cache.close();
  });

  it('stages a record sent twice once, with its last version', async () => {
    const { cache } = await open();
    const c = syncCase({ title: 'First version' });
    await cache.bootstrap.stage(bootstrapPage('3', [{ entity: 'case', data: c }], { phase: 'other_cases', after: null }));
    await cache.bootstrap.stage(bootstrapPage('3', [{ entity: 'case', data: { ...c, title: 'Second version', version: 2 } }], null));
    expect(await cache.bootstrap.swapIn()).toBe(1);
    expect((await cache.queue({ filter: '', limit: 10, offset: 0 })).rows.map((r) => r.title)).toEqual(['Second version']);
    await cache.close();
  });

  it('finishes a bootstrap begun by an earlier version (one row per record) with staged pages, the newest version of a record winning', async () => {
    const { cache, db } = await open();
    await cache.bootstrap.stage(bootstrapPage('9', [], { phase: 'open_cases', after: null }));
    const earlier = syncCase({ title: 'Staged one by one' });
    const person = syncPerson({ givenName: 'Ysolde', familyName: 'Carrick' });
    // As the earlier version staged them: the whole change as JSON, one row each.
    await db.insertInto('bootstrap_staged').values([earlier, person].map((data, i) => ({
      entity: i === 0 ? 'case' : 'person', id: data.id, data: JSON.stringify({ entity: i === 0 ? 'case' : 'person', seq: 9, data }),
    }))).execute();
    const later = syncCase({ title: 'Staged in a page' });
    await cache.bootstrap.stage(bootstrapPage('9', [{ entity: 'case', data: later }, { entity: 'case', data: { ...earlier, title: 'Newer version', version: 2 } }], null));
    expect(await cache.bootstrap.swapIn()).toBe(3);
    expect((await cache.queue({ filter: '', limit: 10, offset: 0 })).rows.map((r) => r.title).sort()).toEqual(['Newer version', 'Staged in a page']);
    expect((await cache.searchPersons('Carrick')).hits.map((p) => p.id)).toEqual([person.id]);
    expect(await db.selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
    await cache.close();
  });

  it('refuses to swap in a staged page that no longer reads as valid records, and changes nothing', async () => {
    const { cache, db } = await open();
    const kept = syncCase({ title: 'Kept while the staging is unreadable' });
    await cache.applyPullPage(page([{ entity: 'case', data: kept }]));
    const cursor = await cache.cursor();
    await cache.bootstrap.stage(bootstrapPage('11', [{ entity: 'case', data: syncCase() }], null));
    const [row] = await db.selectFrom('bootstrap_staged').select(['rid', 'data']).execute();
    expect(row!.data).toContain('"version"');
    await db.updateTable('bootstrap_staged').set({ data: row!.data.replace('"version"', '"internalNote"') }).where('rid', '=', row!.rid).execute();
    await expect(cache.bootstrap.swapIn()).rejects.toMatchObject({ code: 'internal_error' });
    expect((await cache.queue({ filter: '', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([kept.id]);
    expect(await cache.cursor()).toBe(cursor);
    await cache.close();
  });

  it('is forgotten by discard, and staged text never appears in the raw bytes of the files', async () => {
    const { cache, db, dir } = await open();
    const secret = 'Zebedee Harrowgate staged record';
    await cache.bootstrap.stage(bootstrapPage('5', [{ entity: 'case', data: syncCase({ title: secret }) }], { phase: 'persons', after: null }));
    expect(findInFiles(filesUnder(dir), [secret])).toEqual([]);
    await cache.bootstrap.discard();
    expect(await cache.bootstrap.progress()).toBeNull();
    expect(await db.selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
    await cache.close();
  });
});
