/**
 * Case types reach the desktop as data (docs/decisions.md): real server, worker-backed encrypted
 * cache and OS keychain. A type a system admin adds is offered for new cases after a sync, a rename
 * relabels the queue and the case, and a retired type is no longer offered while its case keeps it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseTypeList } from '../../domain/ipc/case-channels.ts';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import { newId } from '../../domain/ids.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('case types on the desktop', () => {
  let server: TestServer;
  let core: DesktopCore;
  let sysadmin: WorldUser;
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-core-case-types-'));
  const keychain = createTestKeychain();
  let teamId = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'NSP' });
    teamId = await buildTeam(server.db, police, 'Neighbourhood Policing North');
    const officer = await buildUser(server.db, { agencyId: police, teamIds: [teamId], password: 'police-pass-1' });
    sysadmin = await buildSignedInUser(server, police, [], 'system_admin');
    core = createDesktopCore({ serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000 });
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
    await server.stop();
  });

  const types = async () => (await callCore<CaseTypeList>(core, 'cases.types', null)).caseTypes;

  it('offers an added type after a sync, relabels its case when renamed, and stops offering it once retired', async () => {
    expect((await types()).find((t) => t.code === 'asb')).toEqual({ code: 'asb', label: 'Anti-social behaviour', active: true });
    expect((await types()).some((t) => t.code === 'cuckooing')).toBe(false);

    expect((await call(server, sysadmin, 'POST', '/case-types', { label: 'Cuckooing' })).status).toBe(200);
    await callCore(core, 'sync.now', null);
    expect((await types()).find((t) => t.code === 'cuckooing')).toEqual({ code: 'cuckooing', label: 'Cuckooing', active: true });

    const caseId = newId();
    await callCore(core, 'changes.submit', {
      name: 'case.create', args: { caseId, caseType: 'cuckooing', title: 'Synthetic cuckooing case', reviewDate: null, ownerTeamId: teamId, sharingLevel: 'owner_agency' },
    });
    await callCore(core, 'sync.now', null);
    expect((await server.db.selectFrom('cases').select('case_type').where('id', '=', caseId).executeTakeFirstOrThrow()).case_type).toBe('cuckooing');

    expect((await call(server, sysadmin, 'PATCH', '/case-types/cuckooing', { label: 'Cuckooing (home takeover)', active: false })).status).toBe(200);
    await callCore(core, 'sync.now', null);
    expect((await types()).find((t) => t.code === 'cuckooing')).toEqual({ code: 'cuckooing', label: 'Cuckooing (home takeover)', active: false });
    const queue = await callCore<QueuePage>(core, 'cases.queue', { filter: 'home takeover', limit: 10, offset: 0 });
    expect(queue.rows.map((r) => [r.id, r.caseType, r.caseTypeLabel])).toEqual([[caseId, 'cuckooing', 'Cuckooing (home takeover)']]);
    expect((await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).case.caseType).toBe('cuckooing');
  });
});
