import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0007_totp_last_step on %s', (dialect) => {
  const m = useServerMigration(dialect, '0006_push_outcomes');

  it('keeps existing users and their second factors, with no step used yet, and then stores a step', async () => {
    const agencyId = await buildAgency(m.db);
    const enrolled = await buildUser(m.db, { agencyId, username: 'has.totp' });
    const plain = await buildUser(m.db, { agencyId, username: 'no.totp' });
    await m.db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled: 1 }).where('id', '=', enrolled.id).execute();
    const before = await m.db.selectFrom('users').select(['id', 'username', 'password_hash', 'totp_secret', 'totp_enabled']).orderBy('username').execute();

    await m.migrateTo('0007_totp_last_step');
    const after = await m.db.selectFrom('users').select(['id', 'username', 'password_hash', 'totp_secret', 'totp_enabled', 'totp_last_step']).orderBy('username').execute();
    expect(after).toEqual(before.map((row) => ({ ...row, totp_last_step: null })));
    expect(after.map((row) => row.id)).toEqual([enrolled.id, plain.id]);

    await m.db.updateTable('users').set({ totp_last_step: 59_784_120 }).where('id', '=', enrolled.id).execute();
    const stored = await m.db.selectFrom('users').select('totp_last_step').where('id', '=', enrolled.id).executeTakeFirstOrThrow();
    expect(stored.totp_last_step).toBe(59_784_120);
  });

  it('removes the column again when migrated down, keeping the users', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'down.user' });
    await m.migrateTo('0007_totp_last_step');
    await m.migrateTo('0006_push_outcomes');
    const tables = await m.db.introspection.getTables();
    const columns = tables.find((t) => t.name === 'users')?.columns.map((c) => c.name) ?? [];
    expect(columns).toContain('totp_enabled');
    expect(columns).not.toContain('totp_last_step');
    const rows = await m.db.selectFrom('users').select('id').execute();
    expect(rows).toEqual([{ id: user.id }]);
  });
});
