/**
 * MARAC areas administered by a system administrator (docs/marac.md, "MARAC areas"): add, rename,
 * change the coordinating agency and the escalation rule, each audited old → new; anyone else, an
 * unknown agency, a name in use or a rule out of bounds is refused, audited, and changes nothing.
 * A changed rule and coordinating agency apply to the next referral.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashAssessmentRecord } from '../../domain/entities/dash-assessment.ts';
import type { MaracAreaRecord, MaracReferralRecord } from '../../domain/entities/marac-referral.ts';
import { buildAgency, buildTeam } from '../support/factories.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { dashAnswers, referralBody } from '../support/marac-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TODAY = '2026-11-10';
type ErrorBody = { error: { code: string; message: string } };

describe.each(testDialects())('MARAC area administration on %s', (dialect) => {
  let server: TestServer;
  let sysadmin: WorldUser;
  let agencyAdmin: WorldUser;
  let idva: WorldUser;
  let councilId: string;
  let policeId: string;

  const areaRows = () => server.db.selectFrom('marac_areas').selectAll().orderBy('name').execute();
  const lastAudit = async (userId: string) => {
    const e = await server.db.selectFrom('audit_events').select(['action', 'outcome', 'entity_type', 'entity_id', 'details'])
      .where('user_id', '=', userId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    return { action: e.action, outcome: e.outcome, entityType: e.entity_type, entityId: e.entity_id, details: JSON.parse(e.details) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(`${TODAY}T12:00:00.000Z`) });
    councilId = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    policeId = await buildAgency(server.db, { kind: 'police', name: 'Synthetic Police' });
    const idvaAgency = await buildAgency(server.db, { kind: 'charity', name: 'Synthetic IDVA Service' });
    sysadmin = await buildSignedInUser(server, councilId, [], 'system_admin');
    agencyAdmin = await buildSignedInUser(server, councilId, [], 'agency_admin');
    idva = await buildSignedInUser(server, idvaAgency, [await buildTeam(server.db, idvaAgency, 'IDVA')]);
  });
  afterAll(() => server.stop());

  it('a system administrator adds an area; anyone else, an unknown agency, a name in use or a rule out of bounds is refused with nothing changed', async () => {
    const body = { name: 'Northvale MARAC', coordinatorAgencyId: councilId, escalationIncidents: 3, escalationMonths: 12 };
    const refused = await call<ErrorBody>(server, agencyAdmin, 'POST', '/marac/areas', body);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'authorization_error']);
    expect(await lastAudit(agencyAdmin.id)).toMatchObject({ action: 'admin.change', outcome: 'denied', details: { change: 'marac_area.create', reason: 'authorization_error' } });
    expect(await areaRows()).toEqual([]);

    const made = await call<MaracAreaRecord>(server, sysadmin, 'POST', '/marac/areas', body);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body).toMatchObject({ name: 'Northvale MARAC', coordinatorAgency: { id: councilId, name: 'Synthetic Council' }, escalationIncidents: 3, escalationMonths: 12 });
    expect(await lastAudit(sysadmin.id)).toEqual({
      action: 'admin.change', outcome: 'success', entityType: 'marac_area', entityId: made.body.id, details: { change: 'marac_area.create', old: null, new: body },
    });
    const listed = await call<{ areas: MaracAreaRecord[] }>(server, idva, 'GET', '/marac/areas');
    expect(listed.body.areas.map((a) => a.name)).toEqual(['Northvale MARAC']);

    const before = await areaRows();
    const again = await call<ErrorBody>(server, sysadmin, 'POST', '/marac/areas', { ...body, coordinatorAgencyId: policeId });
    expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
    expect(await lastAudit(sysadmin.id)).toMatchObject({ outcome: 'denied', details: { change: 'marac_area.create', reason: 'conflict' } });
    const unknown = await call<ErrorBody>(server, sysadmin, 'POST', '/marac/areas', { ...body, name: 'Other', coordinatorAgencyId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'validation_error']);
    const oneIncident = await call<ErrorBody>(server, sysadmin, 'POST', '/marac/areas', { ...body, name: 'Other', escalationIncidents: 1 });
    const noMonths = await call<ErrorBody>(server, sysadmin, 'POST', '/marac/areas', { ...body, name: 'Other', escalationMonths: 0 });
    expect([oneIncident.status, noMonths.status]).toEqual([400, 400]);
    expect(await areaRows()).toEqual(before);
  });

  it('renames an area and changes its coordinating agency and rule, audited old → new; the next referral follows them', async () => {
    const area = (await call<MaracAreaRecord>(server, sysadmin, 'POST', '/marac/areas', { name: 'Eastmere MARAC', coordinatorAgencyId: councilId, escalationIncidents: 3, escalationMonths: 12 })).body;
    const person = async (givenName: string, gender: string) => (await call<{ person: { id: string } }>(server, idva, 'POST', '/persons', {
      givenName, familyName: 'Synthwood', dateOfBirth: '1990-04-02', gender, consentStatus: 'not_sought',
    })).body.person.id;
    const victim = await person('Juno', 'female');
    const perpetrator = await person('Kester', 'male');
    const assessment = (await call<DashAssessmentRecord>(server, idva, 'POST', `/persons/${victim}/dash-assessments`, { version: '2015', answers: dashAnswers(6) })).body;
    const body = referralBody({ maracAreaId: area.id, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY }, { incidentDates: ['2026-09-01', '2026-11-01'] });
    // Two incidents do not meet three in twelve months.
    expect((await call<ErrorBody>(server, idva, 'POST', '/marac/referrals', body)).status).toBe(400);

    const refused = await call<ErrorBody>(server, agencyAdmin, 'PUT', `/marac/areas/${area.id}`, { name: 'Renamed', coordinatorAgencyId: councilId, escalationIncidents: 2, escalationMonths: 12 });
    expect(refused.status).toBe(403);
    const missing = await call<ErrorBody>(server, sysadmin, 'PUT', '/marac/areas/00000000-0000-4000-8000-000000000000', { name: 'Renamed', coordinatorAgencyId: councilId, escalationIncidents: 2, escalationMonths: 12 });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    const taken = await call<ErrorBody>(server, sysadmin, 'PUT', `/marac/areas/${area.id}`, { name: 'Northvale MARAC', coordinatorAgencyId: councilId, escalationIncidents: 2, escalationMonths: 12 });
    expect(taken.status).toBe(409);
    expect((await areaRows()).find((a) => a.id === area.id)).toMatchObject({ name: 'Eastmere MARAC', coordinator_agency_id: councilId });

    const next = { name: 'Eastmere and Fenby MARAC', coordinatorAgencyId: policeId, escalationIncidents: 2, escalationMonths: 6 };
    const changed = await call<MaracAreaRecord>(server, sysadmin, 'PUT', `/marac/areas/${area.id}`, next);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ id: area.id, name: next.name, coordinatorAgency: { id: policeId }, escalationIncidents: 2, escalationMonths: 6 });
    expect(await lastAudit(sysadmin.id)).toEqual({
      action: 'admin.change', outcome: 'success', entityType: 'marac_area', entityId: area.id,
      details: { change: 'marac_area.update', old: { name: 'Eastmere MARAC', coordinatorAgencyId: councilId, escalationIncidents: 3, escalationMonths: 12 }, new: next },
    });

    // Two incidents in six months now meet the rule, and the case is shared with the new coordinating agency.
    const referred = await call<MaracReferralRecord>(server, idva, 'POST', '/marac/referrals', body);
    expect(referred.status, JSON.stringify(referred.body)).toBe(200);
    expect([referred.body.criteria, referred.body.maracArea.name]).toEqual([['potential_escalation'], next.name]);
    expect(await server.db.selectFrom('case_shared_agencies').select('agency_id').where('case_id', '=', referred.body.caseId).execute()).toEqual([{ agency_id: policeId }]);
  });
});
