import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { documentPath } from '../../main/cache/document-files.ts';
import {
  ftsRowids, openTestCache, page, syncCase, syncCaseLocation, syncDocument, syncLocation, syncMarker, syncPerson, syncReport, syncSubject, syncTask,
} from './cache-test-kit.ts';

describe('applying pull pages to the encrypted cache', () => {
  let dir: string;
  let cache: CaseCache;
  let db: Kysely<CacheDatabase>;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-apply-'));
    ({ cache, db, file } = await openTestCache(dir));
  });
  afterEach(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (table: keyof CacheDatabase) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  /** A case with a subject, a report with a document, a marker, a task and an access request. */
  function world() {
    const c = syncCase({ title: 'Graffiti at Wexmoor Lane' });
    const person = syncPerson({ givenName: 'Ottoline', familyName: 'Brackenfold', aliases: [{ givenName: 'Lina', familyName: 'Fenwright' }] });
    const report = syncReport(c.id, { title: 'Doorstep visit', body: 'Spoke with neighbour about the quarrystone shed' });
    return {
      c, person, report, subject: syncSubject(c.id, person.id), task: syncTask(c.id), caseMarker: syncMarker('case', c.id),
      personMarker: syncMarker('person', person.id), document: syncDocument(c.id, report.id),
    };
  }
  const changesOf = (w: ReturnType<typeof world>) => [
    { entity: 'case' as const, data: w.c }, { entity: 'person' as const, data: w.person }, { entity: 'case_subject' as const, data: w.subject },
    { entity: 'report' as const, data: w.report }, { entity: 'task' as const, data: w.task }, { entity: 'marker' as const, data: w.caseMarker },
    { entity: 'marker' as const, data: w.personMarker }, { entity: 'document' as const, data: w.document },
  ];

  it('stores every entity of a page and its cursor, and indexes names, aliases and case text', async () => {
    const w = world();
    const p = page(changesOf(w));
    const applied = await cache.applyPullPage(p);
    expect(applied).toEqual({ upserted: 8, removed: 0, documentFilesDeleted: 0, walTruncated: null });
    expect(await cache.cursor()).toBe(p.cursor);
    for (const [table, n] of [['cases', 1], ['persons', 1], ['case_subjects', 1], ['reports', 1], ['tasks', 1], ['markers', 2], ['documents', 1]] as const) {
      expect(await count(table)).toBe(n);
    }
    expect((await cache.searchPersons('fenw')).hits.map((h) => h.id)).toEqual([w.person.id]);
    expect((await cache.searchPersons('otto brack')).hits[0]?.aliases).toEqual([{ givenName: 'Lina', familyName: 'Fenwright' }]);
    expect((await cache.searchCases('wexm')).hits.map((h) => [h.id, h.matchedIn])).toEqual([[w.c.id, 'case']]);
    expect((await cache.searchCases('quarryst')).hits.map((h) => [h.id, h.matchedIn])).toEqual([[w.c.id, 'report']]);
  });

  it('stores abilities as JSON when the server sends them and null when it does not', async () => {
    const withAbilities = { ...syncCase(), abilities: { read: true, update: false } };
    const without = syncCase();
    await cache.applyPullPage(page([{ entity: 'case', data: withAbilities }, { entity: 'case', data: without }]));
    const rows = await db.selectFrom('cases').select(['id', 'abilities']).execute();
    expect(new Map(rows.map((r) => [r.id, r.abilities]))).toEqual(new Map([[withAbilities.id, '{"read":true,"update":false}'], [without.id, null]]));
  });

  it('updates a record in place and the search index follows a rename', async () => {
    const person = syncPerson({ givenName: 'Perpetua', familyName: 'Oldcastle' });
    await cache.applyPullPage(page([{ entity: 'person', data: person }]));
    const [rid] = (await db.selectFrom('persons').select('rid').execute()).map((r) => r.rid);
    await cache.applyPullPage(page([{ entity: 'person', data: { ...person, familyName: 'Newhaven' } }]));
    expect((await db.selectFrom('persons').select(['rid', 'family_name']).execute())).toEqual([{ rid, family_name: 'Newhaven' }]);
    expect(await ftsRowids(db, 'person_fts', 'oldcastle')).toEqual([]);
    expect(await ftsRowids(db, 'person_fts', 'newhaven')).toEqual([rid]);
  });

  it('removing a case removes its subjects, reports, documents with their files, keeps tasks and markers not listed, and truncates the WAL', async () => {
    const w = world();
    await cache.applyPullPage(page(changesOf(w)));
    mkdirSync(join(dir, 'documents'));
    writeFileSync(documentPath(dir, w.document.id), 'synthetic file');
    const applied = await cache.applyPullPage(page([], [{ entity: 'case', id: w.c.id }]));
    expect(applied).toMatchObject({ removed: 4, documentFilesDeleted: 1, walTruncated: true });
    // A staff-safety marker on the case may stay visible to an involved agency: the server lists the markers that go.
    for (const [table, n] of [['cases', 0], ['case_subjects', 0], ['reports', 0], ['documents', 0], ['markers', 2], ['tasks', 1], ['persons', 1]] as const) {
      expect(await count(table)).toBe(n);
    }
    expect(existsSync(documentPath(dir, w.document.id))).toBe(false);
    expect(await ftsRowids(db, 'case_fts', 'wexmoor')).toEqual([]);
    expect(await ftsRowids(db, 'report_fts', 'quarrystone')).toEqual([]);
    expect(statSync(`${file}-wal`).size).toBe(0);
  });

  it('removing a person removes their search entry; markers on them and tasks go only when listed', async () => {
    const w = world();
    await cache.applyPullPage(page(changesOf(w)));
    await cache.applyPullPage(page([], [{ entity: 'person', id: w.person.id }]));
    expect((await db.selectFrom('markers').select('id').execute()).map((m) => m.id).sort()).toEqual([w.caseMarker.id, w.personMarker.id].sort());
    await cache.applyPullPage(page([], [{ entity: 'marker', id: w.personMarker.id }, { entity: 'task', id: w.task.id }]));
    expect(await db.selectFrom('markers').select('id').execute()).toEqual([{ id: w.caseMarker.id }]);
    expect(await count('tasks')).toBe(0);
    expect(await ftsRowids(db, 'person_fts', 'brackenfold OR fenwright')).toEqual([]);
    expect((await cache.searchPersons('Ottoline')).hits).toEqual([]);
  });

  it('removing a case drops its location links but keeps the location; removing the location drops its links, and its markers only when listed', async () => {
    const c = syncCase();
    const other = syncCase();
    const home = syncLocation({ addressLine: '5 Synthetic Close', abilities: { update: false } });
    const links = [syncCaseLocation(c.id, home.id), syncCaseLocation(other.id, home.id)];
    const onHome = syncMarker('location', home.id);
    const onCase = syncMarker('case', other.id);
    await cache.applyPullPage(page([
      { entity: 'case', data: c }, { entity: 'case', data: other }, { entity: 'location', data: home },
      ...links.map((data) => ({ entity: 'case_location' as const, data })), { entity: 'marker', data: onHome }, { entity: 'marker', data: onCase },
    ]));
    expect(await db.selectFrom('locations').select(['id', 'address_line', 'abilities']).execute())
      .toEqual([{ id: home.id, address_line: '5 Synthetic Close', abilities: '{"update":false}' }]);

    // The address may still be visible through its owner or another case: the server lists it when it is not.
    expect(await cache.applyPullPage(page([], [{ entity: 'case', id: c.id }]))).toMatchObject({ removed: 2 });
    expect(await db.selectFrom('case_locations').select('id').execute()).toEqual([{ id: links[1]!.id }]);
    expect(await count('locations')).toBe(1);

    expect(await cache.applyPullPage(page([], [{ entity: 'location', id: home.id }, { entity: 'marker', id: onHome.id }]))).toMatchObject({ removed: 3, walTruncated: true });
    expect(await count('locations') + await count('case_locations')).toBe(0);
    expect(await db.selectFrom('markers').select('id').execute()).toEqual([{ id: onCase.id }]);
  });

  it('keeps the last version when a page lists the same record twice', async () => {
    const c = syncCase({ title: 'First title', version: 1 });
    await cache.applyPullPage(page([{ entity: 'case', data: c }, { entity: 'case', data: { ...c, title: 'Second title', version: 2 } }]));
    expect(await db.selectFrom('cases').select(['title', 'version']).execute()).toEqual([{ title: 'Second title', version: 2 }]);
    expect(await ftsRowids(db, 'case_fts', 'first')).toEqual([]);
  });

  it('refuses a document id that is not a uuid as a file name', () => {
    expect(() => documentPath(dir, '../cache.db')).toThrow(expect.objectContaining({ code: 'validation_error' }));
  });

  it('applies nothing of a page when one record in it cannot be stored, and keeps the old cursor', async () => {
    const first = page([{ entity: 'case', data: syncCase() }]);
    await cache.applyPullPage(first);
    const good = syncCase({ title: 'Should not land' });
    const bad = { ...syncCase(), title: null as unknown as string };
    await expect(cache.applyPullPage(page([{ entity: 'case', data: good }, { entity: 'case', data: bad }]))).rejects.toThrow(/NOT NULL/);
    expect(await cache.cursor()).toBe(first.cursor);
    expect(await count('cases')).toBe(1);
    expect(await ftsRowids(db, 'case_fts', 'land')).toEqual([]);
  });

  it('deleting a record the cache does not hold is a no-op that still moves the cursor', async () => {
    const p = page([], [{ entity: 'case', id: syncCase().id }, { entity: 'access_request', id: syncCase().id }]);
    expect(await cache.applyPullPage(p)).toMatchObject({ removed: 0 });
    expect(await cache.cursor()).toBe(p.cursor);
  });

  it('a bootstrap that brings nothing leaves every table, the search indexes and the stored documents empty', async () => {
    const w = world();
    await cache.applyPullPage(page(changesOf(w)));
    mkdirSync(join(dir, 'documents'));
    writeFileSync(documentPath(dir, w.document.id), 'synthetic file');
    const home = syncLocation();
    await cache.applyPullPage(page([{ entity: 'location', data: home }, { entity: 'case_location', data: syncCaseLocation(w.c.id, home.id) }]));
    await cache.bootstrap.stage({ snapshot: '900', changes: [], next: null });
    await cache.bootstrap.swapIn();
    expect(await cache.cursor()).toBe('900');
    expect(await count('persons') + await count('cases') + await count('tasks') + await count('markers')).toBe(0);
    expect(await count('locations') + await count('case_locations')).toBe(0);
    expect(await ftsRowids(db, 'person_fts', 'ottoline')).toEqual([]);
    expect(existsSync(documentPath(dir, w.document.id))).toBe(false);
  });
});
