import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('person.create and case subjects pushed on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let police = '';
  let existingId = '';
  let caseId = '';
  let councilCaseId = '';

  async function login(username: string, password: string): Promise<string> {
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
    return res.json<{ accessToken: string }>().accessToken;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const policeTeam = await buildTeam(server.db, police, 'PPU');
    const councilTeam = await buildTeam(server.db, council, 'Housing');
    const pc = await buildUser(server.db, { agencyId: police, teamIds: [policeTeam] });
    const officer = await buildUser(server.db, { agencyId: council, teamIds: [councilTeam] });
    tokens.pc = await login(pc.username, pc.password);
    tokens.officer = await login(officer.username, officer.password);
    caseId = (await buildCase(server.db, { ownerAgencyId: police, ownerTeamId: policeTeam, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    councilCaseId = (await buildCase(server.db, { ownerAgencyId: council, ownerTeamId: councilTeam, sharingLevel: 'owner_agency' })).id;
    const res = await server.app.inject({
      method: 'POST', url: '/persons', headers: { authorization: `Bearer ${tokens.pc}` },
      payload: { givenName: 'Jonathan', familyName: 'Smithers', dateOfBirth: '1990-04-12', gender: 'male', consentStatus: 'not_sought' },
    });
    expect(res.statusCode).toBe(200);
    existingId = res.json<{ person: { id: string } }>().person.id;
  });
  afterAll(() => server.stop());

  async function push(who: string, body: object) {
    const res = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${tokens[who]}` }, payload: body });
    return { status: res.statusCode, body: res.json<PushResponse>() };
  }
  const personRows = (id: string) => server.db.selectFrom('persons').selectAll().where('id', '=', id).execute();
  const audits = (id: string) => server.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', id).execute();
  const subjects = (id: string) => server.db.selectFrom('case_subjects').select(['id', 'person_id', 'role']).where('case_id', '=', id).execute();
  const createPerson = (mutationId: number, personId: string, extra: object = {}) => ({
    mutationId, name: 'person.create',
    args: { personId, person: { givenName: 'Jon', familyName: 'Smithers', dateOfBirth: '1990-04-12', gender: 'male', consentStatus: 'not_sought', ...extra } },
  });

  it('records the person with the client id and runs the duplicate check again, auditing the likely match and answering it for review', async () => {
    const personId = newId();
    const res = await push('pc', { clientId: 'person-create-1', mutations: [createPerson(1, personId)] });
    expect(res.body.lastMutationId).toBe(1);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0]).toMatchObject({ mutationId: 1, status: 'applied' });
    // The existing Jonathan Smithers comes back in full (the user's own agency recorded him), never the new person itself.
    const matches = res.body.results[0]!.likelyMatches ?? [];
    expect(matches.map((m) => [m.view, m.person.id])).toEqual([['full', existingId]]);
    const [row] = await personRows(personId);
    expect(row).toMatchObject({ given_name: 'Jon', family_name: 'Smithers', date_of_birth: '1990-04-12', owner_agency_id: police });
    const events = await audits(personId);
    expect(events.map((e) => e.action).sort()).toEqual(['record.create', 'record.search']);
    const check = events.find((e) => e.action === 'record.search')!;
    const details = (typeof check.details === 'string' ? JSON.parse(check.details) : check.details) as { kind: string; returned: string[] };
    expect(details).toMatchObject({ kind: 'duplicate_check' });
    expect(details.returned).toContain(existingId);
  });

  it('does not create a twin on replay nor under a new mutation id', async () => {
    const personId = newId();
    const first = await push('pc', { clientId: 'person-create-2', mutations: [createPerson(1, personId)] });
    const replay = await push('pc', { clientId: 'person-create-2', mutations: [createPerson(1, personId)] });
    // A replay after a lost response hears the same answer, likely matches included.
    expect(replay.body.results).toEqual(first.body.results);
    expect(replay.body.results[0]!.likelyMatches?.length).toBeGreaterThan(0);
    const twin = await push('pc', { clientId: 'person-create-2', mutations: [createPerson(2, personId, { givenName: 'Twin' })] });
    expect(twin.body.results[0]).toMatchObject({ mutationId: 2, status: 'rejected', error: { code: 'conflict' } });
    expect((await personRows(personId)).map((r) => r.given_name)).toEqual(['Jon']);
  });

  it('refuses a birth date in the future and both birth fields, writing nothing', async () => {
    const ids = [newId(), newId()];
    const res = await push('pc', { clientId: 'person-create-3', mutations: [
      createPerson(1, ids[0]!, { dateOfBirth: '2999-01-01' }),
      createPerson(2, ids[1]!, { estimatedBirthYear: 1990 }),
    ] });
    expect(res.body.results.map((r) => [r.status, r.error?.code])).toEqual([['rejected', 'validation_error'], ['rejected', 'validation_error']]);
    for (const id of ids) {
      expect(await personRows(id)).toHaveLength(0);
      expect(await audits(id)).toHaveLength(0);
    }
  });

  it('adds a person created in the same push to a case, idempotently, and only the owner agency removes them', async () => {
    const personId = newId();
    const subjectId = newId();
    const add = { mutationId: 2, name: 'case.addSubject', args: { caseSubjectId: subjectId, caseId, personId, role: 'victim' } };
    const res = await push('pc', { clientId: 'person-create-4', mutations: [createPerson(1, personId, { givenName: 'Ada' }), add] });
    expect(res.body.results).toEqual([{ mutationId: 1, status: 'applied' }, { mutationId: 2, status: 'applied' }]);
    expect(await subjects(caseId)).toEqual([{ id: subjectId, person_id: personId, role: 'victim' }]);
    const replay = await push('pc', { clientId: 'person-create-4', mutations: [add] });
    expect(replay.body.results).toEqual([{ mutationId: 2, status: 'applied' }]);
    expect(await subjects(caseId)).toHaveLength(1);

    const remove = (mutationId: number) => ({ mutationId, name: 'case.removeSubject', args: { caseId, personId, role: 'victim' } });
    const refused = await push('officer', { clientId: 'person-create-5', mutations: [remove(1)] });
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'authorization_error' } });
    expect(await subjects(caseId)).toHaveLength(1);
    const removed = await push('pc', { clientId: 'person-create-4', mutations: [remove(3)] });
    expect(removed.body.results).toEqual([{ mutationId: 3, status: 'applied' }]);
    expect(await subjects(caseId)).toHaveLength(0);
  });

  it('refuses adding an unknown person or to a case the user cannot change, writing nothing', async () => {
    const res = await push('pc', { clientId: 'person-create-6', mutations: [
      { mutationId: 1, name: 'case.addSubject', args: { caseSubjectId: newId(), caseId, personId: newId(), role: 'victim' } },
      { mutationId: 2, name: 'case.addSubject', args: { caseSubjectId: newId(), caseId: councilCaseId, personId: existingId, role: 'perpetrator' } },
    ] });
    expect(res.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(res.body.results.map((r) => r.error?.code)).toEqual(['validation_error', 'not_found']);
    expect(await subjects(caseId)).toHaveLength(0);
    expect(await subjects(councilCaseId)).toHaveLength(0);
  });
});
