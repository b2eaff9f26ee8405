/**
 * A case opened while the server cannot be reached: real server, worker-backed encrypted cache, OS
 * keychain; "offline" is a fetch that cannot connect. It shows at once as pending, survives a restart
 * (it is in the outbox), and syncs with the same id when the connection returns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { newId } from '../../domain/ids.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('a case created offline', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  const net = { offline: false };
  let agencyId = '';
  let teamId = '';
  let otherAgencyTeam = '';
  let officer: { id: string; username: string; password: string };

  const start = () => createDesktopCore({
    serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
    fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
  });
  const queueRow = async (id: string) => (await callCore<QueuePage>(core, 'cases.queue', { filter: '' })).rows.find((r) => r.id === id);
  const serverCase = (id: string) => server.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    agencyId = await buildAgency(server.db, { name: 'Riverton Council', code: 'RVC' });
    teamId = await buildTeam(server.db, agencyId, 'ASB team');
    otherAgencyTeam = await buildTeam(server.db, await buildAgency(server.db, { name: 'Elsewhere Police', kind: 'police' }), 'PPU');
    officer = await buildUser(server.db, { agencyId, teamIds: [teamId], password: 'council-pass-1' });
    dataDir = mkdtempSync(join(tmpdir(), 'cb-core-case-create-'));
    core = start();
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows in the queue as pending, survives a restart, and syncs with the same id when the connection returns', async () => {
    net.offline = true;
    const caseId = newId();
    await callCore(core, 'changes.submit', {
      name: 'case.create',
      args: { caseId, caseType: 'asb', title: 'Noise at Marram Court', reviewDate: '2026-10-01', ownerTeamId: teamId, sharingLevel: 'owner_team' },
    });
    const pending = await queueRow(caseId);
    expect(pending).toMatchObject({ title: 'Noise at Marram Court', caseType: 'asb', ownerAgencyName: 'Riverton Council', status: 'open' });
    expect(pending!.reference).toMatch(/^PENDING-[0-9A-F]{6}$/);
    const detail = await callCore<CaseDetailView>(core, 'cases.detail', { caseId });
    expect(detail.case).toMatchObject({ title: 'Noise at Marram Court', reviewDate: '2026-10-01' });
    expect(detail.localChanges.pending).toBe(1);
    expect(detail.case.abilities.update).toBe(true);
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 1 });
    expect(await serverCase(caseId)).toBeUndefined();

    // A restart while still offline: the case and its outbox entry are in the encrypted cache.
    await core.close();
    core = start();
    await callCore(core, 'session.signIn', officer);
    expect((await queueRow(caseId))?.reference).toBe(pending!.reference);

    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0, lastError: null });
    const created = await serverCase(caseId);
    expect(created).toMatchObject({ id: caseId, title: 'Noise at Marram Court', owner_team_id: teamId, owner_user_id: officer.id, sharing_level: 'owner_team' });
    expect(created!.reference).toMatch(/^RVC-\d{4}-\d{5}$/);
    expect((await queueRow(caseId))?.reference).toBe(created!.reference);
    expect((await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).localChanges.pending).toBe(0);
  });

  it('takes back a create the server refuses and lists it in Sync problems', async () => {
    const caseId = newId();
    await callCore(core, 'changes.submit', {
      name: 'case.create', args: { caseId, caseType: 'asb', title: 'Not our team', ownerTeamId: otherAgencyTeam, sharingLevel: 'owner_agency' },
    });
    expect(await queueRow(caseId)).toBeDefined();
    await callCore(core, 'sync.now', null);
    expect(await queueRow(caseId)).toBeUndefined();
    expect(await serverCase(caseId)).toBeUndefined();
    const rejected = await callCore<RejectedChange[]>(core, 'sync.rejected', null);
    expect(rejected.map((r) => [r.name, r.args.caseId, r.error.code])).toEqual([['case.create', caseId, 'validation_error']]);
  });
});
