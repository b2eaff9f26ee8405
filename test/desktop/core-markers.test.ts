/**
 * Markers through the desktop core, two agencies, a real server, worker-backed encrypted caches and the
 * OS keychain: a staff-safety warning placed offline on a person shows at once on this computer (case
 * banner, person profile, queue row, review-due list), reaches the partner agency after a sync, and
 * leaves every banner once its owner ends it. A change by an agency that did not place it is refused and undone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import type { MarkerReviewItem } from '../../domain/ipc/marker-channels.ts';
import type { PersonProfileView } from '../../domain/ipc/person-channels.ts';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { newId } from '../../domain/ids.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const DAY = 24 * 60 * 60 * 1000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('markers through the desktop core', () => {
  let server: TestServer;
  let policeDesktop: TestCore;
  let councilDesktop: TestCore;
  const net = { offline: false };
  let personId = '';
  let caseId = '';

  const police = (): DesktopCore => policeDesktop.core;
  const council = (): DesktopCore => councilDesktop.core;
  const banner = async (core: DesktopCore) => (await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).markers;
  const profile = async (core: DesktopCore) => (await callCore<PersonProfileView>(core, 'persons.profile', { personId })).markers;
  const queueRow = async (core: DesktopCore) => (await callCore<QueuePage>(core, 'cases.queue', { filter: '' })).rows.find((r) => r.id === caseId);
  const reviewDue = async (core: DesktopCore) => (await callCore<{ markers: MarkerReviewItem[] }>(core, 'markers.reviewDue', {})).markers;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const policeAgency = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'NSP' });
    const councilAgency = await buildAgency(server.db, { name: 'Riverton City Council', code: 'RCC' });
    const policeTeam = await buildTeam(server.db, policeAgency, 'Response');
    const constable = await buildUser(server.db, { agencyId: policeAgency, teamIds: [policeTeam], password: 'police-pass-1' });
    const officer = await buildUser(server.db, { agencyId: councilAgency, teamIds: [await buildTeam(server.db, councilAgency, 'ASB')], password: 'council-pass-1' });
    const policeUser: WorldUser = { id: constable.id, agencyId: policeAgency, teamIds: [policeTeam], role: 'practitioner', token: await signIn(server, constable.username, constable.password) };

    const person = await call<{ person: { id: string } }>(server, policeUser, 'POST', '/persons', {
      givenName: 'Ottoline', familyName: 'Featherstonehaugh', dateOfBirth: '1988-04-02', gender: 'female', consentStatus: 'not_sought',
    });
    expect(person.status).toBe(200);
    personId = person.body.person.id;
    caseId = (await buildCase(server.db, {
      ownerAgencyId: policeAgency, ownerTeamId: policeTeam, ownerUserId: constable.id, title: 'Threats at Wrenfield Parade',
      sharingLevel: 'shared', sharedAgencyIds: [councilAgency],
    })).id;
    expect((await call(server, policeUser, 'POST', `/cases/${caseId}/subjects`, { personId, role: 'suspect' })).status).toBe(200);

    policeDesktop = startTestCore(server, 'cb-core-markers-police-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    councilDesktop = startTestCore(server, 'cb-core-markers-council-');
    await callCore(police(), 'session.signIn', constable);
    await callCore(council(), 'session.signIn', officer);
    await callCore(police(), 'sync.now', null);
    await callCore(council(), 'sync.now', null);
  });
  afterAll(async () => {
    await policeDesktop.stop();
    await councilDesktop.stop();
    await server.stop();
  });

  it('places a staff-safety warning offline, shows it at once, and the partner agency sees it after a sync', async () => {
    net.offline = true;
    const markerId = newId();
    const reviewDate = isoDate(Date.now() + 7 * DAY);
    await callCore(police(), 'changes.submit', {
      name: 'marker.create',
      args: { markerId, subjectType: 'person', subjectId: personId, markerType: 'staff_safety', description: 'Threatened staff with a dog', reviewDate },
    });
    expect(await banner(police())).toEqual([expect.objectContaining({
      id: markerId, markerType: 'staff_safety', subjectType: 'person', subjectId: personId, subjectName: 'Ottoline Featherstonehaugh',
      ownerAgencyName: 'Northshire Police', editable: true,
    })]);
    expect((await profile(police())).map((m) => m.id)).toEqual([markerId]);
    expect((await queueRow(police()))?.markerTypes).toEqual(['staff_safety']);
    expect(await reviewDue(police())).toEqual([expect.objectContaining({
      id: markerId, subjectType: 'person', subjectId: personId, subjectName: 'Ottoline Featherstonehaugh', reviewDate, overdue: false,
    })]);
    expect(await callCore<SyncStatus>(police(), 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 1 });
    expect(await server.db.selectFrom('markers').select('id').where('id', '=', markerId).executeTakeFirst()).toBeUndefined();

    net.offline = false;
    expect(await callCore<SyncStatus>(police(), 'sync.now', null)).toMatchObject({ pendingChanges: 0, rejectedCount: 0 });
    expect(await server.db.selectFrom('markers').select(['id', 'marker_type']).where('id', '=', markerId).executeTakeFirst())
      .toEqual({ id: markerId, marker_type: 'staff_safety' });
    // After the pull the server's ability stands: still the owner's to change.
    expect((await banner(police()))[0]?.editable).toBe(true);

    await callCore(council(), 'sync.now', null);
    expect(await banner(council())).toEqual([expect.objectContaining({ id: markerId, markerType: 'staff_safety', ownerAgencyName: 'Northshire Police', editable: false })]);
    expect((await profile(council())).map((m) => m.id)).toEqual([markerId]);
    expect((await queueRow(council()))?.markerTypes).toEqual(['staff_safety']);
    // Only the owning agency reviews it.
    expect(await reviewDue(council())).toEqual([]);
  });

  it('reviews a warning (a new review date takes it off the review-due list), refuses another agency\'s change, and ends it for everyone', async () => {
    const markerId = (await banner(police()))[0]!.id;
    await callCore(police(), 'changes.submit', { name: 'marker.update', args: { markerId, reviewDate: isoDate(Date.now() + 90 * DAY) } });
    expect(await reviewDue(police())).toEqual([]);
    await callCore(police(), 'sync.now', null);
    expect(await server.db.selectFrom('markers').select('review_date').where('id', '=', markerId).executeTakeFirstOrThrow())
      .toEqual({ review_date: isoDate(Date.now() + 90 * DAY) });

    // The council's desktop queues it, the server refuses it, and the local copy goes back to the server's.
    await callCore(council(), 'changes.submit', { name: 'marker.update', args: { markerId, description: 'Changed by the council' } });
    expect((await banner(council()))[0]?.description).toBe('Changed by the council');
    expect(await callCore<SyncStatus>(council(), 'sync.now', null)).toMatchObject({ rejectedCount: 1 });
    const rejected = await callCore<RejectedChange[]>(council(), 'sync.rejected', null);
    expect(rejected.map((r) => [r.name, r.error.code])).toEqual([['marker.update', 'authorization_error']]);
    expect((await banner(council()))[0]?.description).toBe('Threatened staff with a dog');

    await callCore(police(), 'changes.submit', { name: 'marker.update', args: { markerId, expiresAt: new Date().toISOString() } });
    expect(await banner(police())).toEqual([]);
    expect(await profile(police())).toEqual([]);
    expect((await queueRow(police()))?.markerTypes).toEqual([]);
    await callCore(police(), 'sync.now', null);
    await callCore(council(), 'sync.now', null);
    expect(await banner(council())).toEqual([]);
    expect(await profile(council())).toEqual([]);
    expect((await queueRow(council()))?.markerTypes).toEqual([]);
  });

  it('refuses an empty change or a bad review date before anything is queued', async () => {
    const markerId = newId();
    await expect(callCore(police(), 'changes.submit', { name: 'marker.update', args: { markerId } })).rejects.toThrow(/validation_error/);
    await expect(callCore(police(), 'changes.submit', {
      name: 'marker.create', args: { markerId, subjectType: 'case', subjectId: caseId, markerType: 'weapons', description: 'x', reviewDate: 'soon' },
    })).rejects.toThrow(/validation_error/);
    expect(await callCore<SyncStatus>(police(), 'sync.status', null)).toMatchObject({ pendingChanges: 0 });
  });
});
