/**
 * The person channels of the desktop core against a real server, the worker-backed encrypted cache
 * and the OS keychain: a profile read from the offline copy (and recorded for the audit trail), a
 * local search narrowed by date of birth, and the server's search-and-signpost with its stubs, which
 * says it needs a connection when the server cannot be reached ("offline" is a fetch that cannot connect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnlinePersonSearch, PersonProfileView } from '../../domain/ipc/person-channels.ts';
import type { PersonSearchResult } from '../../domain/ipc/search-results.ts';
import { newId } from '../../domain/ids.ts';
import { openSyncedCache, type SyncedCache } from '../../main/sync/synced-cache.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

describe('the person channels of the desktop core', () => {
  let server: TestServer;
  let desktop: TestCore;
  let core: DesktopCore;
  let cache: SyncedCache | null = null;
  const net = { offline: false };
  let officer: { id: string; username: string; password: string };
  let personId = '';
  let caseId = '';
  let hiddenPersonId = '';

  const outbox = () => cache!.auditOutbox.pending(officer.id, 100);
  const offlineRows = async () => (await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', officer.id).orderBy('seq').execute())
    .filter((r) => (JSON.parse(r.details) as { source?: string }).source === 'offline_copy');

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RPC' });
    const police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'RPP' });
    officer = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'ASB')], password: 'council-pass-1' });
    const constable = await buildUser(server.db, { agencyId: police, teamIds: [await buildTeam(server.db, police, 'Response')], password: 'police-pass-1' });
    const as = async (u: { id: string; username: string; password: string }, agencyId: string): Promise<WorldUser> =>
      ({ id: u.id, agencyId, teamIds: [], role: 'practitioner', token: await signIn(server, u.username, u.password) });
    const councilUser = await as(officer, council);
    const policeUser = await as(constable, police);

    // The officer's own person, on the officer's case, with a staff-safety warning.
    const person = await call<{ person: { id: string } }>(server, councilUser, 'POST', '/persons', {
      givenName: 'Ottoline', familyName: 'Featherstonehaugh', dateOfBirth: '1988-04-02', gender: 'female', consentStatus: 'not_sought',
    });
    expect(person.status).toBe(200);
    personId = person.body.person.id;
    const ownCase = await call<{ id: string }>(server, councilUser, 'POST', '/cases', { title: 'Noise at Wrenfield Parade', caseType: 'asb' });
    expect(ownCase.status).toBe(200);
    caseId = ownCase.body.id;
    expect((await call(server, councilUser, 'POST', `/cases/${caseId}/subjects`, { personId, role: 'victim' })).status).toBe(200);
    const marker = await call(server, councilUser, 'POST', '/markers', {
      subjectType: 'person', subjectId: personId, markerType: 'staff_safety', description: 'Known to carry a blade', reviewDate: '2027-01-01',
    });
    expect(marker.status).toBe(200);

    // Another agency's person on its own unshared case: the officer can only be signposted to them.
    const hidden = await call<{ person: { id: string } }>(server, policeUser, 'POST', '/persons', {
      givenName: 'Quillon', familyName: 'Marbleworth', dateOfBirth: '1979-09-30', gender: 'male', consentStatus: 'not_sought',
    });
    expect(hidden.status).toBe(200);
    hiddenPersonId = hidden.body.person.id;
    const policeCase = await call<{ id: string }>(server, policeUser, 'POST', '/cases', { title: 'Synthetic police matter', caseType: 'asb' });
    expect(policeCase.status).toBe(200);
    expect((await call(server, policeUser, 'POST', `/cases/${policeCase.body.id}/subjects`, { personId: hiddenPersonId, role: 'suspect' })).status).toBe(200);

    desktop = startTestCore(server, 'cb-core-persons-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
      openCache: async (args) => (cache = await openSyncedCache(args)),
    });
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('needs a signed-in session', async () => {
    expect(await core.handle('persons.profile', { personId })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await core.handle('persons.searchOnline', { text: 'Marbleworth' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
  });

  it("answers a person's profile from the offline copy and records one view of that person for the audit trail", async () => {
    expect(await outbox()).toEqual([]);
    const profile = await callCore<PersonProfileView>(core, 'persons.profile', { personId });
    expect(profile.person).toMatchObject({ id: personId, givenName: 'Ottoline', familyName: 'Featherstonehaugh', dateOfBirth: '1988-04-02' });
    expect(profile.cases).toEqual([expect.objectContaining({ caseId, title: 'Noise at Wrenfield Parade', role: 'victim', ownerAgencyName: 'Riverton Council' })]);
    expect(profile.markers).toEqual([expect.objectContaining({ markerType: 'staff_safety', description: 'Known to carry a blade', subjectName: 'Ottoline Featherstonehaugh' })]);
    const events = await outbox();
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.details])).toEqual([['record.view', 'person', personId, {}]]);

    // The server takes it into its trail as the officer's read of the offline copy.
    await callCore(core, 'sync.now', null);
    expect(await outbox()).toEqual([]);
    expect((await offlineRows()).map((r) => [r.action, r.entity_type, r.entity_id])).toEqual([['record.view', 'person', personId]]);
  });

  it('answers not_found for a person the offline copy does not hold, and records nothing', async () => {
    expect(await core.handle('persons.profile', { personId: hiddenPersonId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.handle('persons.profile', { personId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.handle('persons.profile', { personId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await outbox()).toEqual([]);
  });

  it('narrows the local search by date of birth and records the date searched with the text', async () => {
    const born = await callCore<PersonSearchResult>(core, 'persons.search', { text: 'otto', dateOfBirth: '1988-04-02' });
    expect(born.hits.map((h) => h.id)).toEqual([personId]);
    const otherDay = await callCore<PersonSearchResult>(core, 'persons.search', { text: 'otto', dateOfBirth: '1988-04-03' });
    expect(otherDay.hits).toEqual([]);
    expect((await outbox()).map((e) => e.details)).toEqual([
      { terms: { q: 'otto', dateOfBirth: '1988-04-02' }, returned: [{ id: personId, view: 'full' }] },
      { terms: { q: 'otto', dateOfBirth: '1988-04-03' }, returned: [] },
    ]);
    await callCore(core, 'sync.now', null);
    expect(await outbox()).toEqual([]);
    const searches = await Promise.all((await offlineRows()).filter((r) => r.action === 'record.search').map(async (r) => await auditDetails(server.db, r) as { terms: unknown }));
    expect(searches.map((d) => d.terms)).toEqual([{ q: 'otto', dateOfBirth: '1988-04-02' }, { q: 'otto', dateOfBirth: '1988-04-03' }]);
  });

  it("answers the server's search as it gave it: a stub naming the agency to ask about another agency's person, and full records of the officer's own", async () => {
    const { results } = await callCore<OnlinePersonSearch>(core, 'persons.searchOnline', { text: 'Marbleworth' });
    expect(results).toEqual([{
      view: 'stub',
      person: { id: hiddenPersonId, displayName: 'Quillon Marbleworth', yearOfBirth: 1979, involvedAgencies: [expect.objectContaining({ name: 'Northshire Police' })], requestAccess: true },
    }]);
    const own = await callCore<OnlinePersonSearch>(core, 'persons.searchOnline', { text: 'Featherstonehaugh' });
    expect(own.results).toEqual([expect.objectContaining({ view: 'full', person: expect.objectContaining({ id: personId }) as unknown })]);
    // The date of birth goes to the server, which compares only the year for a stub.
    expect((await callCore<OnlinePersonSearch>(core, 'persons.searchOnline', { text: 'Marbleworth', dateOfBirth: '1979-01-01' })).results).toHaveLength(1);
    expect((await callCore<OnlinePersonSearch>(core, 'persons.searchOnline', { text: 'Marbleworth', dateOfBirth: '1980-01-01' })).results).toEqual([]);
    // The server audits its own search; nothing is queued locally.
    expect(await outbox()).toEqual([]);
    const serverSearches = (await Promise.all((await server.db.selectFrom('audit_events').select(['seq', 'details'])
      .where('user_id', '=', officer.id).where('action', '=', 'record.search').where('entity_type', '=', 'person').orderBy('seq').execute())
      .map(async (r) => await auditDetails(server.db, r) as { source?: string; terms?: unknown }))).filter((d) => d.source !== 'offline_copy');
    expect(serverSearches.map((d) => d.terms)).toEqual(expect.arrayContaining([
      { q: 'Marbleworth', dateOfBirth: null }, { q: 'Featherstonehaugh', dateOfBirth: null },
      { q: 'Marbleworth', dateOfBirth: '1979-01-01' }, { q: 'Marbleworth', dateOfBirth: '1980-01-01' },
    ]));
  });

  it('refuses malformed input before reaching the server', async () => {
    expect(await core.handle('persons.searchOnline', { text: 'M' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('persons.searchOnline', { text: 'Marbleworth', extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it("says only this computer's copy was searched when the server cannot be reached", async () => {
    net.offline = true;
    try {
      expect(await core.handle('persons.searchOnline', { text: 'Marbleworth' })).toEqual({
        ok: false, error: { code: 'network_error', message: "Only this computer's copy was searched: the server's search needs a connection." },
      });
      // The offline copy still answers.
      expect((await callCore<PersonSearchResult>(core, 'persons.search', { text: 'otto' })).hits.map((h) => h.id)).toEqual([personId]);
    } finally {
      net.offline = false;
    }
  });
});
