/**
 * A request must not silently miss an agency whose records about the person the receiving agency
 * came to hold after the request was logged (docs/audit.md, "Subject access requests"): the missing
 * consultation is opened when the request is next read or listed, or its bundle generated, and the
 * bundle waits for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarBundleFiles, SarDetail, SarSummary } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import { ownersHolding } from '../../server/sars/listed-missing-consultations.ts';
import { loadHoldings, otherOwners } from '../../server/sars/sar-holdings.ts';
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

  it('the list of open requests opens the late consultations of the requests it shows, once, and no others', async () => {
    const late = await buildPerson(server.db, { ownerAgencyId: world.agencies.council, givenName: 'Lattimer', familyName: 'Quench' });
    const quiet = await buildPerson(server.db, { ownerAgencyId: world.agencies.council, givenName: 'Quietus', familyName: 'Stillwell' });
    const onCase = (caseId: string, personId: string) => server.db.insertInto('case_subjects')
      .values({ id: newId(), case_id: caseId, person_id: personId, role: 'victim', created_at: '2026-11-01T09:00:00.000Z' }).execute();
    await onCase((await buildCase(server.db, { ownerAgencyId: world.agencies.council })).id, late);
    await onCase((await buildCase(server.db, { ownerAgencyId: world.agencies.council })).id, quiet);
    const log = async (personId: string, reference: string) => {
      const res = await call<SarDetail>(server, officers.council, 'POST', '/sars', {
        personId, reference, receivedOn: '2026-11-03', requesterName: 'Synthetic requester', requesterRelation: 'data_subject', requesterContact: 'By post',
      });
      expect(res.status).toBe(200);
      return res.body.id;
    };
    const lateSar = await log(late, 'SAR-LATE-2');
    const quietSar = await log(quiet, 'SAR-LATE-3');
    const consultsOf = (id: string) => server.db.selectFrom('sar_consultations').select(['owner_agency_id', 'status']).where('sar_id', '=', id).execute();
    expect([await consultsOf(lateSar), await consultsOf(quietSar)]).toEqual([[], []]);
    // Police share a case about the first person with the council after the request was logged.
    await onCase((await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] })).id, late);
    // The batched owners agree with the request's own holdings check.
    const at = new Date().toISOString();
    const owners = await ownersHolding(server.db, world.agencies.council, [late, quiet], at);
    expect([...owners.get(late)!].filter((o) => o !== world.agencies.council).sort())
      .toEqual(otherOwners((await loadHoldings(server.db, world.agencies.council, late, at)).holdings, world.agencies.council));
    expect([...owners.get(quiet)!]).toEqual([world.agencies.council]);

    const consultsBefore = (await server.db.selectFrom('audit_events').select('seq').where('action', '=', 'sar.consult').execute()).length;
    for (let i = 0; i < 2; i += 1) {
      const list = await call<{ sars: SarSummary[] }>(server, officers.council, 'GET', '/sars?status=open');
      expect(list.status).toBe(200);
      const byId = new Map(list.body.sars.map((x) => [x.id, x]));
      expect(byId.get(lateSar)?.consultations).toEqual({ pending: 1, answered: 0 });
      expect(byId.get(quietSar)?.consultations).toEqual({ pending: 0, answered: 0 });
    }
    expect(await consultsOf(lateSar)).toEqual([{ owner_agency_id: world.agencies.police, status: 'pending' }]);
    expect(await consultsOf(quietSar)).toEqual([]);
    const consult = await server.db.selectFrom('audit_events').select(['entity_id', 'details']).where('action', '=', 'sar.consult').orderBy('seq').execute();
    expect(consult).toHaveLength(consultsBefore + 1);
    expect(consult.at(-1)).toEqual({ entity_id: lateSar, details: JSON.stringify({ personId: late, consultedAgencyIds: [world.agencies.police] }) });
  });
});
