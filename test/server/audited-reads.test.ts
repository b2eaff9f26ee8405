/**
 * Every GET route that returns content leaves an audit event (docs/audit.md, "Lists"): this walks
 * the OpenAPI document, so a new route fails here until it records its reads or is allow-listed
 * below with the reason it returns no content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../domain/http/openapi.ts';
import { newId } from '../../domain/ids.ts';
import { routes } from '../../domain/http/routes.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildLocation, buildPerson, buildSignedInUser, buildThreeAgencyWorld, call, signIn, type WorldUser } from '../support/case-factories.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** GET routes that return no record content, each with why. */
const NO_CONTENT: Record<string, string> = {
  '/health': 'liveness only',
  '/me': "the caller's own session (name, role, agency)",
  '/devices': "the caller's own devices (an agency admin: the agency's), no case content",
  '/notifications': 'ids and agency names only, never personal data (domain/entities/notification.ts)',
  '/notifications/mine': "the caller's own notifications: kinds, ids and read state only, listed through the caller's policy (docs/notifications.md)",
  '/access-requests': 'workflow metadata about requests; never any content of the record',
  '/audit/verify': 'the log check (chain, tree, checkpoints); itself audited as audit.verify, returns counts and hashes only',
  '/teams': "team names and member counts of the administrator's agency: configuration, no personal data",
  '/agencies': "agency names, codes, sharing agreements and account counts for a system administrator: configuration, no personal data",
  '/marac/areas': 'area names, coordinating agencies and escalation rules: configuration, no personal data',
  '/retention/rules': 'case types and their retention periods: configuration, no personal data',
  '/case-types': 'case type names, codes and how many cases have each, for a system administrator: configuration, no personal data',
  '/settings': 'the system settings (task escalation days) for a system administrator: configuration, no personal data',
  '/audit/exports/{id}': "the caller's own export job: its status, progress and manifest, no event rows (the file is audited)",
  '/audit/exports/{id}/manifest': "the caller's own export's manifest: filters, counts and hashes, no event rows (the file is audited)",
};

describe.each(testDialects())('every content read is audited on %s', (dialect) => {
  let server: TestServer;
  let reader: WorldUser;
  let officer: WorldUser;
  let coordinator: WorldUser;
  let agencyAdmin: WorldUser;
  let urls: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const world = await buildThreeAgencyWorld(server);
    reader = world.users.police.a;
    const u = await buildUser(server.db, { agencyId: world.agencies.police, role: 'data_officer' });
    officer = { id: u.id, agencyId: world.agencies.police, teamIds: [], role: 'data_officer', token: await signIn(server, u.username, u.password) };
    const caseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police })).id;
    const personId = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    const locationId = await buildLocation(server.db, world.agencies.police);
    const report = await call<{ id: string }>(server, reader, 'POST', `/cases/${caseId}/reports`, { kind: 'contact', title: 'Synthetic', body: 'Synthetic body' });
    const task = await call<{ id: string }>(server, reader, 'POST', `/cases/${caseId}/tasks`, { title: 'Synthetic', assigneeAgencyId: world.agencies.police });
    const marker = await call<{ id: string }>(server, reader, 'POST', '/markers', {
      subjectType: 'person', subjectId: personId, markerType: 'violence', description: 'Synthetic warning', reviewDate: '2027-01-01',
    });
    expect([report.status, task.status, marker.status]).toEqual([200, 200, 200]);
    const document = await uploadDocument(server, reader.token, caseId, { name: 'note.txt', type: 'text/plain', content: Buffer.from('Synthetic') });
    const created = await call<{ id: string; status: string }>(server, officer, 'POST', '/audit/exports', { format: 'csv', reason: 'Route walker: audited reads' });
    expect(created.status).toBe(200);
    let exportStatus = created.body.status;
    for (let i = 0; i < 200 && exportStatus === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      exportStatus = (await call<{ status: string }>(server, officer, 'GET', `/audit/exports/${created.body.id}`)).body.status;
    }
    expect(exportStatus).toBe('complete');
    // A MARAC area the police coordinate, a checklist and a referral, so the MARAC reads have something to return.
    coordinator = await buildSignedInUser(server, world.agencies.police, [], 'marac_coordinator');
    agencyAdmin = await buildSignedInUser(server, world.agencies.police, [], 'agency_admin');
    const areaId = await buildMaracArea(server.db, world.agencies.police);
    const perpetratorId = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    const dash = await call<{ id: string }>(server, reader, 'POST', `/persons/${personId}/dash-assessments`, { version: '2015', answers: dashAnswers(15) });
    const referral = await call<{ id: string }>(server, reader, 'POST', '/marac/referrals', referralBody({
      maracAreaId: areaId, dashAssessmentId: dash.body.id, victimId: personId, perpetratorId, referredOn: new Date().toISOString().slice(0, 10),
    }));
    expect([dash.status, referral.status], JSON.stringify(referral.body)).toEqual([200, 200]);
    const meeting = await call<{ id: string }>(server, coordinator, 'POST', '/marac/meetings', { maracAreaId: areaId, date: '2026-12-10', chair: 'Synthetic Chair' });
    const agenda = await call(server, coordinator, 'POST', `/marac/meetings/${meeting.body.id}/agenda`, { referralId: referral.body.id });
    expect([meeting.status, agenda.status]).toEqual([200, 200]);
    // A subject access request the police log, and one the council log about a person on a police case shared with them (a consultation to the police).
    const sarPersonId = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    const sharedCaseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] })).id;
    await server.db.insertInto('case_subjects').values({ id: newId(), case_id: sharedCaseId, person_id: sarPersonId, role: 'victim', created_at: '2026-11-01T09:00:00.000Z' }).execute();
    const sarBody = { personId: sarPersonId, reference: 'SAR-WALK-1', receivedOn: '2026-11-02', requesterName: 'Synthetic Requester', requesterRelation: 'data_subject', requesterContact: 'By post' };
    const policeSar = await call<{ id: string }>(server, officer, 'POST', '/sars', sarBody);
    const councilOfficer = await buildSignedInUser(server, world.agencies.council, [], 'data_officer');
    const councilSar = await call<{ id: string; consultationStates: Array<{ id: string }> }>(server, councilOfficer, 'POST', '/sars', sarBody);
    expect([policeSar.status, councilSar.status, councilSar.body.consultationStates.length]).toEqual([200, 200, 1]);
    // One concrete URL per OpenAPI path; a path missing here fails the walk below.
    urls = {
      '/cases': '/cases',
      '/cases/{id}': `/cases/${caseId}`,
      '/cases/{id}/reports': `/cases/${caseId}/reports`,
      '/cases/{id}/sharing': `/cases/${caseId}/sharing`,
      '/reports/{id}': `/reports/${report.body.id}`,
      '/reports/{id}/versions': `/reports/${report.body.id}/versions`,
      '/tasks': '/tasks',
      '/tasks/{id}': `/tasks/${task.body.id}`,
      '/cases/{id}/assignees': `/cases/${caseId}/assignees`,
      '/markers': `/markers?subjectType=person&subjectId=${personId}`,
      '/cases/{caseId}/documents': `/cases/${caseId}/documents`,
      '/documents/{id}': `/documents/${document.id}`,
      '/documents/{id}/content': `/documents/${document.id}/content`,
      '/persons/search': '/persons/search?q=Testperson',
      '/case-signposts': '/case-signposts?reference=TST-NONE-0001',
      '/persons/{id}': `/persons/${personId}`,
      '/locations/search': '/locations/search?q=Synthetic',
      '/locations/{id}': `/locations/${locationId}`,
      '/audit/events': '/audit/events',
      '/persons/{id}/dash-assessments': `/persons/${personId}/dash-assessments`,
      '/marac/referrals': '/marac/referrals',
      '/marac/referrals/{id}': `/marac/referrals/${referral.body.id}`,
      '/marac/meetings': '/marac/meetings',
      '/marac/meetings/{id}': `/marac/meetings/${meeting.body.id}`,
      '/marac/meetings/{id}/attendee-candidates': `/marac/meetings/${meeting.body.id}/attendee-candidates`,
      '/marac/actions': '/marac/actions',
      '/marac/data-return': `/marac/data-return?areaId=${areaId}&quarter=2026-Q4`,
      '/marac/data-return/file': `/marac/data-return/file?areaId=${areaId}&quarter=2026-Q4&format=csv`,
      '/marac/meetings/{id}/data-return': `/marac/meetings/${meeting.body.id}/data-return`,
      '/marac/meetings/{id}/data-return/file': `/marac/meetings/${meeting.body.id}/data-return/file?format=xlsx`,
      '/audit/exports/{id}/file': `/audit/exports/${created.body.id}/file`,
      '/audit/exports/{id}/proofs': `/audit/exports/${created.body.id}/proofs`,
      '/users': '/users',
      '/sync/pull': '/sync/pull',
      '/sync/bootstrap': '/sync/bootstrap?phase=open_cases',
      '/sars': '/sars',
      '/sars/persons': '/sars/persons?q=Testperson',
      '/sars/{id}': `/sars/${policeSar.body.id}`,
      '/sars/{id}/own-part': `/sars/${policeSar.body.id}/own-part`,
      '/sar-consultations': '/sar-consultations',
      '/sar-consultations/{id}': `/sar-consultations/${councilSar.body.consultationStates[0]!.id}`,
      '/retention/reviews': '/retention/reviews',
    };
  });
  afterAll(() => server.stop());

  const getPaths = () => Object.entries(buildOpenApiDocument(routes, 'test').paths).filter(([, ops]) => 'get' in ops).map(([path]) => path);

  it('names only real GET routes in the allow-list', () => {
    const paths = new Set(getPaths());
    expect(Object.keys(NO_CONTENT).filter((p) => !paths.has(p))).toEqual([]);
  });

  it('records at least one successful event for each GET route that returns content', async () => {
    const missing: string[] = [];
    for (const path of getPaths().filter((p) => !(p in NO_CONTENT))) {
      const url = urls[path];
      if (url === undefined) {
        missing.push(`${path}: no fixture — add a URL here, or allow-list it with the reason it returns no content`);
        continue;
      }
      const user = path.startsWith('/audit/') || path.startsWith('/sar') || path.startsWith('/retention/') ? officer : path === '/marac/referrals' || path.startsWith('/marac/meetings') || path.startsWith('/marac/data-return') || path === '/marac/actions' ? coordinator : path === '/users' ? agencyAdmin : reader;
      const before = await lastSeq();
      // Raw inject: a document's content is bytes, not JSON.
      const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${user.token}` } });
      expect(res.statusCode, `${path} answered ${res.statusCode}`).toBe(200);
      const events = await server.db.selectFrom('audit_events').select(['action', 'outcome']).where('seq', '>', before)
        .where('user_id', '=', user.id).execute();
      if (!events.some((e) => e.outcome === 'success')) {
        missing.push(`${path}: returned content but recorded no audit event`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('records a list read compactly: the ids and the count, never the content', async () => {
    const res = await call<{ reports: Array<{ id: string }> }>(server, reader, 'GET', urls['/cases/{id}/reports']!);
    const last = await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', reader.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([last.action, last.category, last.entity_type]).toEqual(['record.list', 'consultation', 'case']);
    expect(JSON.parse(last.details)).toEqual({ list: 'reports', count: 1, ids: res.body.reports.map((r) => r.id) });
    expect(last.details).not.toContain('Synthetic body');
  });

  async function lastSeq(): Promise<number> {
    const row = await server.db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }
});
