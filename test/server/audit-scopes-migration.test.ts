import { describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { auditEventHash } from '../../server/audit/audit-hash.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { buildPerson } from '../support/case-factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-12-01T10:00:00.000Z';

describe.each(testDialects())('migration 0014_audit_event_scopes on %s', (dialect) => {
  const m = useServerMigration(dialect, '0013_change_prior_audience');

  /** Appends an event the way 0013's code did (no scope rows), keeping the chain whole. */
  const appendEvent = async (agencyId: string | null, userId: string | null, entityType: string | null, entityId: string | null) => {
    const head = await m.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const fields = {
      seq: Number(head.seq) + 1, id: newId(), at: T, user_id: userId, agency_id: agencyId, team_id: null, device_id: null, ip: '10.0.0.1',
      action: 'record.view', category: 'consultation', entity_type: entityType, entity_id: entityId, outcome: 'success',
      justification: null, details: '{}', prev_hash: head.hash,
    };
    const hash = auditEventHash(fields);
    await m.db.insertInto('audit_events').values({ ...fields, hash }).execute();
    await m.db.updateTable('audit_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
    return fields.seq;
  };

  it("backfills each event under its actor's agency and the owner of its case or person, keeping the chain", async () => {
    const owner = await buildAgency(m.db);
    const partner = await buildAgency(m.db);
    const reader = (await buildUser(m.db, { agencyId: partner })).id;
    const caseId = (await buildCase(m.db, { ownerAgencyId: owner, audience: false })).id;
    const personId = await buildPerson(m.db, { ownerAgencyId: owner });
    const reportId = newId();
    await m.db.insertInto('reports').values({
      id: reportId, case_id: caseId, kind: 'contact', title: 'Synthetic', body: 'Synthetic body', author_user_id: reader, author_agency_id: partner,
      author_team_id: null, sharing_level: 'case', created_at: T, updated_at: T, version: 1,
    }).execute();
    const onCase = await appendEvent(partner, reader, 'case', caseId);
    const onReport = await appendEvent(partner, reader, 'report', reportId);
    const onPerson = await appendEvent(owner, reader, 'person', personId);
    const unknownUser = await appendEvent(null, null, null, null);
    const goneCase = await appendEvent(partner, reader, 'case', newId());

    await m.migrateTo('0014_audit_event_scopes');
    const rows = (await m.db.selectFrom('audit_event_scopes').selectAll().execute())
      .map((r) => [Number(r.seq), r.agency_id, r.case_id, r.person_id] as const)
      .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    const expected = [
      [onCase, partner, caseId, null], [onCase, owner, caseId, null],
      [onReport, partner, caseId, null], [onReport, owner, caseId, null],
      [onPerson, owner, null, personId],
      [goneCase, partner, expect.any(String), null],
    ].sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1])));
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r[0] === unknownUser)).toBe(false);
    expect(await m.indexesOf('audit_event_scopes')).toEqual(expect.arrayContaining(['audit_event_scopes_case_idx', 'audit_event_scopes_person_idx']));
    expect(await m.indexesOf('audit_events')).toContain('audit_events_user_seq_idx');
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 5 });
  });

  it('drops the table and its index when migrated down, keeping the events', async () => {
    const agency = await buildAgency(m.db);
    await appendEvent(agency, null, null, null);
    await m.migrateTo('0014_audit_event_scopes');
    expect(await m.db.selectFrom('audit_event_scopes').select('agency_id').execute()).toEqual([{ agency_id: agency }]);
    await m.migrateTo('0013_change_prior_audience');
    expect((await m.db.introspection.getTables()).map((t) => t.name)).not.toContain('audit_event_scopes');
    expect(await m.indexesOf('audit_events')).not.toContain('audit_events_user_seq_idx');
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 1 });
  });
});
