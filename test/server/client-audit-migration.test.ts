import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { newId } from '../../domain/ids.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

const T = '2026-11-26T10:00:00.000Z';

describe.each(testDialects())('migration 0009_client_audit_events on %s', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  let migrator: Migrator;
  let userId: string;
  let deviceId: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    migrator = new Migrator({ db: opened.db, provider: serverMigrationProvider });
    expect((await migrator.migrateTo('0008_sessions_valid_after')).error).toBeUndefined();
    userId = (await buildUser(opened.db, { agencyId: await buildAgency(opened.db), username: 'mig.user' })).id;
    deviceId = newId();
    await opened.db.insertInto('devices').values({ id: deviceId, user_id: userId, name: 'Laptop', registered_at: T, last_seen_at: null, revoked_at: null }).execute();
    await recordAuditNow(opened.db, {
      actor: { userId, agencyId: null, ip: '10.0.0.1' }, action: 'record.view', entityType: 'case', entityId: newId(), outcome: 'success', at: new Date(T),
    });
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  it('adds the receipts of reported events, one per user and event id, keeping users, devices and the audit chain', async () => {
    expect((await migrator.migrateTo('0009_client_audit_events')).error).toBeUndefined();
    expect(await opened.db.selectFrom('devices').select(['id', 'user_id']).execute()).toEqual([{ id: deviceId, user_id: userId }]);
    expect(await verifyAuditChain(opened.db)).toMatchObject({ ok: true, events: 1 });

    const receipt = { user_id: userId, client_event_id: newId(), device_id: deviceId, received_at: T };
    await opened.db.insertInto('client_audit_events').values(receipt).execute();
    expect(await opened.db.selectFrom('client_audit_events').selectAll().execute()).toEqual([receipt]);
    // The same id for the same user is refused by the key; for another user it is another event.
    await expect(opened.db.insertInto('client_audit_events').values(receipt).execute()).rejects.toThrow();
    const other = (await buildUser(opened.db, { agencyId: await buildAgency(opened.db), username: 'mig.other' })).id;
    await opened.db.insertInto('client_audit_events').values({ ...receipt, user_id: other }).execute();
    // A receipt names a real user and device.
    await expect(opened.db.insertInto('client_audit_events').values({ ...receipt, user_id: newId(), client_event_id: newId() }).execute()).rejects.toThrow();
    await expect(opened.db.insertInto('client_audit_events').values({ ...receipt, client_event_id: newId(), device_id: newId() }).execute()).rejects.toThrow();
    expect(await opened.db.selectFrom('client_audit_events').select('user_id').orderBy('user_id').execute()).toEqual(
      [{ user_id: userId }, { user_id: other }].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );
  });

  it('drops the table again when migrated down, keeping everything else', async () => {
    expect((await migrator.migrateTo('0009_client_audit_events')).error).toBeUndefined();
    await opened.db.insertInto('client_audit_events').values({ user_id: userId, client_event_id: newId(), device_id: deviceId, received_at: T }).execute();
    expect((await migrator.migrateTo('0008_sessions_valid_after')).error).toBeUndefined();
    const tables = (await opened.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('client_audit_events');
    expect(tables).toContain('devices');
    expect(await opened.db.selectFrom('devices').select('id').execute()).toEqual([{ id: deviceId }]);
    expect(await verifyAuditChain(opened.db)).toMatchObject({ ok: true, events: 1 });
  });
});
