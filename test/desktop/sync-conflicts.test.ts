import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolveConflictInput } from '../../domain/ipc/sync-channels.ts';
import { createSyncChannelHandlers } from '../../main/sync/sync-channel-handlers.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

describe('a stale safety-critical change becomes a conflict the user resolves', () => {
  let server: TestServer;
  let desktop: SyncDesktop;
  let colleague: WorldUser;
  let council: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    council = await buildAgency(server.db, { name: 'Riverton Council' });
    const officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    const other = await buildUser(server.db, { agencyId: council, password: 'council-pass-2' });
    colleague = { id: other.id, agencyId: council, teamIds: [], role: 'practitioner', token: await signIn(server, other.username, other.password) };
    desktop = await startSyncDesktop(server, officer);
  });
  afterAll(async () => {
    await desktop.close();
    await server.stop();
  });

  /** A case the desktop holds at version 1, then changed on the server by a colleague; the desktop then edits from version 1. */
  async function staleEdit(serverChange: Record<string, unknown>, mine: Record<string, unknown>) {
    const c = await buildCase(server.db, { ownerAgencyId: council });
    await desktop.engine.syncNow();
    const patched = await call(server, colleague, 'PATCH', `/cases/${c.id}`, { ...serverChange, expectedVersion: 1 });
    expect(patched.status).toBe(200);
    await desktop.engine.enqueue({ name: 'case.update', args: { caseId: c.id, ...mine } });
    const status = await desktop.engine.syncNow();
    expect(status).toMatchObject({ pendingChanges: 0, conflictCount: 1, upToDate: false });
    const [conflict] = await desktop.store().conflicts();
    expect(conflict).toBeDefined();
    return { caseId: c.id, conflict: conflict! };
  }
  const serverCase = (id: string) => server.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const localCase = (id: string) => desktop.db().selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const resolve = (input: ResolveConflictInput) => createSyncChannelHandlers(desktop.engine)['sync.resolveConflict'](input);

  it('records mine and theirs instead of overwriting, and "keep mine" re-applies mine on the new version', async () => {
    const { caseId, conflict } = await staleEdit({ riskLevel: 'high' }, { riskLevel: 'very_high' });
    expect(conflict).toMatchObject({ entity: 'case', entityId: caseId, fields: ['riskLevel'], mine: { riskLevel: 'very_high' }, theirs: { riskLevel: 'high' }, serverVersion: 2, textFields: [] });
    expect((await serverCase(caseId)).risk_level).toBe('high');
    expect((await localCase(caseId)).risk_level).toBe('high');
    await expect(resolve({ conflictId: conflict.id, choice: 'merge', mergedText: 'not text' })).rejects.toMatchObject({ code: 'validation_error' });
    await resolve({ conflictId: conflict.id, choice: 'keep_mine' });
    expect((await localCase(caseId)).risk_level).toBe('very_high');
    expect(await desktop.engine.syncNow()).toMatchObject({ conflictCount: 0, pendingChanges: 0, upToDate: true });
    expect(await serverCase(caseId)).toMatchObject({ risk_level: 'very_high', version: 3 });
  });

  it('"take theirs" drops mine and keeps the server value', async () => {
    const { caseId, conflict } = await staleEdit({ riskLevel: 'low' }, { riskLevel: 'very_high', title: 'Renamed offline' });
    await resolve({ conflictId: conflict.id, choice: 'take_theirs' });
    expect(await desktop.engine.syncNow()).toMatchObject({ conflictCount: 0, pendingChanges: 0, upToDate: true });
    expect(await desktop.db().selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(await serverCase(caseId)).toMatchObject({ risk_level: 'low', version: 2 });
    expect(await localCase(caseId)).toMatchObject({ risk_level: 'low', version: 2 });
    expect((await localCase(caseId)).title).not.toBe('Renamed offline');
  });

  it('"merge" sends the merged closure reason on the server version', async () => {
    const { caseId, conflict } = await staleEdit(
      { status: 'closed', closureReason: 'Tenant moved away.' },
      { status: 'closed', closureReason: 'Problem resolved after mediation.' },
    );
    expect(conflict).toMatchObject({ fields: ['status', 'closureReason'], textFields: ['closureReason'], theirs: { closureReason: 'Tenant moved away.' } });
    await resolve({ conflictId: conflict.id, choice: 'merge', mergedText: 'Resolved after mediation; tenant then moved away.' });
    expect(await desktop.engine.syncNow()).toMatchObject({ conflictCount: 0, pendingChanges: 0, upToDate: true });
    expect(await serverCase(caseId)).toMatchObject({ status: 'closed', closure_reason: 'Resolved after mediation; tenant then moved away.', version: 3 });
    await expect(resolve({ conflictId: conflict.id, choice: 'keep_mine' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
