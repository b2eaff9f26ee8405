import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0012_totp_setup_token on %s', (dialect) => {
  const m = useServerMigration(dialect, '0011_person_attach');

  it('keeps existing users and their second factors, with no set-up pending, and then stores a set-up hash', async () => {
    const agencyId = await buildAgency(m.db);
    const pending = await buildUser(m.db, { agencyId, username: 'pending.totp' });
    const plain = await buildUser(m.db, { agencyId, username: 'plain.user' });
    await m.db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled: 0 }).where('id', '=', pending.id).execute();
    const columns = ['id', 'username', 'password_hash', 'totp_secret', 'totp_enabled', 'totp_last_step'] as const;
    const before = await m.db.selectFrom('users').select(columns).orderBy('username').execute();

    await m.migrateTo('0012_totp_setup_token');
    const after = await m.db.selectFrom('users').select([...columns, 'totp_setup_hash']).orderBy('username').execute();
    expect(after).toEqual(before.map((row) => ({ ...row, totp_setup_hash: null })));
    expect(after.map((row) => row.id)).toEqual([pending.id, plain.id]);

    const hash = 'a'.repeat(64);
    await m.db.updateTable('users').set({ totp_setup_hash: hash }).where('id', '=', pending.id).execute();
    expect(await m.db.selectFrom('users').select('totp_setup_hash').where('id', '=', pending.id).executeTakeFirstOrThrow()).toEqual({ totp_setup_hash: hash });
  });

  it('removes the column again when migrated down, keeping the users', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'down.user' });
    await m.migrateTo('0012_totp_setup_token');
    await m.migrateTo('0011_person_attach');
    const columns = await m.columnsOf('users');
    expect(columns).toContain('totp_last_step');
    expect(columns).not.toContain('totp_setup_hash');
    expect(await m.db.selectFrom('users').select('id').execute()).toEqual([{ id: user.id }]);
  });
});
