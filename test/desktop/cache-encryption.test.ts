import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { openCaseCache } from '../../main/cache/case-cache.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import {
  newKeyHex, openPlainCache, openTestCache, page, syncCase, syncCaseLocation, syncLocation, syncPerson, syncReport, syncSubject,
} from './cache-test-kit.ts';

// Distinctive synthetic strings that occur nowhere else; FTS5 stores terms lowercased, so look for those too.
const NEEDLES = ['Xylocarp Vandermeulen', 'Quorravine', 'Brindlethwaite', 'Ossiferous larkspur testimony', '14 Zephyrcombe Wharf', 'Pellucidford', 'PX4 7ZW'];
const needles = [...NEEDLES, ...NEEDLES.map((n) => n.toLowerCase()), 'quorravine', 'brindlethwaite', 'vandermeulen', 'larkspur', 'zephyrcombe', 'pellucidford'];

function secretPage(): PullResponse {
  const c = syncCase({ title: 'Xylocarp Vandermeulen household' });
  const person = syncPerson({ givenName: 'Quorravine', familyName: 'Brindlethwaite' });
  const home = syncLocation({ addressLine: '14 Zephyrcombe Wharf', town: 'Pellucidford', postcode: 'PX4 7ZW' });
  return page([
    { entity: 'case', data: c }, { entity: 'person', data: person }, { entity: 'case_subject', data: syncSubject(c.id, person.id) },
    { entity: 'report', data: syncReport(c.id, { body: 'Ossiferous larkspur testimony recorded at the door' }) },
    { entity: 'location', data: home }, { entity: 'case_location', data: syncCaseLocation(c.id, home.id) },
  ]);
}

describe('the cache file at rest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-crypt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a plain SQLite cache shows the text in its files, so the scan below can find it', async () => {
    const { cache } = await openPlainCache(dir);
    await cache.applyPullPage(secretPage());
    expect(findInFiles(filesUnder(dir), NEEDLES)).toEqual(expect.arrayContaining(['14 Zephyrcombe Wharf', 'Pellucidford', 'PX4 7ZW']));
    await cache.close();
  });

  it('no case title, person name, report text or address appears in the encrypted database or its WAL, before or after a checkpoint', async () => {
    const { cache, file } = await openTestCache(dir);
    await cache.applyPullPage(secretPage());
    expect(filesUnder(dir)).toEqual(expect.arrayContaining([file, `${file}-wal`]));
    expect(findInFiles(filesUnder(dir), needles)).toEqual([]);
    await cache.applyPullPage(page([], [{ entity: 'case', id: syncCase().id }])); // a removal checkpoints the WAL into the file
    expect(findInFiles(filesUnder(dir), needles)).toEqual([]);
    await cache.close();
    expect(findInFiles(filesUnder(dir), needles)).toEqual([]);
  });

  it('the wrong key cannot open the cache and the right one still can', async () => {
    const { cache, keyHex, file } = await openTestCache(dir);
    await cache.applyPullPage(secretPage());
    await cache.close();
    await expect(openCaseCache({ file, keyHex: newKeyHex() })).rejects.toMatchObject({ code: 'authentication_error' });
    const again = await openCaseCache({ file, keyHex });
    expect((await again.searchPersons('quorra')).hits.map((h) => h.familyName)).toEqual(['Brindlethwaite']);
    await again.close();
  });
});
