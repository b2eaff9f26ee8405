import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { addSubject, buildPerson, signIn } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails, auditJustification } from '../support/audit-details.ts';

type Person = { id: string; familyName: string; version: number; ownerAgencyId: string; identifiers: Array<{ scheme: string; value: string }>; aliases: Array<{ id: string; familyName: string }>; abilities: Record<string, boolean> };
type Client = Awaited<ReturnType<typeof signIn>>;
const code = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;

describe.each(testDialects())('person changes on %s', (dialect) => {
  let server: TestServer;
  let police: string;
  let council: string;
  let pc: Client;
  let manager: Client;
  let councillor: Client;
  let housingUser: Client;
  let dataOfficer: Client;
  let sharedPerson: string;
  let housingPerson: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    police = await buildAgency(db, { name: 'Police', kind: 'police' });
    council = await buildAgency(db, { name: 'Council' });
    const housing = await buildAgency(db, { name: 'Housing', kind: 'housing' });
    const team = await buildTeam(db, police);
    pc = await signIn(server, await buildUser(db, { agencyId: police, teamIds: [team] }));
    manager = await signIn(server, await buildUser(db, { agencyId: police, role: 'team_manager', teamIds: [team] }));
    councillor = await signIn(server, await buildUser(db, { agencyId: council }));
    housingUser = await signIn(server, await buildUser(db, { agencyId: housing }));
    dataOfficer = await signIn(server, await buildUser(db, { agencyId: police, role: 'data_officer' }));
    sharedPerson = await buildPerson(db, { ownerAgencyId: police, givenName: 'Dana', familyName: 'Shared', dateOfBirth: '1985-05-05' });
    const sharedCase = await buildCase(db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] });
    await addSubject(db, sharedCase.id, sharedPerson);
    housingPerson = await buildPerson(db, { ownerAgencyId: housing, givenName: 'Hidden', familyName: 'Elsewhere' });
    await addSubject(db, (await buildCase(db, { ownerAgencyId: housing })).id, housingPerson);
  });
  afterAll(() => server.stop());

  it('shows a person in full to the owner and to partners on a shared case, audits the view, and answers 404 to others', async () => {
    const own = await pc('GET', `/persons/${sharedPerson}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<Person>().abilities).toEqual({ update: true, transfer: false, addAlias: true, addIdentifier: true, requestAccess: false });
    const partner = await councillor('GET', `/persons/${sharedPerson}`);
    expect(partner.statusCode).toBe(200);
    expect(partner.json<Person>().abilities.update).toBe(false);
    const outsider = await pc('GET', `/persons/${housingPerson}`);
    expect(outsider.statusCode).toBe(404);
    expect(code(outsider)).toBe('not_found');
    expect((await dataOfficer('GET', `/persons/${sharedPerson}`)).statusCode).toBe(404);
    const views = await server.db.selectFrom('audit_events').select(['outcome']).where('action', '=', 'record.view')
      .where('entity_id', '=', sharedPerson).orderBy('seq').execute();
    expect(views.map((v) => v.outcome)).toEqual(['success', 'success', 'denied']);
  });

  it('updates with the right version, audits old → new, 409s a stale version, 403s a partner and 404s an outsider', async () => {
    const ok = await pc('PATCH', `/persons/${sharedPerson}`, { expectedVersion: 1, familyName: 'Sharedd' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Person>()).toMatchObject({ familyName: 'Sharedd', version: 2 });
    const audit = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('action', '=', 'record.update')
      .where('entity_id', '=', sharedPerson).executeTakeFirstOrThrow();
    expect(await auditDetails(server.db, audit)).toEqual({ changes: { familyName: ['Shared', 'Sharedd'] } });
    expect(audit.details).not.toContain('Sharedd');
    const stale = await pc('PATCH', `/persons/${sharedPerson}`, { expectedVersion: 1, familyName: 'Other' });
    expect(stale.statusCode).toBe(409);
    expect(code(stale)).toBe('conflict');
    expect((await councillor('PATCH', `/persons/${sharedPerson}`, { expectedVersion: 2, familyName: 'X' })).statusCode).toBe(403);
    expect((await pc('PATCH', `/persons/${housingPerson}`, { expectedVersion: 1, familyName: 'X' })).statusCode).toBe(404);
    expect((await pc('PATCH', `/persons/${sharedPerson}`, { expectedVersion: 2 })).statusCode).toBe(400);
    expect((await pc('PATCH', `/persons/${sharedPerson}`, { expectedVersion: 2, dateOfBirth: '1990-01-01', estimatedBirthYear: 1990 })).statusCode).toBe(400);
    const row = await server.db.selectFrom('persons').select(['family_name', 'version']).where('id', '=', sharedPerson).executeTakeFirstOrThrow();
    expect(row).toEqual({ family_name: 'Sharedd', version: 2 });
  });

  it('adds and removes aliases as the owner agency', async () => {
    const added = await pc('POST', `/persons/${sharedPerson}/aliases`, { givenName: 'Dee', familyName: 'Sharpe' });
    expect(added.statusCode).toBe(200);
    const alias = added.json<Person>().aliases.find((a) => a.familyName === 'Sharpe')!;
    expect((await councillor('POST', `/persons/${sharedPerson}/aliases`, { givenName: 'X', familyName: 'Y' })).statusCode).toBe(403);
    const removed = await pc('DELETE', `/persons/${sharedPerson}/aliases/${alias.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<Person>().aliases).toEqual([]);
    expect((await pc('DELETE', `/persons/${sharedPerson}/aliases/${alias.id}`)).statusCode).toBe(404);
  });

  it('shows a restricted identifier only to the agency that recorded it', async () => {
    await pc('POST', `/persons/${sharedPerson}/identifiers`, { scheme: 'police_nominal_id', value: 'PN-42' });
    const council = await councillor('POST', `/persons/${sharedPerson}/identifiers`, { scheme: 'other', value: 'CRM-7' });
    expect(council.statusCode).toBe(200);
    expect(council.json<Person>().identifiers).toEqual([expect.objectContaining({ scheme: 'other', value: 'CRM-7' })]);
    const own = (await pc('GET', `/persons/${sharedPerson}`)).json<Person>();
    expect(own.identifiers.map((i) => i.value)).toEqual(['PN-42']);
    const search = await councillor('GET', '/persons/search?q=dana');
    expect(search.body).not.toContain('PN-42');
    expect((await housingUser('POST', `/persons/${sharedPerson}/identifiers`, { scheme: 'other', value: 'H-1' })).statusCode).toBe(404);
    const audit = await server.db.selectFrom('audit_events').select('details').where('entity_id', '=', sharedPerson).execute();
    expect(audit.some((a) => a.details.includes('PN-42'))).toBe(false);
  });

  it('transfers ownership only by an owner-agency decider, with compare-and-set, an access change and an audit', async () => {
    const version = (await pc('GET', `/persons/${sharedPerson}`)).json<Person>().version;
    expect((await pc('POST', `/persons/${sharedPerson}/transfer`, { toAgencyId: council, expectedVersion: version })).statusCode).toBe(403);
    expect((await manager('POST', `/persons/${sharedPerson}/transfer`, { toAgencyId: council, expectedVersion: version - 1 })).statusCode).toBe(409);
    expect((await manager('POST', `/persons/${sharedPerson}/transfer`, { toAgencyId: police, expectedVersion: version })).statusCode).toBe(400);
    const res = await manager('POST', `/persons/${sharedPerson}/transfer`, { toAgencyId: council, expectedVersion: version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: sharedPerson, ownerAgencyId: council, version: version + 1 });
    const change = await server.db.selectFrom('change_log').select(['op']).where('entity_id', '=', sharedPerson).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(change.op).toBe('access');
    const audit = await server.db.selectFrom('audit_events').select('details').where('action', '=', 'record.transfer').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ changes: { ownerAgencyId: [police, council] } });
    expect((await councillor('GET', `/persons/${sharedPerson}`)).json<Person>().abilities.update).toBe(true);
  });

  it('merges duplicates for a data officer: subjects re-pointed, tombstone kept, removal synced, audited; others get 403', async () => {
    const db = server.db;
    const keep = await buildPerson(db, { ownerAgencyId: police, givenName: 'Robin', familyName: 'Merger', dateOfBirth: '1970-01-01' });
    const dupe = await buildPerson(db, { ownerAgencyId: police, givenName: 'Robyn', familyName: 'Merger', dateOfBirth: '1970-01-01' });
    const caseA = await buildCase(db, { ownerAgencyId: police });
    const subject = await addSubject(db, caseA.id, dupe, 'victim');
    await db.insertInto('person_identifiers').values({ id: crypto.randomUUID(), person_id: dupe, scheme: 'nhs_number', value: '9434765919', agency_id: police }).execute();
    const body = { keepId: keep, mergeId: dupe, expectedVersions: { keep: 1, merge: 1 }, justification: 'Same person: matching DOB and address.' };

    const refused = await pc('POST', '/persons/merge', body);
    expect(refused.statusCode).toBe(403);
    expect((await dataOfficer('POST', '/persons/merge', { ...body, expectedVersions: { keep: 1, merge: 7 } })).statusCode).toBe(409);
    expect((await dataOfficer('POST', '/persons/merge', { ...body, mergeId: keep })).statusCode).toBe(400);

    const res = await dataOfficer('POST', '/persons/merge', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kept: { id: keep, displayName: 'Robin Merger', version: 2 }, mergedId: dupe, movedCaseSubjects: 1 });
    expect(JSON.stringify(res.json())).not.toContain('1970');
    const moved = await db.selectFrom('case_subjects').select('person_id').where('id', '=', subject).executeTakeFirstOrThrow();
    expect(moved.person_id).toBe(keep);
    const tomb = await db.selectFrom('persons').select(['merged_into_id']).where('id', '=', dupe).executeTakeFirstOrThrow();
    expect(tomb.merged_into_id).toBe(keep);
    const changes = await db.selectFrom('change_log').select(['entity', 'entity_id', 'op']).where('entity_id', 'in', [keep, dupe, subject]).execute();
    expect(changes).toEqual(expect.arrayContaining([
      { entity: 'person', entity_id: dupe, op: 'delete' }, { entity: 'person', entity_id: keep, op: 'upsert' },
      { entity: 'case_subject', entity_id: subject, op: 'upsert' },
    ]));
    const audit = await db.selectFrom('audit_events').select(['seq', 'details', 'justification', 'outcome']).where('action', '=', 'record.merge').orderBy('seq').execute();
    expect(audit.map((a) => a.outcome)).toEqual(['denied', 'failure', 'success']);
    expect(await auditJustification(db, audit[2]!)).toBe(body.justification);
    expect(JSON.parse(audit[2]!.details)).toMatchObject({ keptId: keep, mergedId: dupe });

    const search = (await pc('GET', '/persons/search?q=merger')).json<{ results: Array<{ person: { id: string; aliases?: Array<{ givenName: string }>; identifiers?: Array<{ value: string }> } }> }>().results;
    expect(search.map((r) => r.person.id)).toEqual([keep]);
    expect(search[0]?.person.aliases?.map((a) => a.givenName)).toEqual(['Robyn']);
    expect(search[0]?.person.identifiers?.map((i) => i.value)).toEqual(['9434765919']);
    expect((await pc('GET', `/persons/${dupe}`)).statusCode).toBe(404);
    const match = (await pc('POST', '/persons/match', { givenName: 'Robyn', familyName: 'Merger' })).json<{ likelyMatches: Array<{ person: { id: string } }> }>();
    expect(match.likelyMatches.map((m) => m.person.id)).toEqual([keep]);
    expect((await dataOfficer('POST', '/persons/merge', { ...body, expectedVersions: { keep: 2, merge: 2 } })).statusCode).toBe(404);
  });
});
