/**
 * The owner agency is told when another agency attaches one of its people from a search stub: the
 * desktop's Notifications channel reads the server's list and names the person from the offline copy.
 * Another agency's user gets nothing; offline, the channel says the list needs a connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationView } from '../../domain/ipc/notification-channels.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('notifications on the desktop', () => {
  let server: TestServer;
  let owner: { username: string; password: string };
  let bystander: { username: string; password: string };
  let personId = '';
  let housingCaseId = '';
  const desktops: TestCore[] = [];

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const support = await buildAgency(server.db, { kind: 'charity', name: 'Synthetic Victim Support' });
    const housingAgency = await buildAgency(server.db, { kind: 'housing', name: 'Synthetic Housing' });
    const council = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    const ownerUser = await buildUser(server.db, { agencyId: support, teamIds: [await buildTeam(server.db, support, 'IDVA')], password: 'owner-pass-1' });
    owner = ownerUser;
    bystander = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'ASB')], password: 'council-pass-1' });
    const housingUser = await buildUser(server.db, { agencyId: housingAgency, teamIds: [await buildTeam(server.db, housingAgency, 'Tenancy')], password: 'housing-pass-1' });
    const as = async (u: { id: string; username: string; password: string }, agencyId: string): Promise<WorldUser> =>
      ({ id: u.id, agencyId, teamIds: [], role: 'practitioner', token: await signIn(server, u.username, u.password) });
    const supportUser = await as(ownerUser, support);
    const housing = await as(housingUser, housingAgency);

    const person = await call<{ person: { id: string } }>(server, supportUser, 'POST', '/persons', {
      givenName: 'Quillon', familyName: 'Marbleworth', dateOfBirth: '1987-03-14', gender: 'female', consentStatus: 'given',
    });
    personId = person.body.person.id;
    const supportCase = await call<{ id: string }>(server, supportUser, 'POST', '/cases', { title: 'Synthetic support case', caseType: 'asb' });
    expect((await call(server, supportUser, 'POST', `/cases/${supportCase.body.id}/subjects`, { personId, role: 'victim' })).status).toBe(200);
    const housingCase = await call<{ id: string }>(server, housing, 'POST', '/cases', { title: 'Synthetic tenancy ASB', caseType: 'asb' });
    housingCaseId = housingCase.body.id;
    const attached = await call(server, housing, 'POST', `/cases/${housingCaseId}/subjects`, {
      personId, role: 'perpetrator', reason: 'Tenant named in a housing ASB referral; avoiding a duplicate record.',
    });
    expect(attached.status).toBe(200);
  });
  afterAll(async () => {
    for (const desktop of desktops) {
      await desktop.stop();
    }
    await server.stop();
  });

  async function signedInCore(user: { username: string; password: string }, prefix: string) {
    const desktop = startTestCore(server, prefix);
    desktops.push(desktop);
    await callCore(desktop.core, 'session.signIn', user);
    await callCore(desktop.core, 'sync.now', null);
    return desktop.core;
  }

  it("shows the owner agency's user who attached which of their people, named from the offline copy", async () => {
    const core = await signedInCore(owner, 'cb-notify-owner-');
    const { notifications } = await callCore<{ notifications: NotificationView[] }>(core, 'notifications.list', null);
    expect(notifications).toEqual([
      expect.objectContaining({ kind: 'person_attached', personId, caseId: housingCaseId, fromAgency: expect.objectContaining({ name: 'Synthetic Housing' }) as unknown, personName: 'Quillon Marbleworth' }),
    ]);
  });

  it("shows another agency's user nothing", async () => {
    const core = await signedInCore(bystander, 'cb-notify-council-');
    expect(await callCore(core, 'notifications.list', null)).toEqual({ notifications: [] });
  });

  it('says the list needs a connection when the server cannot be reached', async () => {
    const core = await signedInCore(owner, 'cb-notify-offline-');
    await server.stop();
    const answer = await core.handle('notifications.list', null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'network_error', message: expect.stringMatching(/connected/) as unknown } });
  });
});
