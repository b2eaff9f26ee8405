/**
 * The `accessRequests.create` channel of the desktop core against a real server: a council officer
 * signposted to a person only the police see asks the police for access; the request reaches the
 * server (the police's decider sees it pending, with the reason), a too-short reason is refused before anything
 * is created, a second pending request is refused by the server, and offline it says it needs a connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequestRecord } from '../../domain/entities/access-request.ts';
import type { OnlinePersonSearch } from '../../domain/ipc/person-channels.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REASON = 'Joint visit planned next week; need to check warnings first.';

describe('asking for access from the desktop core', () => {
  let server: TestServer;
  let desktop: TestCore;
  let core: DesktopCore;
  const net = { offline: false };
  let officer: { id: string; username: string; password: string };
  let council = '';
  let police = '';
  let policeUser: WorldUser;
  let sergeant: WorldUser;
  let hiddenPersonId = '';

  const requestRows = () => server.db.selectFrom('access_requests').selectAll().where('requester_user_id', '=', officer.id).execute();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RPC' });
    police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'RPP' });
    officer = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'ASB')], password: 'council-pass-1' });
    const constable = await buildUser(server.db, { agencyId: police, teamIds: [await buildTeam(server.db, police, 'Response')], password: 'police-pass-1' });
    policeUser = { id: constable.id, agencyId: police, teamIds: [], role: 'practitioner', token: await signIn(server, constable.username, constable.password) };
    // The police's decider: requests to the police are theirs to see and decide.
    const manager = await buildUser(server.db, { agencyId: police, role: 'team_manager', password: 'police-pass-2' });
    sergeant = { id: manager.id, agencyId: police, teamIds: [], role: 'team_manager', token: await signIn(server, manager.username, manager.password) };

    // A police person on the police's own unshared case: the officer is only signposted to them.
    const hidden = await call<{ person: { id: string } }>(server, policeUser, 'POST', '/persons', {
      givenName: 'Quillon', familyName: 'Marbleworth', dateOfBirth: '1979-09-30', gender: 'male', consentStatus: 'not_sought',
    });
    expect(hidden.status).toBe(200);
    hiddenPersonId = hidden.body.person.id;
    const policeCase = await call<{ id: string }>(server, policeUser, 'POST', '/cases', { title: 'Synthetic police matter', caseType: 'asb' });
    expect(policeCase.status).toBe(200);
    expect((await call(server, policeUser, 'POST', `/cases/${policeCase.body.id}/subjects`, { personId: hiddenPersonId, role: 'suspect' })).status).toBe(200);

    desktop = startTestCore(server, 'cb-core-access-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('needs a signed-in session', async () => {
    expect(await core.handle('accessRequests.create', { resourceType: 'person', resourceId: hiddenPersonId, reason: REASON }))
      .toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await callCore(core, 'session.signIn', officer);
  });

  it('refuses a too-short reason as validation_error, and nothing is created', async () => {
    expect(await core.handle('accessRequests.create', { resourceType: 'person', resourceId: hiddenPersonId, reason: '  too short  ' }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('accessRequests.create', { resourceType: 'person', resourceId: hiddenPersonId, reason: REASON, extra: 1 }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await requestRows()).toEqual([]);
  });

  it('creates a pending request for the stub person, addressed to the police, whose decider sees it with its reason', async () => {
    const { results } = await callCore<OnlinePersonSearch>(core, 'persons.searchOnline', { text: 'Marbleworth' });
    expect(results).toEqual([expect.objectContaining({ view: 'stub', person: expect.objectContaining({ id: hiddenPersonId, requestAccess: true }) as unknown })]);

    const record = await callCore<AccessRequestRecord>(core, 'accessRequests.create', { resourceType: 'person', resourceId: hiddenPersonId, reason: `  ${REASON} ` });
    expect(record).toMatchObject({
      resourceType: 'person', resourceId: hiddenPersonId, ownerAgencyId: police, requesterUserId: officer.id, requesterAgencyId: council,
      reason: REASON, status: 'pending', grant: null,
    });
    expect(typeof record.id).toBe('string');
    expect(Number.isNaN(Date.parse(record.createdAt))).toBe(false);

    const owner = await call<{ requests: AccessRequestRecord[] }>(server, sergeant, 'GET', '/access-requests?status=pending');
    expect(owner.status).toBe(200);
    expect(owner.body.requests).toEqual([expect.objectContaining({ id: record.id, resourceId: hiddenPersonId, reason: REASON, status: 'pending', abilities: { decide: true, revoke: false } })]);
    expect(await requestRows()).toHaveLength(1);
  });

  it("passes the server's refusal of a second pending request through as conflict", async () => {
    expect(await core.handle('accessRequests.create', { resourceType: 'person', resourceId: hiddenPersonId, reason: REASON }))
      .toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await requestRows()).toHaveLength(1);
  });

  it('says it needs a connection when the server cannot be reached', async () => {
    net.offline = true;
    try {
      expect(await core.handle('accessRequests.create', { resourceType: 'case', resourceId: hiddenPersonId, reason: REASON })).toEqual({
        ok: false, error: { code: 'network_error', message: 'Asking for access needs a connection: try again when this computer is connected.' },
      });
    } finally {
      net.offline = false;
    }
    expect(await requestRows()).toHaveLength(1);
  });
});
