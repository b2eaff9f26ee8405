import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { searchPersons } from '../../main/cache/person-search-query.ts';
import { useCacheMigration } from '../support/cache-migration.ts';
import { trigramRowids } from './cache-test-kit.ts';

const T = '2026-11-26T10:00:00.000Z';
const C1 = '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6b';
const C2 = '0f6e1c3a-2b4d-4e5f-8a9b-1c2d3e4f5a6c';
const P1 = '5d1f2c3b-4a5e-4f60-9b7c-8d9e0f1a2b3c';
const A1 = '7b0c1f52-5a8e-4c53-9d7e-4a0d7f1c2b11';

describe('cache migration 0007 (trigram search indexes)', () => {
  const m = useCacheMigration('0007_trigram_search');

  it('indexes the cases and persons already cached, keeps the index in step afterwards, and rolls back', async () => {
    const { db } = m;
    const caseRow = {
      id: C1, reference: 'OLD-2026-0451', title: 'Fly-tipping behind Sallowmere Mill', case_type: 'asb', status: 'open', closure_reason: null,
      risk_level: 'low', review_date: null, owner_agency_id: A1, owner_team_id: null, owner_user_id: null, sharing_level: 'owner_agency',
      shared_agency_ids: '[]', created_at: T, updated_at: T, version: 1, abilities: null,
    };
    await db.insertInto('cases').values(caseRow).execute();
    await db.insertInto('persons').values({
      id: P1, given_name: 'Odile', family_name: 'Fairweather', date_of_birth: null, estimated_birth_year: 1980, gender: 'female',
      aliases: JSON.stringify([{ givenName: 'Dilly', familyName: 'Blackthornton' }]), abilities: null,
    }).execute();
    const [{ rid: caseRid }] = await db.selectFrom('cases').select('rid').execute() as [{ rid: number }];
    const [{ rid: personRid }] = await db.selectFrom('persons').select('rid').execute() as [{ rid: number }];

    await m.migrateTo('0007_trigram_search');
    // Rows cached at 0006 are found by substring, mid-word, in the reference, the title and the aliases.
    expect(await trigramRowids(db, 'case_trigram', '"owmere mi"')).toEqual([caseRid]);
    expect(await trigramRowids(db, 'case_trigram', '"2026-045"')).toEqual([caseRid]);
    expect(await trigramRowids(db, 'person_trigram', '"thornto"')).toEqual([personRid]);
    // In any case of letters (the queue's filter itself reads 0009's case types too, so it is tested at the head: cache-queue-text-filter).
    expect(await trigramRowids(db, 'case_trigram', '"SALLOWMERE"')).toEqual([caseRid]);
    expect((await searchPersons(db, 'ackthorn')).hits.map((h) => h.id)).toEqual([P1]);
    // The triggers keep it in step: an update replaces the old text, a delete takes it out.
    await db.updateTable('cases').set({ title: 'Graffiti at Wrenfield Arches' }).where('id', '=', C1).execute();
    expect(await trigramRowids(db, 'case_trigram', '"allowmer"')).toEqual([]);
    expect(await trigramRowids(db, 'case_trigram', '"renfield"')).toEqual([caseRid]);
    await db.deleteFrom('persons').execute();
    expect(await trigramRowids(db, 'person_trigram', '"thornto"')).toEqual([]);
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT rid FROM cases WHERE case_type = 'asb' OR owner_agency_id = ${A1}`.execute(db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/cases_case_type_idx[\s\S]*cases_owner_agency_idx/);

    await m.migrateTo(m.previous);
    await expect(trigramRowids(db, 'case_trigram', '"renfield"')).rejects.toThrow(/no such table/);
    const left = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name LIKE '%trigram%' OR name IN ('cases_case_type_idx', 'cases_owner_agency_idx')`.execute(db);
    expect(left.rows).toEqual([]);
    await db.insertInto('cases').values({ ...caseRow, id: C2, reference: 'OLD-2' }).execute();
    expect(await db.selectFrom('cases').select('id').orderBy('id').execute()).toEqual([{ id: C1 }, { id: C2 }]);
  });
});
