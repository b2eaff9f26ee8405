import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0019_must_change_password on %s', (dialect) => {
  const m = useServerMigration(dialect, '0018_audit_export_heartbeat');

  it('keeps existing users, none of them forced to change their password, and then stores the flag', async () => {
    const agencyId = await buildAgency(m.db);
    const a = await buildUser(m.db, { agencyId, username: 'existing.a' });
    const b = await buildUser(m.db, { agencyId, username: 'existing.b' });
    const before = await m.db.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled']).orderBy('username').execute();

    await m.migrateTo('0019_must_change_password');
    const after = await m.db.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled', 'must_change_password']).orderBy('username').execute();
    expect(after).toEqual(before.map((row) => ({ ...row, must_change_password: 0 })));
    await m.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', b.id).execute();
    expect(await m.db.selectFrom('users').select(['id', 'must_change_password']).orderBy('username').execute())
      .toEqual([{ id: a.id, must_change_password: 0 }, { id: b.id, must_change_password: 1 }]);
  });

  it('removes the column again when migrated down, keeping the users', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'down.user' });
    await m.migrateTo('0019_must_change_password');
    await m.migrateTo('0018_audit_export_heartbeat');
    expect(await m.columnsOf('users')).not.toContain('must_change_password');
    expect(await m.db.selectFrom('users').select('id').execute()).toEqual([{ id: user.id }]);
  });
});
