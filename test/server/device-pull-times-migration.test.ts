import { describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0010_device_pull_times on %s', (dialect) => {
  const m = useServerMigration(dialect, '0009_client_audit_events');

  const indexNames = () => m.indexesOf('client_audit_events');

  it('gives existing devices no pull time, indexes receipts by device and time, and undoes both when migrated down', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'pull.times' });
    const device = { id: newId(), user_id: user.id, name: 'Laptop', registered_at: '2026-11-30T09:00:00.000Z', last_seen_at: null, revoked_at: null };
    await m.db.insertInto('devices').values(device).execute();

    await m.migrateTo('0010_device_pull_times');
    expect(await m.db.selectFrom('devices').selectAll().execute()).toEqual([{ ...device, last_pulled_at: null }]);
    expect(await indexNames()).toContain('client_audit_events_device_received');

    await m.migrateTo('0009_client_audit_events');
    const columns = await m.columnsOf('devices');
    expect(columns).not.toContain('last_pulled_at');
    expect(await indexNames()).not.toContain('client_audit_events_device_received');
    expect(await m.db.selectFrom('devices').select('id').execute()).toEqual([{ id: device.id }]);
  });
});
