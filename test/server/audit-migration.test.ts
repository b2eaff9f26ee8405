import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';
import { recordSampleEventsBeforeLog } from './audit-chain-fixture.ts';

describe.each(testDialects())('migration 0003_audit_append_only on %s', (dialect) => {
  const m = useServerMigration(dialect, '0002_domain_model');

  it('keeps events recorded before it intact and makes them append-only', async () => {
    await recordSampleEventsBeforeLog(m.db, 3);
    // Before 0003 the database itself does not stop an update.
    await m.db.updateTable('audit_events').set({ ip: '10.0.0.1' }).where('seq', '=', 1).execute();
    await m.migrateTo('0003_audit_append_only');
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 3 });
    await expect(m.db.updateTable('audit_events').set({ ip: null }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await recordSampleEventsBeforeLog(m.db, 2);
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 5 });
  });

  it('removes the triggers again when migrated down', async () => {
    await m.migrateTo('0003_audit_append_only');
    await m.migrateTo('0002_domain_model');
    await recordSampleEventsBeforeLog(m.db, 1);
    await m.db.deleteFrom('audit_events').execute();
    expect(await m.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
  });
});
