import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheMigrationProvider, cacheMigrations } from '../../db/cache/migrations/index.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import { newKeyHex } from './cache-test-kit.ts';

const T = '2026-11-26T10:00:00.000Z';
// Whatever comes right before 0005 in the static list (0004 is being added separately).
const names = Object.keys(cacheMigrations).sort();
const PREVIOUS = names[names.indexOf('0005_locations') - 1]!;

describe('cache migration 0005 (locations)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('adds the location and case-location mirror tables to an encrypted cache without touching its rows, and rolls back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-mig-'));
    dirs.push(dir);
    const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(join(dir, 'c.cbcache'), newKeyHex()) }) });
    const migrator = new Migrator({ db, provider: cacheMigrationProvider });
    expect((await migrator.migrateTo(PREVIOUS)).error).toBeUndefined();
    await db.insertInto('meta').values({ key: 'cursor', value: '42' }).execute();
    await db.insertInto('agencies').values({ id: 'a1', name: 'Old Council', kind: 'council', code: 'OLD' }).execute();

    expect((await migrator.migrateTo('0005_locations')).error).toBeUndefined();
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

    expect((await migrator.migrateTo(PREVIOUS)).error).toBeUndefined();
    await expect(db.selectFrom('locations').selectAll().execute()).rejects.toThrow(/no such table/);
    await expect(db.selectFrom('case_locations').selectAll().execute()).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('agencies').select('id').execute()).toEqual([{ id: 'a1' }]);
    await db.destroy();
  });
});
