import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-11-26T10:00:00.000Z';

describe('cache migration 0005 (locations)', () => {
  const m = useCacheMigration('0005_locations');

  it('adds the location and case-location mirror tables to an encrypted cache without touching its rows, and rolls back', async () => {
    const { db } = m;
    await db.insertInto('meta').values({ key: 'cursor', value: '42' }).execute();
    await db.insertInto('agencies').values({ id: 'a1', name: 'Old Council', kind: 'council', code: 'OLD' }).execute();

    await m.migrateTo('0005_locations');
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([{ key: 'cursor', value: '42' }]);
    expect(await db.selectFrom('agencies').select('id').execute()).toEqual([{ id: 'a1' }]);
    const location = {
      id: 'l1', address_line: '4 Synthetic Row', town: 'Testtown', postcode: 'TE4 4ST', uprn: null, latitude: 51.5, longitude: -0.12,
      owner_agency_id: 'a1', created_at: T, updated_at: T, version: 1, abilities: '{"update":true}',
    };
    await db.insertInto('locations').values(location).execute();
    await db.insertInto('case_locations').values({ id: 'cl1', case_id: 'c1', location_id: 'l1', description: 'home', created_at: T }).execute();
    expect(await db.selectFrom('locations').selectAll().execute()).toEqual([location]);
    await expect(db.insertInto('locations').values({ ...location, id: 'l2', address_line: null as never }).execute()).rejects.toThrow(/NOT NULL/);

    await m.migrateTo(m.previous);
    await expect(db.selectFrom('locations').selectAll().execute()).rejects.toThrow(/no such table/);
    await expect(db.selectFrom('case_locations').selectAll().execute()).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('agencies').select('id').execute()).toEqual([{ id: 'a1' }]);
  });
});
