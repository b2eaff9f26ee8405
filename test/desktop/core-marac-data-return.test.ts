/**
 * The SafeLives MARAC data return through the desktop channels (docs/marac.md): real server,
 * worker-backed encrypted cache, OS keychain. The coordinator reads a meeting's and a quarter's
 * return and its CSV and XLSX files; bad input is refused by the core; offline the channel answers
 * `network_error`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateOf } from '../../domain/marac/calendar-dates.ts';
import type { DataReturnFile, DataReturnRecord } from '../../domain/marac/data-return-record.ts';
import { quarterOf } from '../../domain/marac/data-return-quarter.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildPerson, signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { readZip } from '../support/read-zip.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('the MARAC data return through the desktop channels', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let areaId = '';
  let meetingId = '';
  const today = isoDateOf(new Date());

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const idvaAgency = await buildAgency(server.db, { name: 'Synthetic IDVA Service', kind: 'charity' });
    const council = await buildAgency(server.db, { name: 'Synthetic Council' });
    areaId = await buildMaracArea(server.db, council, { name: 'Synthetic MARAC' });
    const idva = await buildUser(server.db, { agencyId: idvaAgency, teamIds: [await buildTeam(server.db, idvaAgency, 'IDVA')] });
    const coordinator = await buildUser(server.db, { agencyId: council, role: 'marac_coordinator', password: 'coordinator-pass-1' });
    const victim = await buildPerson(server.db, { ownerAgencyId: idvaAgency, givenName: 'Marisol' });
    const perpetrator = await buildPerson(server.db, { ownerAgencyId: idvaAgency, givenName: 'Tobin' });
    const idvaAuth = { authorization: `Bearer ${await signIn(server, idva.username, idva.password)}` };
    const dash = await server.app.inject({ method: 'POST', url: `/persons/${victim}/dash-assessments`, headers: idvaAuth, payload: { version: '2015', answers: dashAnswers(15) } });
    const referral = await server.app.inject({
      method: 'POST', url: '/marac/referrals', headers: idvaAuth,
      payload: referralBody({ maracAreaId: areaId, dashAssessmentId: dash.json<{ id: string }>().id, victimId: victim, perpetratorId: perpetrator, referredOn: today }),
    });
    expect(referral.statusCode).toBe(200);
    const coordinatorAuth = { authorization: `Bearer ${await signIn(server, coordinator.username, coordinator.password)}` };
    const meeting = await server.app.inject({ method: 'POST', url: '/marac/meetings', headers: coordinatorAuth, payload: { maracAreaId: areaId, date: today, chair: 'Synthetic Chair' } });
    meetingId = meeting.json<{ id: string }>().id;
    const agenda = await server.app.inject({ method: 'POST', url: `/marac/meetings/${meetingId}/agenda`, headers: coordinatorAuth, payload: { referralId: referral.json<{ id: string }>().id } });
    expect([meeting.statusCode, agenda.statusCode]).toEqual([200, 200]);
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-marac-return-'));
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

  it('reads a meeting’s and a quarter’s return, suppressed or not, and their files', async () => {
    const meeting = await callCore<DataReturnRecord>(core, 'marac.dataReturn.get', { scope: { kind: 'meeting', meetingId }, suppressUnder5: false });
    expect([meeting.period, meeting.figures.casesDiscussed]).toEqual([{ kind: 'meeting', meetingId, date: today }, { suppressed: false, value: 1 }]);
    const quarter = quarterOf(today);
    const suppressed = await callCore<DataReturnRecord>(core, 'marac.dataReturn.get', { scope: { kind: 'quarter', areaId, quarter }, suppressUnder5: true });
    expect([suppressed.area.name, suppressed.figures.casesDiscussed, suppressed.figures.repeatPercentage]).toEqual(['Synthetic MARAC', { suppressed: true }, { suppressed: true }]);

    const csv = await callCore<DataReturnFile>(core, 'marac.dataReturn.file', { scope: { kind: 'quarter', areaId, quarter }, suppressUnder5: false, format: 'csv' });
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8').split('\r\n').slice(0, 1)).toEqual(['OFFICIAL-SENSITIVE']);
    const xlsx = await callCore<DataReturnFile>(core, 'marac.dataReturn.file', { scope: { kind: 'meeting', meetingId }, suppressUnder5: false, format: 'xlsx' });
    expect(readZip(Buffer.from(xlsx.contentBase64, 'base64')).get('xl/workbook.xml')?.toString('utf8')).toContain('<sheet name="OFFICIAL-SENSITIVE"');
  });

  it('refuses bad input in the core and answers network_error offline', async () => {
    const bad = await core.handle('marac.dataReturn.get', { scope: { kind: 'quarter', areaId, quarter: '2026-Q5' }, suppressUnder5: false });
    expect(bad.ok ? null : bad.error.code).toBe('validation_error');
    net.offline = true;
    const offline = await core.handle('marac.dataReturn.get', { scope: { kind: 'meeting', meetingId }, suppressUnder5: false });
    net.offline = false;
    expect(offline.ok ? null : offline.error.code).toBe('network_error');
  });
});
