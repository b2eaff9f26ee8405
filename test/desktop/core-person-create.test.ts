/**
 * A person recorded and added to a case: the server's duplicate check online, and offline through the
 * outbox (real server, worker-backed encrypted cache, OS keychain; "offline" is a fetch that cannot
 * connect). The new person shows at once, survives a restart, and syncs with the same id; the server
 * runs the duplicate check again at the push.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { PersonMatches } from '../../domain/ipc/person-channels.ts';
import type { PersonSearchResult } from '../../domain/ipc/search-results.ts';
import type { PersonReview, RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { newId } from '../../domain/ids.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('a person recorded and added to a case', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let caseId = '';
  let existingId = '';
  let officer: { id: string; username: string; password: string };
  let dataOfficer: { id: string; username: string; password: string };

  const start = () => createDesktopCore({
    serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
    fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
  });
  const subjectsOf = async (id: string) => (await callCore<CaseDetailView>(core, 'cases.detail', { caseId: id })).subjects;
  const match = { givenName: 'Jon', familyName: 'Smithers', dateOfBirth: '1990-04-12', gender: 'male' } as const;
  const body = { ...match, consentStatus: 'not_sought' } as const;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const agencyId = await buildAgency(server.db, { name: 'Riverton Council', code: 'RVC' });
    const teamId = await buildTeam(server.db, agencyId, 'ASB team');
    officer = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'council-pass-1' });
    dataOfficer = await buildUser(server.db, { agencyId, role: 'data_officer', password: 'council-pass-2' });
    caseId = (await buildCase(server.db, { ownerAgencyId: agencyId, ownerTeamId: teamId, sharingLevel: 'owner_agency', title: 'Noise at Marram Court' })).id;
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: officer.username, password: officer.password } });
    const res = await server.app.inject({
      method: 'POST', url: '/persons', headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` },
      payload: { ...body, givenName: 'Jonathan' },
    });
    existingId = res.json<{ person: { id: string } }>().person.id;
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-person-create-'));
    core = start();
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("online, the server's duplicate check finds the existing person; offline it says only this computer's copy can be checked", async () => {
    const { likelyMatches } = await callCore<PersonMatches>(core, 'persons.matchOnline', match);
    expect(likelyMatches.map((m) => m.person.id)).toEqual([existingId]);
    net.offline = true;
    const offline = await core.handle('persons.matchOnline', match);
    expect(offline).toMatchObject({ ok: false, error: { code: 'network_error' } });
    expect(JSON.stringify(offline)).toContain("Only this computer's copy was checked");
    net.offline = false;
    expect(await core.handle('persons.matchOnline', { ...match, estimatedBirthYear: 1990 })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('records a person and adds them as victim offline; both survive a restart and sync with the same ids, the server rechecking duplicates', async () => {
    net.offline = true;
    const personId = newId();
    const caseSubjectId = newId();
    await callCore(core, 'changes.submit', { name: 'person.create', args: { personId, person: body } });
    await callCore(core, 'changes.submit', { name: 'case.addSubject', args: { caseSubjectId, caseId, personId, role: 'victim' } });
    const found = await callCore<PersonSearchResult>(core, 'persons.search', { text: 'Smithers' });
    expect(JSON.stringify(found)).toContain(personId);
    expect((await subjectsOf(caseId)).map((s) => [s.personId, s.role])).toEqual([[personId, 'victim']]);
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 2 });

    await core.close();
    core = start();
    await callCore(core, 'session.signIn', officer);
    expect((await subjectsOf(caseId)).map((s) => s.personId)).toEqual([personId]);

    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0, lastError: null });
    expect(await server.db.selectFrom('persons').select('given_name').where('id', '=', personId).executeTakeFirst()).toEqual({ given_name: 'Jon' });
    expect(await server.db.selectFrom('case_subjects').select(['id', 'role']).where('case_id', '=', caseId).execute()).toEqual([{ id: caseSubjectId, role: 'victim' }]);
    const check = await server.db.selectFrom('audit_events').select('details').where('entity_id', '=', personId).where('action', '=', 'record.search').executeTakeFirst();
    expect(JSON.stringify(check?.details)).toContain(existingId);
    expect((await subjectsOf(caseId)).map((s) => s.personId)).toEqual([personId]);

    await callCore(core, 'changes.submit', { name: 'case.removeSubject', args: { caseId, personId, role: 'victim' } });
    expect(await subjectsOf(caseId)).toEqual([]);
    await callCore(core, 'sync.now', null);
    expect(await server.db.selectFrom('case_subjects').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('takes back an addition the server refuses and lists it in Sync problems', async () => {
    const caseSubjectId = newId();
    const unknown = newId();
    await callCore(core, 'changes.submit', { name: 'case.addSubject', args: { caseSubjectId, caseId, personId: unknown, role: 'perpetrator' } });
    expect((await subjectsOf(caseId)).map((s) => s.personId)).toEqual([unknown]);
    await callCore(core, 'sync.now', null);
    expect(await subjectsOf(caseId)).toEqual([]);
    const rejected = await callCore<RejectedChange[]>(core, 'sync.rejected', null);
    expect(rejected.map((r) => [r.name, r.args.caseSubjectId, r.error.code])).toEqual([['case.addSubject', caseSubjectId, 'validation_error']]);
  });

  it('a person the server finds likely to be someone it holds is a person to review: "use the existing person" moves them on the case, "keep as new" only clears it', async () => {
    net.offline = true;
    const personId = newId();
    await callCore(core, 'changes.submit', { name: 'person.create', args: { personId, person: { ...body, givenName: 'Jonny' } } });
    await callCore(core, 'changes.submit', { name: 'case.addSubject', args: { caseSubjectId: newId(), caseId, personId, role: 'perpetrator' } });
    net.offline = false;
    await callCore(core, 'sync.now', null);
    const review = (await callCore<PersonReview[]>(core, 'sync.personReviews', null)).find((r) => r.personId === personId);
    expect(review).toMatchObject({ givenName: 'Jonny', familyName: 'Smithers' });
    expect(review!.likelyMatches.map((m) => [m.view, m.person.id])).toContainEqual(['full', existingId]);

    // Only a likely match the user sees in full can be used; bad input changes nothing.
    expect(await core.handle('sync.settlePersonReview', { personId, choice: 'use_existing', existingPersonId: newId() })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('sync.settlePersonReview', { personId: newId(), choice: 'keep_new' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await callCore<PersonReview[]>(core, 'sync.personReviews', null)).map((r) => r.personId)).toContain(personId);
    expect((await subjectsOf(caseId)).map((s) => s.personId)).toEqual([personId]);

    await callCore(core, 'sync.settlePersonReview', { personId, choice: 'use_existing', existingPersonId: existingId });
    expect((await subjectsOf(caseId)).map((s) => [s.personId, s.role])).toEqual([[existingId, 'perpetrator']]);
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ pendingChanges: 0, rejectedCount: 1 });
    expect(await server.db.selectFrom('case_subjects').select(['person_id', 'role']).where('case_id', '=', caseId).execute())
      .toEqual([{ person_id: existingId, role: 'perpetrator' }]);
    const left = await callCore<PersonReview[]>(core, 'sync.personReviews', null);
    expect(left.map((r) => r.personId)).not.toContain(personId);

    // The earlier test's Jon Smithers is kept as new: nothing is queued, the review goes.
    expect(left).toHaveLength(1);
    expect(await callCore<SyncStatus>(core, 'sync.settlePersonReview', { personId: left[0]!.personId, choice: 'keep_new' })).toMatchObject({ pendingChanges: 0 });
    expect(await callCore(core, 'sync.personReviews', null)).toEqual([]);
  });

  it('a person to review who leaves the offline copy (a data officer merged them on the server) is no longer listed or counted', async () => {
    net.offline = true;
    const merged = newId();
    const kept = newId();
    await callCore(core, 'changes.submit', { name: 'person.create', args: { personId: merged, person: { ...body, givenName: 'Johnnie' } } });
    await callCore(core, 'changes.submit', { name: 'case.addSubject', args: { caseSubjectId: newId(), caseId, personId: merged, role: 'witness' } });
    await callCore(core, 'changes.submit', { name: 'person.create', args: { personId: kept, person: { ...body, givenName: 'Jonno' } } });
    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ reviewCount: 2 });

    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: dataOfficer.username, password: dataOfficer.password } });
    const versions = await server.db.selectFrom('persons').select(['id', 'version']).where('id', 'in', [existingId, merged]).execute();
    const version = (id: string) => versions.find((v) => v.id === id)!.version;
    const res = await server.app.inject({
      method: 'POST', url: '/persons/merge', headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` },
      payload: { keepId: existingId, mergeId: merged, expectedVersions: { keep: version(existingId), merge: version(merged) }, justification: 'The same man recorded twice.' },
    });
    expect(res.statusCode).toBe(200);

    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ reviewCount: 1, lastError: null });
    expect((await callCore<PersonReview[]>(core, 'sync.personReviews', null)).map((r) => r.personId)).toEqual([kept]);
    expect((await subjectsOf(caseId)).map((s) => [s.personId, s.role])).toContainEqual([existingId, 'witness']);
    // Still gone after a restart: the review was deleted, not hidden.
    await core.close();
    core = start();
    await callCore(core, 'session.signIn', officer);
    expect((await callCore<PersonReview[]>(core, 'sync.personReviews', null)).map((r) => r.personId)).toEqual([kept]);
  });

  it('counts the people to review from the offline copy as soon as a restarted core signs in, before its first sync', async () => {
    expect((await callCore<PersonReview[]>(core, 'sync.personReviews', null))).toHaveLength(1);
    await core.close();
    core = start();
    // The sign-in starts a sync; what the status says on its return comes from the cache alone.
    await callCore(core, 'session.signIn', officer);
    expect(await callCore<SyncStatus>(core, 'sync.status', null)).toMatchObject({ reviewCount: 1, pendingChanges: 0, lastSuccessAt: null });
  });
});
