import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0008_sessions_valid_after on %s', (dialect) => {
  const m = useServerMigration(dialect, '0007_totp_last_step');

  it('keeps existing users with no cut-off, stores one, and removes the column again when migrated down', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'cut.off' });
    const before = await m.db.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled']).execute();
    await m.migrateTo('0008_sessions_valid_after');
    const after = await m.db.selectFrom('users').select(['id', 'username', 'password_hash', 'disabled', 'sessions_valid_after']).execute();
    expect(after).toEqual(before.map((row) => ({ ...row, sessions_valid_after: null })));
    await m.db.updateTable('users').set({ sessions_valid_after: '2026-11-26T15:00:00.000Z' }).where('id', '=', user.id).execute();
    expect((await m.db.selectFrom('users').select('sessions_valid_after').executeTakeFirstOrThrow()).sessions_valid_after).toBe('2026-11-26T15:00:00.000Z');

    await m.migrateTo('0007_totp_last_step');
    const columns = await m.columnsOf('users');
    expect(columns).not.toContain('sessions_valid_after');
    expect(await m.db.selectFrom('users').select('id').execute()).toEqual([{ id: user.id }]);
  });
});
