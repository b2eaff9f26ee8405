/**
 * A request must not silently miss an agency whose records about the person the receiving agency
 * came to hold after the request was logged (docs/audit.md, "Subject access requests"): the missing
 * consultation is opened when the request is next read or its bundle generated, and the bundle waits
 * for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarBundleFiles, SarDetail } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildPerson, buildThreeAgencyWorld, call, signIn, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const HOUSING_TEXT = 'Tenancy warning issued to Perpetua Glimmerstone';

describe.each(testDialects())('a SAR consults an agency whose records appear after it was logged, on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  const officers = {} as Record<'police' | 'council' | 'housing', WorldUser>;
  let subjectId: string;
  let sarId: string;
  const addSubject = (caseId: string) => server.db.insertInto('case_subjects')
    .values({ id: newId(), case_id: caseId, person_id: subjectId, role: 'victim', created_at: '2026-11-01T09:00:00.000Z' }).execute();
  const consultations = () => server.db.selectFrom('sar_consultations').select(['owner_agency_id', 'status']).where('sar_id', '=', sarId).orderBy('owner_agency_id').execute();
  const inbox = async (who: 'police' | 'housing') =>
    (await call<{ consultations: Array<{ id: string; status: string }> }>(server, officers[who], 'GET', '/sar-consultations')).body.consultations;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    for (const key of ['police', 'council', 'housing'] as const) {
      const u = await buildUser(server.db, { agencyId: world.agencies[key], role: 'data_officer' });
      officers[key] = { id: u.id, agencyId: world.agencies[key], teamIds: [], role: 'data_officer', token: await signIn(server, u.username, u.password) };
    }
    subjectId = await buildPerson(server.db, { ownerAgencyId: world.agencies.council, givenName: 'Perpetua', familyName: 'Glimmerstone' });
    await addSubject((await buildCase(server.db, { ownerAgencyId: world.agencies.council })).id);
    await addSubject((await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] })).id);
  });
  afterAll(() => server.stop());

  it('logs the request with the police consulted, and is complete once they answer', async () => {
    const res = await call<SarDetail>(server, officers.council, 'POST', '/sars', {
      personId: subjectId, reference: 'SAR-LATE-1', receivedOn: '2026-11-02', requesterName: 'Perpetua Glimmerstone', requesterRelation: 'data_subject', requesterContact: 'By post',
    });
    expect(res.status).toBe(200);
    sarId = res.body.id;
    expect(await consultations()).toEqual([{ owner_agency_id: world.agencies.police, status: 'pending' }]);
    const [police] = await inbox('police');
    expect((await call(server, officers.police, 'POST', `/sar-consultations/${police!.id}/release`, {})).status).toBe(200);
    expect((await call<SarDetail>(server, officers.council, 'GET', `/sars/${sarId}`)).body.complete).toBe(true);
  });

  it('opens a consultation for housing when its record about the person reaches the council later, and the bundle waits for it', async () => {
    // Housing shares a case about the person with the council after the request was logged.
    const housingCase = await buildCase(server.db, { ownerAgencyId: world.agencies.housing, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] });
    await addSubject(housingCase.id);
    const report = await call<{ id: string }>(server, world.users.housing.a, 'POST', `/cases/${housingCase.id}/reports`, { kind: 'contact', title: 'Synthetic note', body: HOUSING_TEXT });
    expect(report.status).toBe(200);

    // Generating the bundle finds housing unconsulted: it opens the consultation and refuses until it is answered.
    const refused = await call<{ error: { code: string } }>(server, officers.council, 'POST', `/sars/${sarId}/bundle`, {});
    expect([refused.status, refused.body.error.code]).toEqual([409, 'conflict']);
    expect(await consultations()).toEqual([
      { owner_agency_id: world.agencies.police, status: 'released' }, { owner_agency_id: world.agencies.housing, status: 'pending' },
    ].sort((a, b) => a.owner_agency_id.localeCompare(b.owner_agency_id)));
    const consult = await server.db.selectFrom('audit_events').select(['user_id', 'details', 'category']).where('action', '=', 'sar.consult').execute();
    expect(consult).toEqual([{ user_id: officers.council.id, details: JSON.stringify({ personId: subjectId, consultedAgencyIds: [world.agencies.housing] }), category: 'alteration' }]);

    // The request shows it pending, reading it again opens nothing more, and housing has it in its inbox.
    for (let i = 0; i < 2; i += 1) {
      const detail = await call<SarDetail>(server, officers.council, 'GET', `/sars/${sarId}`);
      expect(detail.body.complete).toBe(false);
      expect(detail.body.consultationStates.map((c) => [c.agency.id, c.status]).sort()).toEqual(
        [[world.agencies.housing, 'pending'], [world.agencies.police, 'released']].sort());
    }
    expect(await consultations()).toHaveLength(2);
    expect(await server.db.selectFrom('audit_events').select('seq').where('action', '=', 'sar.consult').execute()).toHaveLength(1);
    const [housing] = await inbox('housing');
    expect(housing?.status).toBe('pending');

    // Once housing releases its part, the bundle is made with it.
    expect((await call(server, officers.housing, 'POST', `/sar-consultations/${housing!.id}/release`, {})).status).toBe(200);
    const bundle = await call<SarBundleFiles>(server, officers.council, 'POST', `/sars/${sarId}/bundle`, {});
    expect(bundle.status).toBe(200);
    const parts = (JSON.parse(bundle.body.json) as { parts: Array<{ agency: { id: string }; source: string }> }).parts;
    expect(parts.map((p) => [p.agency.id, p.source])).toEqual([
      [world.agencies.council, 'own'],
      ...[[world.agencies.housing, 'released'], [world.agencies.police, 'released']].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ]);
    expect(bundle.body.json).toContain(HOUSING_TEXT);
  });

  it('opens nothing on a closed request', async () => {
    const detail = (await call<SarDetail>(server, officers.council, 'GET', `/sars/${sarId}`)).body;
    expect((await call(server, officers.council, 'POST', `/sars/${sarId}/close`, { expectedVersion: detail.version })).status).toBe(200);
    await server.db.deleteFrom('sar_consultations').where('sar_id', '=', sarId).where('owner_agency_id', '=', world.agencies.housing).execute();
    const closed = await call<SarDetail>(server, officers.council, 'GET', `/sars/${sarId}`);
    expect(closed.body.consultationStates.map((c) => c.agency.id)).toEqual([world.agencies.police]);
    expect(await consultations()).toHaveLength(1);
  });
});
