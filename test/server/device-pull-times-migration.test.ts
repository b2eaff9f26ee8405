import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { newId } from '../../domain/ids.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0010_device_pull_times on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    expect((await migrator.migrateTo('0009_client_audit_events')).error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  const indexNames = async (): Promise<string[]> => {
    const query = dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'client_audit_events'`
      : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'client_audit_events'`;
    return (await query.execute(opened.db)).rows.map((r) => r.name);
  };

  it('gives existing devices no pull time, indexes receipts by device and time, and undoes both when migrated down', async () => {
    const agencyId = await buildAgency(opened.db);
    const user = await buildUser(opened.db, { agencyId, username: 'pull.times' });
    const device = { id: newId(), user_id: user.id, name: 'Laptop', registered_at: '2026-11-30T09:00:00.000Z', last_seen_at: null, revoked_at: null };
    await opened.db.insertInto('devices').values(device).execute();

    expect((await migrator.migrateTo('0010_device_pull_times')).error).toBeUndefined();
    expect(await opened.db.selectFrom('devices').selectAll().execute()).toEqual([{ ...device, last_pulled_at: null }]);
    expect(await indexNames()).toContain('client_audit_events_device_received');

    expect((await migrator.migrateTo('0009_client_audit_events')).error).toBeUndefined();
    const columns = (await opened.db.introspection.getTables()).find((t) => t.name === 'devices')?.columns.map((c) => c.name) ?? [];
    expect(columns).not.toContain('last_pulled_at');
    expect(await indexNames()).not.toContain('client_audit_events_device_received');
    expect(await opened.db.selectFrom('devices').select('id').execute()).toEqual([{ id: device.id }]);
  });
});
