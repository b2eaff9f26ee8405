/**
 * A DASH checklist and a MARAC referral made while the server cannot be reached (docs/marac.md):
 * real server, worker-backed encrypted cache, OS keychain; "offline" is a fetch that cannot connect.
 * Both wait in the outbox and are applied at the next push, where the server scores the checklist
 * and works out the repeat flag from the referrals it holds then — here an earlier referral of the
 * same pair made by someone else while this desktop was offline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { newId } from '../../domain/ids.ts';
import { isoDateOf } from '../../domain/marac/calendar-dates.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildPerson, signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('MARAC through the desktop channels', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let idva: { id: string; username: string; password: string };
  let colleague: { username: string; password: string };
  let areaId = '';
  let victim = '';
  let perpetrator = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const agencyId = await buildAgency(server.db, { name: 'Synthetic IDVA Service', kind: 'charity' });
    const teamId = await buildTeam(server.db, agencyId, 'IDVA');
    const council = await buildAgency(server.db, { name: 'Synthetic Council' });
    areaId = await buildMaracArea(server.db, council);
    idva = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'idva-pass-1' });
    colleague = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'idva-pass-2' });
    victim = await buildPerson(server.db, { ownerAgencyId: agencyId, givenName: 'Marisol' });
    perpetrator = await buildPerson(server.db, { ownerAgencyId: agencyId, givenName: 'Tobin' });
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-marac-'));
    core = createDesktopCore({
      serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    await callCore(core, 'session.signIn', idva);
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('waits in the outbox, then is scored and flagged a repeat when pushed', async () => {
    net.offline = true;
    const assessmentId = newId();
    const referralId = newId();
    const newCaseId = newId();
    const today = isoDateOf(new Date());
    await callCore(core, 'changes.submit', {
      name: 'dash_assessment.create', args: { assessmentId, personId: victim, assessment: { version: '2015', answers: dashAnswers(15) } },
    });
    await callCore(core, 'changes.submit', {
      name: 'marac_referral.create',
      args: { referralId, newCaseId, referral: referralBody({ maracAreaId: areaId, dashAssessmentId: assessmentId, victimId: victim, perpetratorId: perpetrator, referredOn: today }) },
    });
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 2 });
    expect(await server.db.selectFrom('marac_referrals').select('id').execute()).toEqual([]);

    // Meanwhile a colleague refers the same pair online.
    const token = await signIn(server, colleague.username, colleague.password);
    const auth = { authorization: `Bearer ${token}` };
    const assessed = await server.app.inject({ method: 'POST', url: `/persons/${victim}/dash-assessments`, headers: auth, payload: { version: '2015', answers: dashAnswers(14) } });
    const earlier = await server.app.inject({
      method: 'POST', url: '/marac/referrals', headers: auth,
      payload: referralBody({ maracAreaId: areaId, dashAssessmentId: assessed.json<{ id: string }>().id, victimId: victim, perpetratorId: perpetrator, referredOn: today }),
    });
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json<{ repeat: boolean }>().repeat).toBe(false);

    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0 });
    expect(await callCore<RejectedChange[]>(core, 'sync.rejected', null)).toEqual([]);
    const assessment = await server.db.selectFrom('dash_assessments').select(['score', 'band', 'version']).where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect([Number(assessment.score), assessment.band, assessment.version]).toEqual([15, 'high', '2015']);
    const referral = await server.db.selectFrom('marac_referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
    expect([referral.case_id, Number(referral.repeat), referral.repeat_of_referral_id]).toEqual([newCaseId, 1, earlier.json<{ id: string }>().id]);
    expect(JSON.parse(referral.criteria)).toEqual(['visible_high_risk', 'repeat']);
  });

  it('online, records a checklist and a referral through the channels and answers the server\'s score, band and repeat flag', async () => {
    net.offline = false;
    const areas = await callCore<{ areas: Array<{ id: string; escalationIncidents: number }> }>(core, 'marac.areas', null);
    expect(areas.areas.map((a) => [a.id, a.escalationIncidents])).toEqual([[areaId, 3]]);
    const assessment = await callCore<{ id: string; score: number; band: string }>(core, 'marac.assessments.create', {
      personId: victim, assessment: { version: '2015', answers: dashAnswers(10), professionalJudgement: { band: 'high', reasons: 'Escalating threats seen by the IDVA.' } },
    });
    expect([assessment.score, assessment.band]).toEqual([10, 'high']);
    const history = await callCore<{ assessments: Array<{ id: string }>; reassessmentDue: string }>(core, 'marac.assessments.list', { personId: victim });
    expect(history.assessments[0]?.id).toBe(assessment.id);
    expect(history.assessments).toHaveLength(3);
    const referral = await callCore<{ repeat: boolean; criteria: string[]; band: string }>(core, 'marac.referrals.create', {
      referral: referralBody({ maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: isoDateOf(new Date()) },
        { professionalJudgementReasons: 'Escalating threats seen by the IDVA.' }),
    });
    expect([referral.repeat, referral.criteria, referral.band]).toEqual([true, ['professional_judgement', 'repeat'], 'high']);
    // A practitioner keeps no referral list; a bad referral is refused before it leaves the desktop.
    expect((await core.handle('marac.referrals.list', {})).ok).toBe(false);
    const bad = await core.handle('marac.referrals.create', { referral: { maracAreaId: areaId } });
    expect(bad.ok ? null : bad.error.code).toBe('validation_error');
    net.offline = true;
    // Offline, the areas last read are answered from the cache (a referral can still name its area);
    // the server's lists still need the connection.
    expect(await callCore(core, 'marac.areas', null)).toEqual(areas);
    const offline = await core.handle('marac.assessments.list', { personId: victim });
    expect(offline.ok ? null : offline.error.code).toBe('network_error');
    net.offline = false;
  });

  it('from a domestic abuse case in the offline copy: its victim is read from the case, and the referral links that case', async () => {
    net.offline = false;
    const token = await signIn(server, idva.username, idva.password);
    const auth = { authorization: `Bearer ${token}` };
    const created = await server.app.inject({ method: 'POST', url: '/cases', headers: auth, payload: { title: 'Synthetic DA case', caseType: 'domestic_abuse_marac' } });
    expect(created.statusCode, created.body).toBe(200);
    const caseId = created.json<{ id: string }>().id;
    expect((await server.app.inject({ method: 'POST', url: `/cases/${caseId}/subjects`, headers: auth, payload: { personId: victim, role: 'victim' } })).statusCode).toBe(200);
    await server.db.updateTable('cases').set({ sharing_level: 'shared' }).where('id', '=', caseId).execute();
    const council = await server.db.selectFrom('marac_areas').select('coordinator_agency_id').where('id', '=', areaId).executeTakeFirstOrThrow();
    await server.db.insertInto('case_shared_agencies').values({ case_id: caseId, agency_id: council.coordinator_agency_id }).execute();
    await callCore(core, 'sync.now', null);

    const detail = await callCore<{ case: { caseType: string; abilities: { update: boolean } }; subjects: Array<{ personId: string; role: string }> }>(core, 'cases.detail', { caseId });
    expect([detail.case.caseType, detail.case.abilities.update]).toEqual(['domestic_abuse_marac', true]);
    expect(detail.subjects.filter((x) => x.role === 'victim').map((x) => x.personId)).toEqual([victim]);
    const assessment = await callCore<{ id: string }>(core, 'marac.assessments.create', { personId: victim, assessment: { version: '2015', answers: dashAnswers(15) } });
    const referral = await callCore<{ caseId: string }>(core, 'marac.referrals.create', {
      referral: referralBody({ maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: isoDateOf(new Date()) }, { caseId }),
    });
    expect(referral.caseId).toBe(caseId);
    // A case id that is not an id is refused before it leaves the desktop.
    const bad = await core.handle('marac.referrals.create', {
      referral: referralBody({ maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: isoDateOf(new Date()) }, { caseId: 'not-a-case' }),
    });
    expect(bad.ok ? null : bad.error.code).toBe('validation_error');
  });
});
