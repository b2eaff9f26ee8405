/**
 * A report edited from the desktop (real server, worker-backed encrypted cache, OS keychain;
 * "offline" is a fetch that cannot connect): the edit shows at once and syncs; an edit made from a
 * version the server has moved past is a conflict the user resolves — never a silent overwrite —
 * and reading the whole text to edit it is recorded for the audit trail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { ReportText } from '../../domain/ipc/report-channels.ts';
import type { SyncConflict } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { newId } from '../../domain/ids.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('a report edited from the desktop', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let caseId = '';
  let officer: { id: string; username: string; password: string };
  let colleagueToken = '';
  let authorToken = '';
  const reportId = newId();

  const start = () => createDesktopCore({
    serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
    fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
  });
  const login = async (username: string, password: string) =>
    (await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } })).json<{ accessToken: string }>().accessToken;
  const onServer = () => server.db.selectFrom('reports').select(['title', 'body', 'version']).where('id', '=', reportId).executeTakeFirstOrThrow();
  const listed = async () => (await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).reports.find((r) => r.id === reportId);

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const agencyId = await buildAgency(server.db, { name: 'Riverton Council', code: 'RVC' });
    const teamId = await buildTeam(server.db, agencyId, 'ASB team');
    officer = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'council-pass-1' });
    const colleague = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'council-pass-2' });
    caseId = (await buildCase(server.db, { ownerAgencyId: agencyId, ownerTeamId: teamId, sharingLevel: 'owner_agency', title: 'Noise at Marram Court' })).id;
    authorToken = await login(officer.username, officer.password);
    colleagueToken = await login(colleague.username, colleague.password);
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-report-edit-'));
    core = start();
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'changes.submit', { name: 'report.create', args: { reportId, caseId, kind: 'contact', title: 'Visit', body: 'First text.' } });
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("gives the author the whole text to edit, records that read, and offers no edit of a colleague's report", async () => {
    expect(await callCore<ReportText>(core, 'reports.text', { reportId })).toMatchObject({ title: 'Visit', body: 'First text.', version: 1, editable: true });
    expect(await listed()).toMatchObject({ editable: true });
    const theirs = await server.app.inject({
      method: 'POST', url: `/cases/${caseId}/reports`, headers: { authorization: `Bearer ${colleagueToken}` },
      payload: { kind: 'update', title: 'Colleague note', body: 'Not yours to edit.' },
    });
    expect(theirs.statusCode, theirs.body).toBe(200);
    await callCore(core, 'sync.now', null);
    const colleagueReport = theirs.json<{ id: string }>().id;
    expect(await callCore<ReportText>(core, 'reports.text', { reportId: colleagueReport })).toMatchObject({ editable: false });
    expect(await core.handle('reports.text', { reportId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await callCore(core, 'sync.now', null);
    const views = await server.db.selectFrom('audit_events').select(['user_id', 'details']).where('action', '=', 'record.view')
      .where('entity_type', '=', 'report').where('entity_id', '=', reportId).execute();
    expect(views.map((v) => [v.user_id, (JSON.parse(v.details) as { source?: string }).source])).toEqual([[officer.id, 'offline_copy']]);
  });

  it('an edit made offline shows at once, survives a restart, and is applied at the next sync with the old text kept as a version', async () => {
    net.offline = true;
    await callCore(core, 'changes.submit', { name: 'report.update', args: { reportId, title: 'Home visit', body: 'Second text.' } });
    expect(await listed()).toMatchObject({ title: 'Home visit', version: 1 });
    expect((await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).localChanges).toMatchObject({ pending: 1 });
    // Bad input is refused and changes nothing.
    expect(await core.handle('changes.submit', { name: 'report.update', args: { reportId } })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('changes.submit', { name: 'report.update', args: { reportId, title: ' ' } })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('changes.submit', { name: 'report.update', args: { reportId: newId(), title: 'Elsewhere' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await core.close();
    core = start();
    await callCore(core, 'session.signIn', officer);
    expect(await listed()).toMatchObject({ title: 'Home visit' });

    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ pendingChanges: 0, conflictCount: 0, lastError: null });
    expect(await onServer()).toEqual({ title: 'Home visit', body: 'Second text.', version: 2 });
    expect(await server.db.selectFrom('report_versions').select(['version', 'body']).where('report_id', '=', reportId).execute()).toEqual([{ version: 1, body: 'First text.' }]);
    expect(await listed()).toMatchObject({ title: 'Home visit', version: 2 });
  });

  it('an edit from a version the server has moved past is a conflict: nothing is overwritten until the user chooses, then "keep mine" wins', async () => {
    net.offline = true;
    await callCore(core, 'changes.submit', { name: 'report.update', args: { reportId, body: 'Third text, written offline.' } });
    // Meanwhile the author edits the same report on another computer.
    const elsewhere = await server.app.inject({
      method: 'PATCH', url: `/reports/${reportId}`, headers: { authorization: `Bearer ${authorToken}` }, payload: { body: 'Third text, from elsewhere.', expectedVersion: 2 },
    });
    expect(elsewhere.statusCode).toBe(200);
    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ pendingChanges: 0, conflictCount: 1 });
    expect(await onServer()).toEqual({ title: 'Home visit', body: 'Third text, from elsewhere.', version: 3 });
    expect(await callCore<ReportText>(core, 'reports.text', { reportId })).toMatchObject({ body: 'Third text, from elsewhere.', version: 3 });
    const [conflict] = await callCore<SyncConflict[]>(core, 'sync.conflicts', null);
    expect(conflict).toMatchObject({
      entity: 'report', entityId: reportId, fields: ['body'], textFields: ['body'], serverVersion: 3,
      mine: { body: 'Third text, written offline.' }, theirs: { body: 'Third text, from elsewhere.' },
    });

    await callCore(core, 'sync.resolveConflict', { conflictId: conflict!.id, choice: 'keep_mine' });
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ pendingChanges: 0, conflictCount: 0, lastError: null });
    expect(await onServer()).toEqual({ title: 'Home visit', body: 'Third text, written offline.', version: 4 });
    expect(await server.db.selectFrom('report_versions').select('body').where('report_id', '=', reportId).where('version', '=', 3).execute())
      .toEqual([{ body: 'Third text, from elsewhere.' }]);
  });
});
