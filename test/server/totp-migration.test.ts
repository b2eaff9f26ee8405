import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0007_totp_last_step on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    const { error } = await migrator.migrateTo('0006_push_outcomes');
    expect(error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  it('keeps existing users and their second factors, with no step used yet, and then stores a step', async () => {
    const agencyId = await buildAgency(opened.db);
    const enrolled = await buildUser(opened.db, { agencyId, username: 'has.totp' });
    const plain = await buildUser(opened.db, { agencyId, username: 'no.totp' });
    await opened.db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled: 1 }).where('id', '=', enrolled.id).execute();
    const before = await opened.db.selectFrom('users').select(['id', 'username', 'password_hash', 'totp_secret', 'totp_enabled']).orderBy('username').execute();

    expect((await migrator.migrateTo('0007_totp_last_step')).error).toBeUndefined();
    const after = await opened.db.selectFrom('users').select(['id', 'username', 'password_hash', 'totp_secret', 'totp_enabled', 'totp_last_step']).orderBy('username').execute();
    expect(after).toEqual(before.map((row) => ({ ...row, totp_last_step: null })));
    expect(after.map((row) => row.id)).toEqual([enrolled.id, plain.id]);

    await opened.db.updateTable('users').set({ totp_last_step: 59_784_120 }).where('id', '=', enrolled.id).execute();
    const stored = await opened.db.selectFrom('users').select('totp_last_step').where('id', '=', enrolled.id).executeTakeFirstOrThrow();
    expect(stored.totp_last_step).toBe(59_784_120);
  });

  it('removes the column again when migrated down, keeping the users', async () => {
    const agencyId = await buildAgency(opened.db);
    const user = await buildUser(opened.db, { agencyId, username: 'down.user' });
    expect((await migrator.migrateTo('0007_totp_last_step')).error).toBeUndefined();
    expect((await migrator.migrateTo('0006_push_outcomes')).error).toBeUndefined();
    const tables = await opened.db.introspection.getTables();
    const columns = tables.find((t) => t.name === 'users')?.columns.map((c) => c.name) ?? [];
    expect(columns).toContain('totp_enabled');
    expect(columns).not.toContain('totp_last_step');
    const rows = await opened.db.selectFrom('users').select('id').execute();
    expect(rows).toEqual([{ id: user.id }]);
  });
});
