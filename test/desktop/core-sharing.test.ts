/**
 * The sharing channels of the desktop core against a real server and real encrypted caches: the
 * police's team manager restricts a case shared with the council to the police only, and the
 * council officer's offline copy loses it at the next sync; a change made from a stale version is a
 * conflict and changes nothing; a report is restricted within its case; offline it needs a connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSharingView } from '../../domain/entities/sharing.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import type { DocumentSharingView, ReportSharingView } from '../../domain/ipc/sharing-channels.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('sharing from the desktop core', () => {
  let server: TestServer;
  let owner: TestCore;
  let partner: TestCore;
  const net = { offline: false };
  let police = '';
  let council = '';
  let caseId = '';
  let manager: { id: string; username: string; password: string };
  let officer: { id: string; username: string; password: string };
  let raj: WorldUser;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'SNP' });
    council = await buildAgency(server.db, { name: 'Riverton City Council', code: 'SRC' });
    const asb = await buildTeam(server.db, council, 'ASB');
    manager = await buildUser(server.db, { agencyId: police, teamIds: [await buildTeam(server.db, police, 'Response')], role: 'team_manager', password: 'police-pass-1' });
    officer = await buildUser(server.db, { agencyId: council, teamIds: [asb], password: 'council-pass-1' });
    raj = { id: officer.id, agencyId: council, teamIds: [asb], role: 'practitioner', token: await signIn(server, officer.username, officer.password) };
    caseId = (await buildCase(server.db, { ownerAgencyId: police, title: 'Synthetic shared matter', sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    owner = startTestCore(server, 'cb-core-sharing-owner-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    partner = startTestCore(server, 'cb-core-sharing-partner-');
    await callCore(owner.core, 'session.signIn', manager);
    await callCore(partner.core, 'session.signIn', officer);
    await callCore(owner.core, 'sync.now', null);
    await callCore(partner.core, 'sync.now', null);
  });
  afterAll(async () => {
    await owner.stop();
    await partner.stop();
    await server.stop();
  });

  const partnerQueue = async () => (await callCore<QueuePage>(partner.core, 'cases.queue', {})).rows.map((r) => r.id);

  it("reads the case's sharing and the agencies the police may share with, with their teams and users", async () => {
    const view = await callCore<CaseSharingView>(owner.core, 'sharing.case', { caseId });
    expect(view.sharing).toMatchObject({ sharingLevel: 'shared', agencyIds: [council], version: 1 });
    expect(view.agencies[0]?.id).toBe(police);
    const councilEntry = view.agencies.find((a) => a.id === council);
    expect(councilEntry?.users.map((u) => u.id)).toContain(officer.id);
  });

  it('refuses a change from a stale version as conflict, and changes nothing', async () => {
    // Someone else changes the sharing first (hidden from search), so version 1 is stale.
    const other = await buildUser(server.db, { agencyId: police, role: 'team_manager', password: 'police-pass-2' });
    const otherUser: WorldUser = { id: other.id, agencyId: police, teamIds: [], role: 'team_manager', token: await signIn(server, other.username, other.password) };
    expect((await call(server, otherUser, 'PUT', `/cases/${caseId}/sharing`, {
      sharingLevel: 'shared', agencyIds: [council], hiddenFromSearch: true, expectedVersion: 1,
    })).status).toBe(200);
    const stale = await owner.core.handle('sharing.setCase', { caseId, sharingLevel: 'owner_agency', hiddenFromSearch: false, expectedVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const now = await callCore<CaseSharingView>(owner.core, 'sharing.case', { caseId });
    expect(now.sharing).toMatchObject({ sharingLevel: 'shared', agencyIds: [council], hiddenFromSearch: true, version: 2 });
  });

  it("restricts the case to the police, and the council's offline copy loses it at its next sync", async () => {
    expect(await partnerQueue()).toContain(caseId);
    const after = await callCore<CaseSharingView>(owner.core, 'sharing.setCase', {
      caseId, sharingLevel: 'owner_agency', hiddenFromSearch: false, expectedVersion: 2,
    });
    expect(after.sharing).toMatchObject({ sharingLevel: 'owner_agency', agencyIds: [], version: 3 });
    // The owner's own copy followed (the channel synced).
    const detail = await callCore<{ case: { sharingLevel: string; version: number } }>(owner.core, 'cases.detail', { caseId });
    expect(detail.case).toMatchObject({ sharingLevel: 'owner_agency', version: 3 });
    await callCore(partner.core, 'sync.now', null);
    expect(await partnerQueue()).not.toContain(caseId);
    expect(await partner.core.handle('cases.detail', { caseId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('restricts a report within its case, and refuses one wider than it', async () => {
    const shared = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const report = await call<{ id: string }>(server, raj, 'POST', `/cases/${shared}/reports`, { kind: 'contact', title: 'Visit', body: 'Synthetic' });
    const view = await callCore<ReportSharingView>(partner.core, 'sharing.report', { reportId: report.body.id });
    expect(view.report).toMatchObject({ sharingLevel: 'case', version: 1, mayChange: true, owner: { agencyId: council, userId: officer.id } });
    expect(view.case.agencies[0]?.id).toBe(council);
    const housing = await buildAgency(server.db, { name: 'Riverton Homes', code: 'SRH' });
    expect(await partner.core.handle('sharing.setReport', { reportId: report.body.id, sharingLevel: 'shared', agencyIds: [housing], expectedVersion: 1 }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    const narrowed = await callCore<ReportSharingView>(partner.core, 'sharing.setReport', { reportId: report.body.id, sharingLevel: 'owner_agency', expectedVersion: 1 });
    expect(narrowed.report).toMatchObject({ sharingLevel: 'owner_agency', version: 2 });
    expect((await call(server, { ...raj, id: manager.id, token: await signIn(server, manager.username, manager.password) }, 'GET', `/reports/${report.body.id}`)).status).toBe(404);
  });

  it('restricts a document from the sharing last read, and a change from an older reading is a conflict', async () => {
    const shared = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const doc = await uploadDocument(server, raj.token, shared, { name: 'visit.txt', type: 'text/plain', content: Buffer.from('Synthetic') });
    const view = await callCore<DocumentSharingView>(partner.core, 'sharing.document', { documentId: doc.id });
    expect(view.document).toMatchObject({ fileName: 'visit.txt', sharingLevel: 'parent', mayChange: true });
    const seen = { sharingLevel: 'parent', agencyIds: [], teamIds: [], userIds: [] };
    const after = await callCore<DocumentSharingView>(partner.core, 'sharing.setDocument', { documentId: doc.id, sharingLevel: 'owner_agency', expected: seen });
    expect(after.document.sharingLevel).toBe('owner_agency');
    expect(await partner.core.handle('sharing.setDocument', { documentId: doc.id, sharingLevel: 'owner_only', expected: seen }))
      .toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('needs a connection: offline it answers network_error', async () => {
    net.offline = true;
    try {
      expect(await owner.core.handle('sharing.case', { caseId })).toMatchObject({ ok: false, error: { code: 'network_error', message: expect.stringContaining('connected') as unknown } });
      expect(await owner.core.handle('sharing.setCase', { caseId, sharingLevel: 'owner_only', hiddenFromSearch: false, expectedVersion: 3 }))
        .toMatchObject({ ok: false, error: { code: 'network_error' } });
    } finally {
      net.offline = false;
    }
    expect((await server.db.selectFrom('cases').select('sharing_level').where('id', '=', caseId).executeTakeFirstOrThrow()).sharing_level).toBe('owner_agency');
  });
});
