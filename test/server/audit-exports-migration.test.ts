import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-12-01T10:00:00.000Z';

describe.each(testDialects())('migration 0017_audit_exports on %s', (dialect) => {
  const m = useServerMigration(dialect, '0016_marac_referrals');
  let userId: string;
  let agencyId: string;

  beforeEach(async () => {
    agencyId = await buildAgency(m.db);
    userId = (await buildUser(m.db, { agencyId, username: 'mig.officer', role: 'data_officer' })).id;
    await recordAuditNow(m.db, { actor: { userId, agencyId, ip: null }, action: 'record.view', outcome: 'success', at: new Date(T) });
  });

  const job = () => ({
    id: newId(), user_id: userId, agency_id: agencyId, format: 'csv' as const, filters: '{}', reason: 'A reason long enough',
    status: 'running' as const, through_seq: 1, byte_length: null, sha256: null, created_at: T, finished_at: null,
  });

  it('adds export jobs, keeping users and the audit chain, with progress starting at nought', async () => {
    await m.migrateTo('0017_audit_exports');
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 1 });
    const row = job();
    await m.db.insertInto('audit_exports').values(row).execute();
    expect(await m.db.selectFrom('audit_exports').selectAll().executeTakeFirstOrThrow()).toEqual({ ...row, rows_written: 0, rows_total: 0 });
    // A job names a real user, and only known formats and statuses.
    await expect(m.db.insertInto('audit_exports').values({ ...job(), user_id: newId() }).execute()).rejects.toThrow();
    await expect(m.db.insertInto('audit_exports').values({ ...job(), format: 'pdf' as 'csv' }).execute()).rejects.toThrow();
    await expect(m.db.insertInto('audit_exports').values({ ...job(), status: 'paused' as 'running' }).execute()).rejects.toThrow();
  });

  it('drops the table again when migrated down, keeping everything else', async () => {
    await m.migrateTo('0017_audit_exports');
    await m.db.insertInto('audit_exports').values(job()).execute();
    await m.migrateTo('0016_marac_referrals');
    expect((await m.db.introspection.getTables()).map((t) => t.name)).not.toContain('audit_exports');
    expect(await m.db.selectFrom('users').select('id').execute()).toEqual([{ id: userId }]);
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 1 });
  });
});
