import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-12-01T10:00:00.000Z';

describe.each(testDialects())('migration 0025_audit_export_pdf on %s', (dialect) => {
  const m = useServerMigration(dialect, '0024_case_types_as_data');
  let userId: string;
  let agencyId: string;

  beforeEach(async () => {
    agencyId = await buildAgency(m.db);
    userId = (await buildUser(m.db, { agencyId, username: 'mig.officer', role: 'data_officer' })).id;
  });

  const job = (format: 'csv' | 'xlsx' | 'pdf') => ({
    id: newId(), user_id: userId, agency_id: agencyId, format, filters: '{}', reason: 'A reason long enough',
    status: 'complete' as const, rows_written: 3, rows_total: 3, through_seq: 1, byte_length: 10, sha256: 'a'.repeat(64),
    created_at: T, finished_at: T, heartbeat_at: T,
  });

  it('lets a job be a PDF, keeping the jobs already there, their index and the other checks', async () => {
    const [csv, xlsx] = [job('csv'), job('xlsx')];
    await m.db.insertInto('audit_exports').values([csv, xlsx]).execute();
    await expect(m.db.insertInto('audit_exports').values(job('pdf')).execute()).rejects.toThrow();
    await m.migrateTo('0025_audit_export_pdf');
    const pdf = job('pdf');
    await m.db.insertInto('audit_exports').values(pdf).execute();
    expect(await m.db.selectFrom('audit_exports').selectAll().orderBy('format').execute()).toEqual([csv, pdf, xlsx]);
    expect(await m.indexesOf('audit_exports')).toContain('audit_exports_user_created');
    await expect(m.db.insertInto('audit_exports').values({ ...job('csv'), format: 'docx' as 'csv' }).execute()).rejects.toThrow();
    await expect(m.db.insertInto('audit_exports').values({ ...job('csv'), status: 'paused' as 'running' }).execute()).rejects.toThrow();
    await expect(m.db.insertInto('audit_exports').values({ ...job('pdf'), user_id: newId() }).execute()).rejects.toThrow();
  });

  it('migrated down, drops the PDF jobs and refuses PDF again, keeping the rest', async () => {
    await m.migrateTo('0025_audit_export_pdf');
    const csv = job('csv');
    await m.db.insertInto('audit_exports').values([csv, job('pdf')]).execute();
    await m.migrateTo('0024_case_types_as_data');
    expect(await m.db.selectFrom('audit_exports').selectAll().execute()).toEqual([csv]);
    await expect(m.db.insertInto('audit_exports').values(job('pdf')).execute()).rejects.toThrow();
  });
});
