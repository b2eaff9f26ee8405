import Database from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { shortGramToken, shortGramTokens } from '../../db/cache/short-grams.ts';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-12-06T10:00:00.000Z';
const C1 = '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a70';
const C2 = '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a71';
const A1 = '7b0c1f52-5a8e-4c53-9d7e-4a0d7f1c2b12';
const caseRow = (id: string, reference: string, title: string) => ({
  id, reference, title, case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: null, owner_agency_id: A1,
  owner_team_id: null, owner_user_id: null, sharing_level: 'owner_agency', shared_agency_ids: '[]', created_at: T, updated_at: T, version: 1, abilities: null,
});

// The rowids of the cases holding a piece of one or two characters, as the queue asks the index.
async function holding(db: Kysely<CacheDatabase>, piece: string): Promise<number[]> {
  const match = `"${shortGramToken(piece)}"`;
  const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM case_short_grams WHERE case_short_grams MATCH ${match} ORDER BY rowid`.execute(db);
  return rows.map((r) => r.rowid);
}

describe('the pieces of one and two characters', () => {
  it('are every distinct piece of each text folded to lower case, none spanning two texts and none holding a space', () => {
    const tokens = (...texts: string[]) => shortGramTokens(...texts).split(' ').filter((t) => t !== '').sort();
    const hex = (piece: string) => Buffer.from(piece, 'utf8').toString('hex');
    expect(tokens('Ab a', 'Z')).toEqual(['a', 'ab', 'b', 'z'].map(hex).sort());
    expect(tokens('É"%')).toEqual(['é', 'é"', '"', '"%', '%'].map(hex).sort());
    // The Kelvin sign folds to "k"; a letter whose lower case is two characters (dotted capital I) stays as it is.
    expect(shortGramToken('\u212A')).toBe(hex('k'));
    expect(shortGramToken('\u0130')).toBe(hex('\u0130'));
    expect(shortGramTokens(null, '')).toBe('');
  });

  it('come out the same from the fast path for ASCII text as from the one for any text', () => {
    // The reference way: every character folded, every piece of one or two characters without white space.
    const reference = (...texts: string[]) => [...new Set(texts.flatMap((text) => {
      const chars = [...text].map((ch) => ([...ch.toLowerCase()].length === 1 ? ch.toLowerCase() : ch));
      return chars.flatMap((ch, i) => [ch, ch + (chars[i + 1] ?? ' ')]).filter((piece) => !/\s/u.test(piece));
    }))].map((piece) => Buffer.from(piece, 'utf8').toString('hex')).sort();
    const alphabet = ['a', 'B', 'z', '7', ' ', '\t', '-', '"', '%', '_', '~', '\u00e9', '\u00c9', '\u212a', '\u03a9', '\u{1f600}'];
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let round = 0; round < 500; round += 1) {
      const text = () => Array.from({ length: next() % 12 }, () => alphabet[next() % (round % 2 === 0 ? 10 : alphabet.length)]).join('');
      const [a, b] = [text(), text()];
      expect(shortGramTokens(a, b).split(' ').filter((t) => t !== '').sort(), JSON.stringify([a, b])).toEqual(reference(a, b));
    }
  });
});

describe('cache migration 0013 (the index of short pieces)', () => {
  const m = useCacheMigration<CacheDatabase>('0013_short_gram_search');

  it('indexes the cases already cached, keeps the index in step afterwards, and rolls back', async () => {
    const { db } = m;
    await db.insertInto('cases').values(caseRow(C1, 'OLD-7Q', 'Fly-tipping by Sallowmere Mill')).execute();
    const [{ rid }] = await db.selectFrom('cases').select('rid').execute() as [{ rid: number }];

    await m.migrateTo('0013_short_gram_search');
    // Cached at 0012, found by one and two characters, in any case, in the reference and the title.
    for (const piece of ['7', '7q', 'Q', 'y-', 'LL', 'w']) {
      expect(await holding(db, piece), piece).toEqual([rid]);
    }
    // Not across the two texts ("Q" then "F"), and not what is not there.
    expect(await holding(db, 'qf')).toEqual([]);
    expect(await holding(db, 'z')).toEqual([]);
    // The triggers keep it in step: an update replaces the old pieces, a delete takes them out.
    await db.updateTable('cases').set({ title: 'Graffiti at Wrenfield Arches' }).where('id', '=', C1).execute();
    expect(await holding(db, 'ow')).toEqual([]);
    expect(await holding(db, 'ff')).toEqual([rid]);
    await db.insertInto('cases').values(caseRow(C2, 'NEW-1', 'Zone of concern')).execute();
    expect((await holding(db, 'z')).length).toBe(1);
    await db.deleteFrom('cases').where('id', '=', C1).execute();
    expect(await holding(db, 'ff')).toEqual([]);

    await m.migrateTo(m.previous);
    await expect(holding(db, 'z')).rejects.toThrow(/no such table/);
    const left = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name LIKE 'case_short_grams%'`.execute(db);
    expect(left.rows).toEqual([]);
  });

  it('refuses a write of a case on a connection without the function, rather than leave the index behind', async () => {
    await m.migrateTo('0013_short_gram_search');
    await m.close();
    // Opened as the app opens it, except that the cache's SQL functions are not registered.
    const bare = new Database(m.file);
    try {
      bare.pragma("cipher='sqlcipher'");
      bare.pragma('legacy=4');
      bare.pragma(`key="x'${m.keyHex}'"`);
      const insert = () => bare.prepare(`INSERT INTO cases (id, reference, title, case_type, status, risk_level, owner_agency_id, sharing_level,
        shared_agency_ids, created_at, updated_at, version) VALUES (?, 'R-1', 'Title', 'asb', 'open', 'low', ?, 'owner_agency', '[]', ?, ?, 1)`).run(C1, A1, T, T);
      expect(insert).toThrow(/no such function: case_short_grams/);
      expect(bare.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    } finally {
      bare.close();
    }
    m.reopen();
  });
});
