/**
 * Redacting the receiving agency's own part before the bundle (docs/audit.md): its data officer
 * reads the part live and unredacted with the third parties flagged (audited), then generates the
 * bundle with a third party disclosed, a record left out and a passage redacted — each decision
 * recorded; bad choices are refused and record nothing. No one else reads the part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarPart } from '../../domain/entities/sar.ts';
import type { SarBundleFiles, SarDetail } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import { buildPerson, buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildTeam } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const VISIT = 'Visit with Perpetua Gallowglass and Ambrose Tindlewick; address 4 Quernstone Row discussed';
const ASIDE = 'Internal aside Velmarch to leave out';

describe.each(testDialects())("redacting the agency's own part on %s", (dialect) => {
  let server: TestServer;
  let officer: WorldUser;
  let practitioner: WorldUser;
  let otherOfficer: WorldUser;
  let sarId: string;
  let sister: string;
  let neighbour: string;
  let asideId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const council = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    const police = await buildAgency(server.db, { kind: 'police', name: 'Synthetic Police' });
    const team = await buildTeam(server.db, council, 'Adults');
    officer = await buildSignedInUser(server, council, [], 'data_officer');
    otherOfficer = await buildSignedInUser(server, police, [], 'data_officer');
    practitioner = await buildSignedInUser(server, council, [team]);
    const subject = await buildPerson(server.db, { ownerAgencyId: council, givenName: 'Rosalind', familyName: 'Gallowglass' });
    sister = await buildPerson(server.db, { ownerAgencyId: council, givenName: 'Perpetua', familyName: 'Gallowglass' });
    neighbour = await buildPerson(server.db, { ownerAgencyId: council, givenName: 'Ambrose', familyName: 'Tindlewick' });
    const c = await buildCase(server.db, { ownerAgencyId: council, ownerTeamId: team });
    for (const [person, role] of [[subject, 'victim'], [sister, 'associate'], [neighbour, 'associate']] as const) {
      await server.db.insertInto('case_subjects').values({ id: newId(), case_id: c.id, person_id: person, role, created_at: '2026-11-01T09:00:00.000Z' }).execute();
    }
    for (const body of [VISIT, ASIDE]) {
      const res = await call<{ id: string }>(server, practitioner, 'POST', `/cases/${c.id}/reports`, { kind: 'contact', title: 'Synthetic note', body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      if (body === ASIDE) {
        asideId = res.body.id;
      }
    }
    const sar = await call<SarDetail>(server, officer, 'POST', '/sars', {
      personId: subject, reference: 'SAR-OWN-1', receivedOn: '2026-11-02', requesterName: 'Rosalind Gallowglass', requesterRelation: 'data_subject', requesterContact: 'By post',
    });
    expect([sar.status, sar.body.complete]).toEqual([200, true]);
    sarId = sar.body.id;
  });
  afterAll(() => server.stop());

  it('shows the data officer the part unredacted, third parties flagged, and records the read', async () => {
    const res = await call<SarPart>(server, officer, 'GET', `/sars/${sarId}/own-part`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.items)).toContain(VISIT);
    expect(res.body.thirdParties.map((t) => [t.personId, t.redacted]).sort()).toEqual([[neighbour, true], [sister, true]].sort());
    const event = await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', officer.id).where('action', '=', 'record.view')
      .where('entity_id', '=', sarId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const details = JSON.parse(event.details) as { part: string; records: Array<{ type: string; id: string }> };
    expect(details.part).toBe('own');
    expect(details.records).toContainEqual({ type: 'report', id: asideId });
  });

  it('lets no one else read it: another agency cannot tell it exists, a practitioner is refused', async () => {
    const other = await call<{ error: { code: string } }>(server, otherOfficer, 'GET', `/sars/${sarId}/own-part`);
    const none = await call<{ error: { code: string } }>(server, otherOfficer, 'GET', `/sars/${newId()}/own-part`);
    expect([other.status, other.body.error.code]).toEqual([404, 'not_found']);
    expect(other.body).toEqual(none.body);
    const refused = await call<{ error: { code: string } }>(server, practitioner, 'GET', `/sars/${sarId}/own-part`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'authorization_error']);
  });

  it('refuses bad redactions and records nothing', async () => {
    for (const body of [
      { redactTexts: [{ text: '4 Quernstone Row', reason: 'short' }] },
      { omitRecords: [{ type: 'report', id: newId(), reason: 'Not in this part at all' }] },
      { discloseThirdParties: [{ personId: newId(), reason: 'Not flagged in this part' }] },
    ]) {
      const res = await call<{ error: { code: string } }>(server, officer, 'POST', `/sars/${sarId}/bundle`, body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, 'validation_error']);
    }
    expect(await server.db.selectFrom('sar_redactions').select('id').execute()).toEqual([]);
    expect(await server.db.selectFrom('audit_events').select('id').where('action', '=', 'export.create').execute()).toEqual([]);
  });

  it('applies a disclosure, a record left out and a passage redacted to the bundle, recording each', async () => {
    const res = await call<SarBundleFiles>(server, officer, 'POST', `/sars/${sarId}/bundle`, {
      discloseThirdParties: [{ personId: sister, reason: 'The requester’s sister consented in writing' }],
      omitRecords: [{ type: 'report', id: asideId, reason: 'Legal advice, privileged' }],
      redactTexts: [{ text: '4 Quernstone Row', reason: 'The neighbour’s address identifies them' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.json).toContain('Visit with Perpetua Gallowglass and [third party]; address [redacted] discussed');
    for (const gone of [ASIDE, 'Tindlewick', 'Ambrose', 'Quernstone']) {
      expect(res.body.json, gone).not.toContain(gone);
    }
    const rows = await server.db.selectFrom('sar_redactions').select(['kind', 'third_party_person_id', 'record_id', 'text_sha256', 'redacted', 'reason', 'decided_by']).execute();
    expect(rows.map((r) => [r.kind, r.third_party_person_id ?? r.record_id ?? (r.text_sha256 ? 'hash' : null), Number(r.redacted), r.decided_by]).sort()).toEqual([
      ['record', asideId, 1, officer.id], ['text', 'hash', 1, officer.id], ['third_party_name', neighbour, 1, officer.id], ['third_party_name', sister, 0, officer.id],
    ].sort());
    expect(JSON.stringify(rows)).not.toContain('Quernstone');
  });
});
