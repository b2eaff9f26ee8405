import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';
import { recordSampleEvents } from './audit-chain-fixture.ts';

describe.each(testDialects())('migration 0003_audit_append_only on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    const { error } = await migrator.migrateTo('0002_domain_model');
    expect(error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  it('keeps events recorded before it intact and makes them append-only', async () => {
    await recordSampleEvents(opened.db, 3);
    // Before 0003 the database itself does not stop an update.
    await opened.db.updateTable('audit_events').set({ ip: '10.0.0.1' }).where('seq', '=', 1).execute();
    const { error } = await migrator.migrateTo('0003_audit_append_only');
    expect(error).toBeUndefined();
    expect(await verifyAuditChain(opened.db)).toMatchObject({ ok: true, events: 3 });
    await expect(opened.db.updateTable('audit_events').set({ ip: null }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await recordSampleEvents(opened.db, 2);
    expect(await verifyAuditChain(opened.db)).toMatchObject({ ok: true, events: 5 });
  });

  it('removes the triggers again when migrated down', async () => {
    expect((await migrator.migrateTo('0003_audit_append_only')).error).toBeUndefined();
    expect((await migrator.migrateTo('0002_domain_model')).error).toBeUndefined();
    await recordSampleEvents(opened.db, 1);
    await opened.db.deleteFrom('audit_events').execute();
    expect(await opened.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
  });
});
