import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

describe('a change the server does not apply is undone to the server value, even when pulls ran while it waited', () => {
  let server: TestServer;
  let desktop: SyncDesktop;
  let colleague: WorldUser;
  let council = '';
  let partnerCase: { id: string; title: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    council = await buildAgency(server.db, { name: 'Riverton Council' });
    const fire = await buildAgency(server.db, { name: 'Fire Service', kind: 'fire' });
    const officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    const other = await buildUser(server.db, { agencyId: council, password: 'council-pass-2' });
    colleague = { id: other.id, agencyId: council, teamIds: [], role: 'practitioner', token: await signIn(server, other.username, other.password) };
    // Visible to the council but owned by fire: the council may read it, not edit it.
    partnerCase = await buildCase(server.db, { ownerAgencyId: fire, title: 'Hoarding fire risk at Zephyrine Walk', sharingLevel: 'shared', sharedAgencyIds: [council] });
    desktop = await startSyncDesktop(server, officer);
    await desktop.engine.syncNow();
  });
  afterAll(async () => {
    await desktop.close();
    await server.stop();
  });

  const actor = () => desktop.engine.outbox().actor;
  const localCase = (id: string) => desktop.db().selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('a refused change is taken back after a pull that did not touch its record re-applied it', async () => {
    await desktop.store().enqueue({ name: 'case.update', args: { caseId: partnerCase.id, title: 'Edited by the council' } }, actor());
    await desktop.store().reapplyPending(actor()); // what every pull does after applying its pages
    expect(await desktop.engine.syncNow()).toMatchObject({ rejectedCount: 1 });
    expect((await localCase(partnerCase.id)).title).toBe(partnerCase.title);
    const [refused] = await desktop.store().rejected();
    await desktop.store().dismissRejected(refused!.mutationId);
  });

  it('a refused change is undone to the value a pull brought in while it waited', async () => {
    await desktop.store().enqueue({ name: 'case.update', args: { caseId: partnerCase.id, title: 'Edited again by the council' } }, actor());
    // A pull overwrote the row with the server's newer title; re-applying puts mine back on top.
    await desktop.db().updateTable('cases').set({ title: 'Renamed by the fire service' }).where('id', '=', partnerCase.id).execute();
    await desktop.store().reapplyPending(actor());
    expect((await localCase(partnerCase.id)).title).toBe('Edited again by the council');
    expect(await desktop.engine.syncNow()).toMatchObject({ rejectedCount: 1 });
    expect((await localCase(partnerCase.id)).title).toBe('Renamed by the fire service');
  });

  it('a conflicting risk change leaves the server risk level shown, and "take theirs" keeps it', async () => {
    const c = await buildCase(server.db, { ownerAgencyId: council });
    await desktop.engine.syncNow();
    expect(await call(server, colleague, 'PATCH', `/cases/${c.id}`, { riskLevel: 'high', expectedVersion: 1 })).toMatchObject({ status: 200 });
    await desktop.engine.syncNow();
    // I change it from the version I saw (1) after the pull brought version 2; another pull runs before the push.
    await desktop.store().enqueue({ name: 'case.update', args: { caseId: c.id, riskLevel: 'very_high' }, baseVersion: 1 }, actor());
    await desktop.store().reapplyPending(actor());
    expect(await desktop.engine.syncNow()).toMatchObject({ conflictCount: 1 });
    expect(await localCase(c.id)).toMatchObject({ risk_level: 'high', version: 2 });
    const [conflict] = await desktop.store().conflicts();
    expect(conflict).toMatchObject({ mine: { riskLevel: 'very_high' }, theirs: { riskLevel: 'high' } });
    await desktop.store().resolveConflict({ conflictId: conflict!.id, choice: 'take_theirs' }, actor());
    expect(await desktop.engine.syncNow()).toMatchObject({ conflictCount: 0, pendingChanges: 0 });
    expect(await localCase(c.id)).toMatchObject({ risk_level: 'high' });
  });
});
