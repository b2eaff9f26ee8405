import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0020_user_notifications on %s', (dialect) => {
  const m = useServerMigration(dialect, '0019_must_change_password');

  it('adds the notification and read tables, with one row per dedupe key, and drops them when migrated down', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'reader' });
    await m.migrateTo('0020_user_notifications');
    const row = {
      id: '0b6a3c1e-0000-4000-8000-000000000001', kind: 'task_overdue' as const, agency_id: agencyId, team_id: null, user_id: null, case_id: null,
      task_id: null, marker_id: null, access_request_id: null, dedupe_key: 'task_overdue:x:2026-01-01', created_at: '2026-01-02T00:00:00.000Z',
    };
    await m.db.insertInto('user_notifications').values(row).execute();
    await expect(m.db.insertInto('user_notifications').values({ ...row, id: '0b6a3c1e-0000-4000-8000-000000000002' }).execute()).rejects.toThrow();
    await m.db.insertInto('user_notification_reads').values({ notification_id: row.id, user_id: user.id, read_at: row.created_at }).execute();
    expect(await m.db.selectFrom('user_notification_reads').select('user_id').execute()).toEqual([{ user_id: user.id }]);
    await m.migrateTo('0019_must_change_password');
    expect(await m.columnsOf('user_notifications')).toEqual([]);
    expect(await m.columnsOf('user_notification_reads')).toEqual([]);
  });
});
