/**
 * A whole MARAC meeting with no network (docs/marac.md, "A meeting with no network"): real server,
 * worker-backed encrypted cache, OS keychain; "offline" is a fetch that cannot connect. The
 * coordinator takes the meeting offline, runs it without the server (minutes and an action shown at
 * once, marked as waiting to sync), and the server holds them after the next push. The copy holds
 * exactly the server's read for the coordinator: research restricted to another agency never
 * reaches it, and a case removed from the offline copy leaves the meeting too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import { newId } from '../../domain/ids.ts';
import type { MeetingView } from '../../domain/ipc/marac-meeting-channels.ts';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { isoDateOf } from '../../domain/marac/calendar-dates.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { buildPerson, signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const RESTRICTED = 'Synthetic IDVA intelligence kept to the IDVA service';
const SHARED = 'Synthetic IDVA fact shared with the meeting';
const MINUTES = 'Synthetic minutes written with no network';

describe('a MARAC meeting run with no network', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let coordinator: { id: string; username: string; password: string };
  let idva: { id: string; username: string; password: string };
  let idvaAgency = '';
  let meeting: MeetingView;
  let date = '';
  const research: { shared: string; restricted: string } = { shared: '', restricted: '' };

  const start = () => createDesktopCore({
    serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
    fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
  });
  /** The stored copy, read straight from the encrypted file with the key from the keychain. */
  const storedCopy = async () => {
    const location = cacheLocation(dataDir, server.url, coordinator.id);
    const db = openEncryptedDb(location.file, (await keychain.get(location.keyAccount))!);
    try {
      const rows = db.prepare('select meeting_id, user_id, record, taken_at from offline_meetings').all() as Array<{ meeting_id: string; user_id: string; record: string; taken_at: string }>;
      const cases = db.prepare('select meeting_id, case_id from offline_meeting_cases').all();
      return { rows, cases };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    idvaAgency = await buildAgency(server.db, { name: 'Synthetic IDVA Service', kind: 'charity' });
    const council = await buildAgency(server.db, { name: 'Synthetic Council' });
    const areaId = await buildMaracArea(server.db, council);
    idva = await buildUser(server.db, { agencyId: idvaAgency, teamIds: [await buildTeam(server.db, idvaAgency, 'IDVA')] });
    coordinator = await buildUser(server.db, { agencyId: council, role: 'marac_coordinator', password: 'coordinator-pass-1' });
    const victim = await buildPerson(server.db, { ownerAgencyId: idvaAgency, givenName: 'Marisol' });
    const perpetrator = await buildPerson(server.db, { ownerAgencyId: idvaAgency, givenName: 'Tobin' });
    const idvaAuth = { authorization: `Bearer ${await signIn(server, idva.username, idva.password)}` };
    const dash = await server.app.inject({ method: 'POST', url: `/persons/${victim}/dash-assessments`, headers: idvaAuth, payload: { version: '2015', answers: dashAnswers(15) } });
    const referral = await server.app.inject({
      method: 'POST', url: '/marac/referrals', headers: idvaAuth,
      payload: referralBody({ maracAreaId: areaId, dashAssessmentId: dash.json<{ id: string }>().id, victimId: victim, perpetratorId: perpetrator, referredOn: isoDateOf(new Date()) }),
    });
    expect(referral.statusCode, referral.body).toBe(200);
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-marac-offline-'));
    core = start();
    await callCore(core, 'session.signIn', { username: coordinator.username, password: coordinator.password });
    await callCore(core, 'sync.now', null);
    date = isoDateOf(new Date(Date.now() + 14 * 86_400_000));
    const scheduled = await callCore<MeetingRecord>(core, 'marac.meetings.schedule', { meeting: { maracAreaId: areaId, date, chair: 'Synthetic Chair' } });
    await callCore(core, 'marac.meetings.addAgendaItem', { meetingId: scheduled.id, item: { referralId: referral.json<{ id: string }>().id, emergency: false } });
    // The IDVA service attends and researches the case: one fact for the meeting, one kept to itself.
    await server.db.insertInto('marac_attendees').values({
      id: newId(), meeting_id: scheduled.id, user_id: idva.id, agency_id: idvaAgency, acknowledged_at: null, created_at: new Date().toISOString(),
    }).execute();
    const item = (await server.db.selectFrom('marac_agenda_items').select('id').where('meeting_id', '=', scheduled.id).executeTakeFirstOrThrow()).id;
    for (const [key, text, restricted] of [['shared', SHARED, false], ['restricted', RESTRICTED, true]] as const) {
      const added = await server.app.inject({
        method: 'POST', url: `/marac/meetings/${scheduled.id}/research`, headers: idvaAuth, payload: { agendaItemId: item, nature: 'fact', text, restricted },
      });
      expect(added.statusCode, added.body).toBe(200);
      const row = await server.db.selectFrom('marac_research').select('id').where('body', '=', text).executeTakeFirstOrThrow();
      research[key] = row.id;
    }
    meeting = await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: scheduled.id });
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is taken offline, read from the copy, minuted and actioned with no network, and the server holds both after the push', async () => {
    expect(meeting.copy).toEqual({ takenAt: null, fromCopy: false, waitingToSync: { minutes: [], actions: [] } });
    expect((await storedCopy()).rows).toEqual([]);
    const taken = await callCore<MeetingView>(core, 'marac.meetings.takeOffline', { meetingId: meeting.id });
    expect(taken.copy.fromCopy).toBe(false);
    expect(Date.parse(taken.copy.takenAt!)).toBeGreaterThan(Date.now() - 60_000);
    const item = taken.agenda[0]!;

    net.offline = true;
    const copy = await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: meeting.id });
    expect(copy.copy).toEqual({ takenAt: taken.copy.takenAt, fromCopy: true, waitingToSync: { minutes: [], actions: [] } });
    expect(copy.agenda.map((i) => [i.id, i.caseId, i.research.map((r) => r.text)])).toEqual([[item.id, item.caseId, [SHARED]]]);
    // A meeting never taken offline still needs the network; taking one offline needs the server.
    expect(await core.handle('marac.meetings.get', { meetingId: newId() })).toMatchObject({ ok: false, error: { code: 'network_error' } });
    expect(await core.handle('marac.meetings.takeOffline', { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: 'network_error' } });

    const taskId = newId();
    await callCore(core, 'changes.submit', { name: 'marac_meeting.setMinutes', args: { meetingId: meeting.id, agendaItemId: item.id, text: MINUTES } });
    await callCore(core, 'changes.submit', {
      name: 'marac_meeting.addAction',
      args: { meetingId: meeting.id, taskId, agendaItemId: item.id, title: 'Council to review housing', description: 'Done when the review is recorded.', ownerAgencyId: meeting.coordinatorAgency.id, dueDate: date },
    });
    // Bad input is refused and changes nothing.
    expect(await core.handle('changes.submit', { name: 'marac_meeting.addAction', args: { meetingId: meeting.id, agendaItemId: item.id, title: ' ' } }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    const offline = await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: meeting.id });
    expect(offline.copy).toEqual({ takenAt: taken.copy.takenAt, fromCopy: true, waitingToSync: { minutes: [item.id], actions: [taskId] } });
    expect(offline.agenda[0]?.minutes).toBe(MINUTES);
    expect(offline.agenda[0]?.actions.map((a) => [a.taskId, a.title, a.ownerAgency.name, a.dueDate, a.status])).toEqual([[taskId, 'Council to review housing', 'Synthetic Council', date, 'open']]);
    // It survives a restart with no network.
    await core.close();
    core = start();
    await callCore(core, 'session.signIn', { username: coordinator.username, password: coordinator.password });
    expect((await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: meeting.id })).agenda[0]?.minutes).toBe(MINUTES);
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 2 });
    expect(await server.db.selectFrom('marac_actions').select('task_id').where('meeting_id', '=', meeting.id).execute()).toEqual([]);

    net.offline = false;
    // Read online before the push: the server's answer with the waiting changes still shown and marked.
    const beforePush = await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: meeting.id });
    expect([beforePush.copy.fromCopy, beforePush.copy.waitingToSync, beforePush.agenda[0]?.minutes]).toEqual([false, { minutes: [item.id], actions: [taskId] }, MINUTES]);
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0 });
    // The network goes again before the meeting is read: the copy still shows them, no longer waiting.
    net.offline = true;
    const afterPush = await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: meeting.id });
    expect([afterPush.copy.fromCopy, afterPush.copy.waitingToSync, afterPush.agenda[0]?.minutes, afterPush.agenda[0]?.actions.map((a) => a.taskId)])
      .toEqual([true, { minutes: [], actions: [] }, MINUTES, [taskId]]);
    net.offline = false;
    expect(await callCore<RejectedChange[]>(core, 'sync.rejected', null)).toEqual([]);
    expect((await server.db.selectFrom('marac_agenda_items').select('minutes').where('id', '=', item.id).executeTakeFirstOrThrow()).minutes).toBe(MINUTES);
    expect((await server.db.selectFrom('marac_actions').select('task_id').where('meeting_id', '=', meeting.id).execute()).map((a) => a.task_id)).toEqual([taskId]);
    // Read online again: the server's answer, nothing waiting, and the copy refreshed from it.
    const online = await callCore<MeetingView>(core, 'marac.meetings.get', { meetingId: meeting.id });
    expect(online.copy.fromCopy).toBe(false);
    expect(online.copy.waitingToSync).toEqual({ minutes: [], actions: [] });
    expect(Date.parse(online.copy.takenAt!)).toBeGreaterThanOrEqual(Date.parse(taken.copy.takenAt!));
    expect(online.agenda[0]?.actions.map((a) => a.taskId)).toEqual([taskId]);
    // The reads answered from the copy reached the audit trail as views of the meeting with what they showed.
    const views = await server.db.selectFrom('audit_events').select(['user_id', 'details']).where('action', '=', 'record.view')
      .where('entity_type', '=', 'marac_meeting').where('entity_id', '=', meeting.id).execute();
    const fromCopy = views.map((v) => JSON.parse(v.details) as { source?: string; caseIds: string[]; researchIds: string[] }).filter((d) => d.source === 'offline_copy');
    expect(fromCopy.length).toBeGreaterThanOrEqual(3);
    expect(fromCopy[0]).toMatchObject({ caseIds: [item.caseId], researchIds: [research.shared] });
  });

  it('holds exactly what the server showed the coordinator: no research restricted to another agency, and only encrypted', async () => {
    const { rows, cases } = await storedCopy();
    expect(rows.map((r) => [r.meeting_id, r.user_id])).toEqual([[meeting.id, coordinator.id]]);
    const stored = JSON.parse(rows[0]!.record) as MeetingRecord;
    expect(stored.agenda.flatMap((i) => i.research.map((r) => r.id))).toEqual([research.shared]);
    expect(rows[0]!.record).not.toContain(RESTRICTED);
    expect(cases).toEqual([{ meeting_id: meeting.id, case_id: stored.agenda[0]!.caseId }]);
    // The IDVA service itself reads its restricted item: the server holds it, the coordinator's copy does not.
    const idvaView = await server.app.inject({ method: 'GET', url: `/marac/meetings/${meeting.id}`, headers: { authorization: `Bearer ${await signIn(server, idva.username, idva.password)}` } });
    expect(idvaView.json<MeetingRecord>().agenda[0]?.research.map((r) => r.id).sort()).toEqual([research.shared, research.restricted].sort());
    expect(findInFiles(filesUnder(dataDir), [SHARED, MINUTES])).toEqual([]);
  });

  it('only the coordinator running the meeting may take it offline', async () => {
    const idvaDir = mkdtempSync(join(tmpdir(), 'cb-core-marac-offline-idva-'));
    const idvaCore = createDesktopCore({ serverUrl: server.url, dataDir: idvaDir, secretStore: keychain, syncIntervalMs: 60_000 });
    try {
      await callCore(idvaCore, 'session.signIn', { username: idva.username, password: idva.password });
      expect(await idvaCore.handle('marac.meetings.takeOffline', { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
      expect((await callCore<MeetingView>(idvaCore, 'marac.meetings.get', { meetingId: meeting.id })).copy.takenAt).toBeNull();
    } finally {
      await idvaCore.close();
      rmSync(idvaDir, { recursive: true, force: true });
    }
  });
});
