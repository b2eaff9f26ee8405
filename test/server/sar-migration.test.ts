import { describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { buildPerson } from '../support/case-factories.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0022_subject_access_requests on %s', (dialect) => {
  const m = useServerMigration(dialect, '0020_user_notifications');

  it('adds requests, consultations and redactions over existing people, one consultation per owner, and drops them when migrated down', async () => {
    const receiving = await buildAgency(m.db, { kind: 'council' });
    const owner = await buildAgency(m.db, { kind: 'police' });
    const officer = await buildUser(m.db, { agencyId: receiving, username: 'do.sar', role: 'data_officer' });
    const personId = await buildPerson(m.db, { ownerAgencyId: owner });
    await m.migrateTo('0022_subject_access_requests');
    const sarId = newId();
    await m.db.insertInto('sar_requests').values({
      id: sarId, agency_id: receiving, person_id: personId, reference: 'SAR-2026-001', received_on: '2026-09-03', due_on: '2026-10-03',
      extension_months: null, extended_due_on: null, extension_reason: null, requester_name: 'Synthetic Requester',
      requester_relation: 'data_subject', requester_contact: '1 Synthetic Street', status: 'open', created_by: officer.id,
      created_at: '2026-09-03T10:00:00.000Z', closed_at: null, version: 1,
    }).execute();
    const consultation = { id: newId(), sar_id: sarId, owner_agency_id: owner, status: 'pending' as const, exemption: null, exemption_reason: null,
      released_part: null, decided_by: null, decided_at: null, created_at: '2026-09-03T10:00:00.000Z' };
    await m.db.insertInto('sar_consultations').values(consultation).execute();
    await expect(m.db.insertInto('sar_consultations').values({ ...consultation, id: newId() }).execute()).rejects.toThrow();
    await m.db.insertInto('sar_redactions').values({
      id: newId(), sar_id: sarId, part_agency_id: owner, kind: 'third_party_name', third_party_person_id: personId, record_type: null,
      record_id: null, text_sha256: null, redacted: 1, reason: null, occurrences: 2, decided_by: officer.id, decided_at: '2026-09-10T10:00:00.000Z',
    }).execute();
    expect(await m.db.selectFrom('sar_requests').select(['reference', 'due_on']).execute()).toEqual([{ reference: 'SAR-2026-001', due_on: '2026-10-03' }]);
    expect(await m.indexesOf('sar_consultations')).toEqual(expect.arrayContaining(['sar_consultations_owner_status']));
    await m.migrateTo('0020_user_notifications');
    for (const table of ['sar_requests', 'sar_consultations', 'sar_redactions']) {
      expect(await m.columnsOf(table)).toEqual([]);
    }
    expect(await m.db.selectFrom('persons').select('id').execute()).toEqual([{ id: personId }]);
  });
});
