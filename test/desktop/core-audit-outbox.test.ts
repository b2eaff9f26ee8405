/**
 * Reads the desktop core answers from its offline copy reach the server's audit trail: real server,
 * worker-backed encrypted cache, OS keychain; "offline" is a fetch that cannot connect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { CORE_WARNING } from '../../main/core/report-unexpected.ts';
import { openSyncedCache, type SyncedCache } from '../../main/sync/synced-cache.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

const NOTE = Buffer.from('Contact note: synthetic visit to Wrenfield Parade.\n');

describe('reads from the offline copy in the audit trail', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  const recording = { fails: false };
  let cache: SyncedCache | null = null;
  let agencyId = '';
  let teamId = '';
  let officer: { id: string; username: string; password: string };
  let dataOfficerToken = '';
  let caseId = '';
  let personId = '';
  let documentId = '';

  const offlineRows = async () => (await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', officer.id).orderBy('seq').execute())
    .filter((r) => (JSON.parse(r.details) as { source?: string }).source === 'offline_copy');
  const pending = () => cache!.auditOutbox.pending(officer.id, 100);

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    agencyId = await buildAgency(server.db, { name: 'Riverton Council', code: 'RAC' });
    teamId = await buildTeam(server.db, agencyId, 'ASB team');
    officer = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'council-pass-1' });
    const dataOfficer = await buildUser(server.db, { agencyId, role: 'data_officer', password: 'officer-pass-1' });
    dataOfficerToken = await signIn(server, dataOfficer.username, dataOfficer.password);
    caseId = (await buildCase(server.db, { ownerAgencyId: agencyId, title: 'Cuckooing concern at Wrenfield Parade' })).id;
    const token = await signIn(server, officer.username, officer.password);
    const auth = { authorization: `Bearer ${token}` };
    const person = await server.app.inject({
      method: 'POST', url: '/persons', headers: auth,
      payload: { givenName: 'Ottoline', familyName: 'Featherstonehaugh', dateOfBirth: '1988-04-02', gender: 'female', consentStatus: 'not_sought' },
    });
    expect(person.statusCode, person.body).toBe(200);
    personId = person.json<{ person: { id: string } }>().person.id;
    const subject = await server.app.inject({ method: 'POST', url: `/cases/${caseId}/subjects`, headers: auth, payload: { personId, role: 'victim' } });
    expect(subject.statusCode, subject.body).toBe(200);
    documentId = (await uploadDocument(server, token, caseId, { name: 'Contact note.txt', type: 'text/plain', content: NOTE })).id;
    // The server's own view of the case, which the data officer should find next to the offline one.
    expect((await server.app.inject({ method: 'GET', url: `/cases/${caseId}`, headers: auth })).statusCode).toBe(200);

    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-audit-'));
    core = createDesktopCore({
      serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
      // The real worker-backed cache; only its audit outbox's `record` can be told to fail, for the fail-closed test.
      openCache: async (args) => {
        const opened = await openSyncedCache(args);
        const outbox = opened.auditOutbox;
        cache = {
          ...opened,
          auditOutbox: { ...outbox, record: (userId, read) => (recording.fails ? Promise.reject(new Error('disk I/O error')) : outbox.record(userId, read)) },
        };
        return cache;
      },
    });
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports a case view, searches with their terms (a filtered queue too) and a document export made while the server was unreachable, at the next sync, as the user on this device at the time they happened', async () => {
    expect(await pending()).toEqual([]);
    net.offline = true;
    const before = new Date().toISOString();
    await callCore(core, 'cases.queue', { filter: '' });
    await callCore(core, 'cases.detail', { caseId });
    await callCore(core, 'cases.search', { text: 'wrenf' });
    await callCore(core, 'cases.queue', { filter: ' Parade ' });
    await callCore(core, 'persons.search', { text: 'otto' });
    await callCore(core, 'documents.content', { documentId });
    const after = new Date().toISOString();

    const offline = await callCore<SyncStatus>(core, 'sync.now', null);
    expect(offline).toMatchObject({ connection: 'offline', lastError: { code: 'network_error' } });
    // The plain queue is not a search (nor is it on the server); a queue filtered by typed text is.
    expect((await pending()).map((e) => e.action)).toEqual(['record.view', 'record.search', 'record.search', 'record.search', 'document.download']);
    expect(await offlineRows()).toEqual([]);

    net.offline = false;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const syncedFrom = new Date().toISOString();
    const online = await callCore<SyncStatus>(core, 'sync.now', null);
    expect(online).toMatchObject({ connection: 'online', lastError: null });
    expect(await pending()).toEqual([]);

    const device = await server.db.selectFrom('devices').select('id').where('user_id', '=', officer.id).executeTakeFirstOrThrow();
    const rows = await offlineRows();
    expect(rows.map((r) => [r.action, r.category, r.entity_type, r.entity_id, r.user_id, r.agency_id, r.team_id, r.device_id, r.outcome])).toEqual([
      ['record.view', 'consultation', 'case', caseId, officer.id, agencyId, teamId, device.id, 'success'],
      ['record.search', 'consultation', 'case', null, officer.id, agencyId, teamId, device.id, 'success'],
      ['record.search', 'consultation', 'case', null, officer.id, agencyId, teamId, device.id, 'success'],
      ['record.search', 'consultation', 'person', null, officer.id, agencyId, teamId, device.id, 'success'],
      ['document.download', 'disclosure', 'document', documentId, officer.id, agencyId, teamId, device.id, 'success'],
    ]);
    // When the user did it, not when it was reported.
    for (const row of rows) {
      expect(row.at >= before && row.at <= after && row.at < syncedFrom, `${row.action} at ${row.at}`).toBe(true);
    }
    const details = await Promise.all(rows.map(async (r) => await auditDetails(server.db, r) as Record<string, unknown>));
    expect(details[1]).toMatchObject({ terms: { q: 'wrenf' }, results: 1 });
    expect(details[2]).toMatchObject({ terms: { q: 'Parade' }, results: 1 });
    expect(details[3]).toMatchObject({ terms: { q: 'otto', dateOfBirth: null }, returned: [{ id: personId, view: 'full' }] });
    const stored = await server.db.selectFrom('documents').select('sha256').where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(details[4]).toMatchObject({ sha256: stored.sha256 });
    expect(details.every((d) => d.source === 'offline_copy' && typeof d.receivedAt === 'string' && d.receivedAt >= syncedFrom)).toBe(true);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });

    // Nothing twice: another sync has nothing left to report.
    await callCore(core, 'sync.now', null);
    expect((await offlineRows()).length).toBe(5);
  });

  it("shows the offline view in the data officer's audit search, next to the server's own view of the case", async () => {
    const res = await server.app.inject({
      method: 'GET', url: `/audit/events?userId=${officer.id}&entityType=case&entityId=${caseId}&action=record.view`,
      headers: { authorization: `Bearer ${dataOfficerToken}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const events = res.json<AuditSearchPage>().events;
    expect(events.map((e) => e.details.source ?? 'server')).toEqual(['offline_copy', 'server']);
    expect(events.every((e) => e.userId === officer.id && e.agencyId === agencyId)).toBe(true);
    expect(events[0]!.deviceId).not.toBeNull();
  });

  it('does not show a read that cannot be recorded, and records nothing for a read that fails', async () => {
    const count = (await pending()).length;
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    recording.fails = true;
    for (const [channel, input] of [
      ['cases.detail', { caseId }], ['cases.search', { text: 'wrenf' }], ['cases.queue', { filter: 'Parade' }], ['persons.search', { text: 'otto' }],
      ['documents.content', { documentId }],
    ] as const) {
      const answer = await core.handle(channel, input);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'internal_error', message: expect.stringMatching(/audit trail/) as unknown } });
      expect(JSON.stringify(answer)).not.toMatch(/Wrenfield|Featherstonehaugh|Contact note/);
    }
    recording.fails = false;
    // Each unexpected failure leaves a warning for support naming the channel and the kind of error, nothing read.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    const ours = warnings.filter((w) => w.name === CORE_WARNING);
    expect(ours.map((w) => w.message.split(' ')[0])).toEqual(['cases.detail', 'cases.search', 'cases.queue', 'persons.search', 'documents.content']);
    expect(ours.map((w) => w.message).join('\n')).not.toMatch(/Wrenfield|Featherstonehaugh|Contact note|otto|wrenf|Parade/i);
    expect(await core.handle('cases.detail', { caseId: '6f1c0a52-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await pending()).length).toBe(count);
    expect(await core.handle('cases.detail', { caseId })).toMatchObject({ ok: true });
    expect((await pending()).length).toBe(count + 1);
  });
});
