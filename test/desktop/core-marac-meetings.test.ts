/**
 * A MARAC meeting through the desktop channels (docs/marac.md): real server, worker-backed encrypted
 * cache, OS keychain. The coordinator schedules a meeting, puts a referral on the agenda, records
 * minutes and an action, reads the tracker and generates an attendee's pack; offline, the meeting
 * reads answer `network_error` saying they need the connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingAction, MeetingPackFile, MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import { newId } from '../../domain/ids.ts';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { isoDateOf } from '../../domain/marac/calendar-dates.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildPerson, signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('a MARAC meeting through the desktop channels', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let areaId = '';
  let referralId = '';
  let policeUser: { id: string; username: string; password: string };
  let policeId = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const idvaAgency = await buildAgency(server.db, { name: 'Synthetic IDVA Service', kind: 'charity' });
    const council = await buildAgency(server.db, { name: 'Synthetic Council' });
    policeId = await buildAgency(server.db, { name: 'Synthetic Police', kind: 'police' });
    areaId = await buildMaracArea(server.db, council);
    const idva = await buildUser(server.db, { agencyId: idvaAgency, teamIds: [await buildTeam(server.db, idvaAgency, 'IDVA')] });
    const coordinator = await buildUser(server.db, { agencyId: council, role: 'marac_coordinator', password: 'coordinator-pass-1' });
    policeUser = await buildUser(server.db, { agencyId: policeId });
    const victim = await buildPerson(server.db, { ownerAgencyId: idvaAgency, givenName: 'Marisol' });
    const perpetrator = await buildPerson(server.db, { ownerAgencyId: idvaAgency, givenName: 'Tobin' });
    const auth = { authorization: `Bearer ${await signIn(server, idva.username, idva.password)}` };
    const dash = await server.app.inject({ method: 'POST', url: `/persons/${victim}/dash-assessments`, headers: auth, payload: { version: '2015', answers: dashAnswers(15) } });
    const referral = await server.app.inject({
      method: 'POST', url: '/marac/referrals', headers: auth,
      payload: referralBody({ maracAreaId: areaId, dashAssessmentId: dash.json<{ id: string }>().id, victimId: victim, perpetratorId: perpetrator, referredOn: isoDateOf(new Date()) }),
    });
    expect(referral.statusCode).toBe(200);
    referralId = referral.json<{ id: string }>().id;
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-marac-meetings-'));
    core = createDesktopCore({
      serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    await callCore(core, 'session.signIn', { username: coordinator.username, password: coordinator.password });
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('schedules, builds the agenda, records minutes and an action, tracks it and makes a pack copy', async () => {
    const date = isoDateOf(new Date(Date.now() + 14 * 86_400_000));
    const scheduled = await callCore<MeetingRecord>(core, 'marac.meetings.schedule', { meeting: { maracAreaId: areaId, date, chair: 'Synthetic Chair' } });
    const withItem = await callCore<MeetingRecord>(core, 'marac.meetings.addAgendaItem', { meetingId: scheduled.id, item: { referralId, emergency: false } });
    const item = withItem.agenda[0]!;
    expect([item.referralId, item.score, withItem.abilities.run]).toEqual([referralId, 15, true]);
    const minuted = await callCore<MeetingRecord>(core, 'marac.meetings.setMinutes', { meetingId: scheduled.id, minutes: { agendaItemId: item.id, text: 'Discussed.' } });
    expect(minuted.agenda[0]?.minutes).toBe('Discussed.');
    const acted = await callCore<MeetingRecord>(core, 'marac.meetings.addAction', {
      meetingId: scheduled.id, action: { agendaItemId: item.id, title: 'Council to review housing', description: 'Done when the review is recorded.', ownerAgencyId: withItem.coordinatorAgency.id, dueDate: date },
    });
    expect(acted.agenda[0]?.actions.map((a) => a.title)).toEqual(['Council to review housing']);
    const tracker = await callCore<{ actions: MeetingAction[] }>(core, 'marac.actions.list', { openOnly: true });
    expect(tracker.actions.map((a) => [a.title, a.status])).toEqual([['Council to review housing', 'open']]);
    expect((await callCore<{ meetings: Array<{ id: string }> }>(core, 'marac.meetings.list', null)).meetings.map((m) => m.id)).toEqual([scheduled.id]);
    // A bad order is refused before it leaves the desktop.
    const bad = await core.handle('marac.meetings.orderAgenda', { meetingId: scheduled.id, itemIds: [] });
    expect(bad.ok ? null : bad.error.code).toBe('validation_error');

    // The police attendee (added here directly: the screens do not pick attendees yet) acknowledges
    // on their own desktop (here, the API); then their copy can be made.
    const policeAuth = { authorization: `Bearer ${await signIn(server, policeUser.username, policeUser.password)}` };
    await server.db.insertInto('marac_attendees').values({
      id: crypto.randomUUID(), meeting_id: scheduled.id, user_id: policeUser.id, agency_id: policeId, acknowledged_at: null, created_at: new Date().toISOString(),
    }).execute();
    expect((await server.app.inject({ method: 'POST', url: `/marac/meetings/${scheduled.id}/acknowledgement`, headers: policeAuth })).statusCode).toBe(200);
    const attendee = (await callCore<MeetingRecord>(core, 'marac.meetings.get', { meetingId: scheduled.id })).attendees[0]!;
    const pack = await callCore<MeetingPackFile>(core, 'marac.meetings.pack', { meetingId: scheduled.id, attendeeId: attendee.id });
    expect(Buffer.from(pack.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pack.recipient.agencyName).toBe('Synthetic Police');

    net.offline = true;
    const offline = await core.handle('marac.meetings.get', { meetingId: scheduled.id });
    expect(offline.ok ? null : offline.error.code).toBe('network_error');
    net.offline = false;
  });

  it('records minutes and an action with no network, and they reach the meeting when the desktop is connected again', async () => {
    net.offline = false;
    const date = isoDateOf(new Date(Date.now() + 21 * 86_400_000));
    const scheduled = await callCore<MeetingRecord>(core, 'marac.meetings.schedule', { meeting: { maracAreaId: areaId, date, chair: 'Synthetic Chair' } });
    // The first meeting's action is unfinished, so its case is already carried onto this agenda.
    expect(scheduled.agenda.map((i) => [i.referralId, i.carriedForward])).toEqual([[referralId, true]]);
    const item = scheduled.agenda[0]!;

    net.offline = true;
    const taskId = newId();
    await callCore(core, 'changes.submit', { name: 'marac_meeting.setMinutes', args: { meetingId: scheduled.id, agendaItemId: item.id, text: 'Minuted with no network.' } });
    await callCore(core, 'changes.submit', {
      name: 'marac_meeting.addAction',
      args: { meetingId: scheduled.id, taskId, agendaItemId: item.id, title: 'Council to call the victim', description: 'Done when the call is recorded.', ownerAgencyId: scheduled.coordinatorAgency.id, dueDate: date },
    });
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 2 });
    expect(await server.db.selectFrom('marac_actions').select('task_id').where('meeting_id', '=', scheduled.id).execute()).toEqual([]);

    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0 });
    expect(await callCore<RejectedChange[]>(core, 'sync.rejected', null)).toEqual([]);
    const meeting = await callCore<MeetingRecord>(core, 'marac.meetings.get', { meetingId: scheduled.id });
    expect(meeting.agenda[0]?.minutes).toBe('Minuted with no network.');
    expect(meeting.agenda[0]?.actions.filter((a) => a.meetingId === scheduled.id).map((a) => [a.taskId, a.title, a.status]))
      .toEqual([[taskId, 'Council to call the victim', 'open']]);
  });

  it('rejects minutes recorded offline on a meeting the user does not run, at push, with a typed reason', async () => {
    net.offline = false;
    const policeDir = mkdtempSync(join(tmpdir(), 'cb-core-marac-police-'));
    const policeCore = createDesktopCore({ serverUrl: server.url, dataDir: policeDir, secretStore: keychain, syncIntervalMs: 60_000 });
    try {
      await callCore(policeCore, 'session.signIn', { username: policeUser.username, password: policeUser.password });
      // The meeting the police officer attends (the first test's): they see it but do not run it.
      const meetingId = (await server.db.selectFrom('marac_attendees').select('meeting_id').where('user_id', '=', policeUser.id).executeTakeFirstOrThrow()).meeting_id;
      const item = await server.db.selectFrom('marac_agenda_items').select('id').where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
      await callCore(policeCore, 'changes.submit', { name: 'marac_meeting.setMinutes', args: { meetingId, agendaItemId: item.id, text: 'Not mine to write.' } });
      await callCore(policeCore, 'sync.now', null);
      const rejected = await callCore<RejectedChange[]>(policeCore, 'sync.rejected', null);
      expect(rejected.map((r) => r.error.code)).toEqual(['authorization_error']);
      expect((await server.db.selectFrom('marac_agenda_items').select('minutes').where('id', '=', item.id).executeTakeFirstOrThrow()).minutes).not.toBe('Not mine to write.');
    } finally {
      await policeCore.close();
      rmSync(policeDir, { recursive: true, force: true });
    }
  });
});
