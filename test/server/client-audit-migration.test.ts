import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { recordAuditBeforeLog } from './audit-chain-fixture.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-11-26T10:00:00.000Z';

describe.each(testDialects())('migration 0009_client_audit_events on %s', (dialect) => {
  const m = useServerMigration(dialect, '0008_sessions_valid_after');
  let userId: string;
  let deviceId: string;

  beforeEach(async () => {
    userId = (await buildUser(m.db, { agencyId: await buildAgency(m.db), username: 'mig.user' })).id;
    deviceId = newId();
    await m.db.insertInto('devices').values({ id: deviceId, user_id: userId, name: 'Laptop', registered_at: T, last_seen_at: null, revoked_at: null }).execute();
    await recordAuditBeforeLog(m.db, {
      actor: { userId, agencyId: null, ip: '10.0.0.1' }, action: 'record.view', entityType: 'case', entityId: newId(), outcome: 'success', at: new Date(T),
    });
  });

  it('adds the receipts of reported events, one per user and event id, keeping users, devices and the audit chain', async () => {
    await m.migrateTo('0009_client_audit_events');
    expect(await m.db.selectFrom('devices').select(['id', 'user_id']).execute()).toEqual([{ id: deviceId, user_id: userId }]);
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 1 });

    const receipt = { user_id: userId, client_event_id: newId(), device_id: deviceId, received_at: T };
    await m.db.insertInto('client_audit_events').values(receipt).execute();
    expect(await m.db.selectFrom('client_audit_events').selectAll().execute()).toEqual([receipt]);
    // The same id for the same user is refused by the key; for another user it is another event.
    await expect(m.db.insertInto('client_audit_events').values(receipt).execute()).rejects.toThrow();
    const other = (await buildUser(m.db, { agencyId: await buildAgency(m.db), username: 'mig.other' })).id;
    await m.db.insertInto('client_audit_events').values({ ...receipt, user_id: other }).execute();
    // A receipt names a real user and device.
    await expect(m.db.insertInto('client_audit_events').values({ ...receipt, user_id: newId(), client_event_id: newId() }).execute()).rejects.toThrow();
    await expect(m.db.insertInto('client_audit_events').values({ ...receipt, client_event_id: newId(), device_id: newId() }).execute()).rejects.toThrow();
    expect(await m.db.selectFrom('client_audit_events').select('user_id').orderBy('user_id').execute()).toEqual(
      [{ user_id: userId }, { user_id: other }].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );
  });

  it('drops the table again when migrated down, keeping everything else', async () => {
    await m.migrateTo('0009_client_audit_events');
    await m.db.insertInto('client_audit_events').values({ user_id: userId, client_event_id: newId(), device_id: deviceId, received_at: T }).execute();
    await m.migrateTo('0008_sessions_valid_after');
    const tables = (await m.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('client_audit_events');
    expect(tables).toContain('devices');
    expect(await m.db.selectFrom('devices').select('id').execute()).toEqual([{ id: deviceId }]);
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 1 });
  });
});
