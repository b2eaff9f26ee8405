import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0008_sessions_valid_after on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    expect((await migrator.migrateTo('0007_totp_last_step')).error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  it('keeps existing users with no cut-off, stores one, and removes the column again when migrated down', async () => {
    const agencyId = await buildAgency(opened.db);
    const user = await buildUser(opened.db, { agencyId, username: 'cut.off' });
    const before = await opened.db.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled']).execute();
    expect((await migrator.migrateTo('0008_sessions_valid_after')).error).toBeUndefined();
    const after = await opened.db.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled', 'sessions_valid_after']).execute();
    expect(after).toEqual(before.map((row) => ({ ...row, sessions_valid_after: null })));
    await opened.db.updateTable('users').set({ sessions_valid_after: '2026-11-26T15:00:00.000Z' }).where('id', '=', user.id).execute();
    expect((await opened.db.selectFrom('users').select('sessions_valid_after').executeTakeFirstOrThrow()).sessions_valid_after).toBe('2026-11-26T15:00:00.000Z');

    expect((await migrator.migrateTo('0007_totp_last_step')).error).toBeUndefined();
    const columns = (await opened.db.introspection.getTables()).find((t) => t.name === 'users')?.columns.map((c) => c.name) ?? [];
    expect(columns).not.toContain('sessions_valid_after');
    expect(await opened.db.selectFrom('users').select('id').execute()).toEqual([{ id: user.id }]);
  });
});
