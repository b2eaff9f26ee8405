import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0013_change_prior_audience on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    expect((await migrator.migrateTo('0012_totp_setup_token')).error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  it('keeps old changes without a prior, sets the floor at the current position, and drops both columns when migrated down', async () => {
    const at = '2026-12-04T10:00:00.000Z';
    await opened.db.updateTable('change_seq').set({ seq: 2 }).where('id', '=', 1).execute();
    // Before 0010 the table has no `prior` column: the insert names only the columns it had.
    for (const seq of [1, 2]) {
      await opened.db.insertInto('change_log').values({ seq, entity: 'case', entity_id: `c${seq}`, op: 'access', case_id: `c${seq}`, at }).execute();
    }
    expect((await migrator.migrateTo('0013_change_prior_audience')).error).toBeUndefined();
    const rows = await opened.db.selectFrom('change_log').select(['seq', 'entity_id', 'prior']).orderBy('seq').execute();
    expect(rows.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual([{ seq: 1, entity_id: 'c1', prior: null }, { seq: 2, entity_id: 'c2', prior: null }]);
    const counter = await opened.db.selectFrom('change_seq').select(['seq', 'prior_floor']).executeTakeFirstOrThrow();
    expect({ seq: Number(counter.seq), floor: Number(counter.prior_floor) }).toEqual({ seq: 2, floor: 2 });
    await opened.db.insertInto('change_log').values({ seq: 3, entity: 'case', entity_id: 'c3', op: 'access', case_id: 'c3', at, prior: '{"cases":{},"records":[]}' }).execute();

    expect((await migrator.migrateTo('0012_totp_setup_token')).error).toBeUndefined();
    const tables = await opened.db.introspection.getTables();
    const columns = (name: string) => tables.find((t) => t.name === name)?.columns.map((c) => c.name) ?? [];
    expect(columns('change_log')).not.toContain('prior');
    expect(columns('change_seq')).not.toContain('prior_floor');
    expect((await opened.db.selectFrom('change_log').select('entity_id').orderBy('seq').execute()).map((r) => r.entity_id)).toEqual(['c1', 'c2', 'c3']);
  });
});
