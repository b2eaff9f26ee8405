import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { createApiClient } from '../../main/api/api-client.ts';
import { SyncStatusTracker } from '../../main/sync/sync-status-tracker.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

describe('the outbox against a real server and a real encrypted cache', () => {
  let server: TestServer;
  let desktop: SyncDesktop;
  let own: { id: string; title: string };
  let partnerCase: { id: string; title: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council' });
    const fire = await buildAgency(server.db, { name: 'Fire Service', kind: 'fire' });
    const officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    own = await buildCase(server.db, { ownerAgencyId: council, title: 'Noise nuisance at Quillfeather Court' });
    // Visible to the council but owned by fire: the council may read it, not edit it.
    partnerCase = await buildCase(server.db, { ownerAgencyId: fire, title: 'Hoarding fire risk at Zephyrine Walk', sharingLevel: 'shared', sharedAgencyIds: [council] });
    desktop = await startSyncDesktop(server, officer);
    expect((await desktop.engine.syncNow()).cachedCases).toBe(2);
  });
  afterAll(async () => {
    await desktop.close();
    await server.stop();
  });

  it('writes the optimistic row and the outbox entry together, and a bad change writes neither', async () => {
    const reportId = newId();
    await expect(desktop.store().enqueue({ name: 'report.create', args: { reportId, caseId: own.id, kind: 'contact', title: '', body: 'x' } }, actor()))
      .rejects.toMatchObject({ code: 'validation_error' });
    expect(await desktop.db().selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(await desktop.db().selectFrom('reports').selectAll().where('id', '=', reportId).execute()).toEqual([]);
    const id = await desktop.store().enqueue({ name: 'report.create', args: { reportId, caseId: own.id, kind: 'contact', title: 'Visit', body: 'Spoke to the tenant.' } }, actor());
    expect(await desktop.db().selectFrom('outbox').select(['mutation_id', 'state']).execute()).toEqual([{ mutation_id: id, state: 'pending' }]);
    expect(await desktop.db().selectFrom('reports').select('title').where('id', '=', reportId).execute()).toEqual([{ title: 'Visit' }]);
    await desktop.engine.syncNow();
    expect(await desktop.db().selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('applies a change once even when the same outbox is pushed again after a lost response', async () => {
    const reportId = newId();
    await desktop.store().enqueue({ name: 'report.create', args: { reportId, caseId: own.id, kind: 'contact', title: 'Doorstep visit', body: 'No answer.' } }, actor());
    const [entry] = await desktop.db().selectFrom('outbox').selectAll().execute();
    expect(entry).toBeDefined();
    expect((await desktop.engine.syncNow()).pendingChanges).toBe(0);
    // The response "was lost": the desktop still holds the entry and pushes it again.
    await desktop.db().insertInto('outbox').values(entry!).execute();
    const after = await desktop.engine.syncNow();
    expect(after).toMatchObject({ pendingChanges: 0, rejectedCount: 0, conflictCount: 0, lastError: null });
    expect(await desktop.db().selectFrom('outbox').selectAll().execute()).toEqual([]);
    const onServer = await server.db.selectFrom('reports').select('id').where('id', '=', reportId).execute();
    expect(onServer).toHaveLength(1);
    const audits = await server.db.selectFrom('audit_events').select('id').where('entity_id', '=', reportId).where('action', '=', 'record.create').execute();
    expect(audits).toHaveLength(1);
    expect(await desktop.db().selectFrom('reports').select('title').where('id', '=', reportId).execute()).toEqual([{ title: 'Doorstep visit' }]);
  });

  it('marks a refused change, undoes it locally, and still applies the next one', async () => {
    await desktop.engine.enqueue({ name: 'case.update', args: { caseId: partnerCase.id, title: 'Edited by the council' } });
    await desktop.engine.enqueue({ name: 'case.update', args: { caseId: own.id, title: 'Noise nuisance, Quillfeather Court (flat 3)' } });
    expect(await localTitle(partnerCase.id)).toBe('Edited by the council'); // optimistic
    const status = await desktop.engine.syncNow();
    expect(status).toMatchObject({ pendingChanges: 0, rejectedCount: 1, upToDate: false });
    const rejected = await desktop.store().rejected();
    expect(rejected).toMatchObject([{ name: 'case.update', args: { caseId: partnerCase.id }, error: { code: 'authorization_error' } }]);
    expect(await serverTitle(own.id)).toBe('Noise nuisance, Quillfeather Court (flat 3)');
    expect(await serverTitle(partnerCase.id)).toBe(partnerCase.title);
    expect(await localTitle(partnerCase.id)).toBe(partnerCase.title);
    expect(await desktop.store().dismissRejected(rejected[0]!.mutationId)).toBe(true);
    expect(await desktop.engine.syncNow()).toMatchObject({ rejectedCount: 0, upToDate: true });
  });

  it('keeps changes while the server is unreachable and never says up to date with changes waiting', async () => {
    const offlineStatus = new SyncStatusTracker();
    const unreachable = createApiClient({ baseUrl: 'http://127.0.0.1:9', retry: { maxAttempts: 1 } });
    const offline = desktop.engineWith(unreachable, offlineStatus);
    await desktop.store().enqueue({ name: 'case.update', args: { caseId: own.id, reviewDate: '2027-01-15' } }, actor());
    const failed = await offline.syncNow();
    expect(failed).toMatchObject({ connection: 'offline', phase: 'error', pendingChanges: 1, upToDate: false, lastError: { code: 'network_error' } });
    expect(await desktop.db().selectFrom('outbox').select(['state', 'attempts']).execute()).toEqual([{ state: 'pending', attempts: 1 }]);
    desktop.history.length = 0;
    const done = await desktop.engine.syncNow();
    expect(done).toMatchObject({ pendingChanges: 0, upToDate: true });
    expect(desktop.history.some((s) => s.phase === 'pushing' && s.pendingChanges === 1)).toBe(true);
    expect(desktop.history.filter((s) => s.upToDate === true && (s.pendingChanges > 0 || s.phase !== 'idle'))).toEqual([]);
    const server_ = await server.db.selectFrom('cases').select('review_date').where('id', '=', own.id).executeTakeFirstOrThrow();
    expect(server_.review_date).toBe('2027-01-15');
  });

  it('refuses offline a report restricted more widely than its cached case, queuing nothing; the server refuses it too', async () => {
    const officerId = desktop.session.require().user.id;
    const council = desktop.session.require().user.agencyId;
    const mine = await buildCase(server.db, { ownerAgencyId: council, ownerUserId: officerId, sharingLevel: 'owner_only', title: 'Only mine at Larkspur Row' });
    await desktop.engine.syncNow();
    const wide = { reportId: newId(), caseId: mine.id, kind: 'contact' as const, title: 'Visit', body: 'Synthetic.', sharingLevel: 'owner_agency' as const };
    await expect(desktop.store().enqueue({ name: 'report.create', args: wide }, { ...actor(), role: 'practitioner', teamIds: [] }))
      .rejects.toMatchObject({ code: 'validation_error', message: expect.stringContaining('more widely than its case') as unknown });
    expect(await desktop.db().selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(await desktop.db().selectFrom('reports').selectAll().where('id', '=', wide.reportId).execute()).toEqual([]);
    // Without the role (an older caller), the push carries it and the server refuses it, nothing written there either.
    await desktop.store().enqueue({ name: 'report.create', args: wide }, actor());
    await desktop.engine.syncNow();
    expect(await server.db.selectFrom('reports').select('id').where('id', '=', wide.reportId).execute()).toEqual([]);
    expect(await desktop.db().selectFrom('outbox').select(['state', 'error_code']).execute()).toEqual([{ state: 'rejected', error_code: 'validation_error' }]);
    await desktop.db().deleteFrom('outbox').execute();
    const within = { ...wide, reportId: newId(), sharingLevel: 'owner_only' as const };
    await desktop.store().enqueue({ name: 'report.create', args: within }, { ...actor(), role: 'practitioner', teamIds: [] });
    await desktop.engine.syncNow();
    expect(await server.db.selectFrom('reports').select('sharing_level').where('id', '=', within.reportId).execute()).toEqual([{ sharing_level: 'owner_only' }]);
  });

  function actor() {
    const user = desktop.session.require().user;
    return { userId: user.id, agencyId: user.agencyId, teamId: null };
  }
  async function localTitle(caseId: string) {
    return (await desktop.db().selectFrom('cases').select('title').where('id', '=', caseId).executeTakeFirstOrThrow()).title;
  }
  async function serverTitle(caseId: string) {
    return (await server.db.selectFrom('cases').select('title').where('id', '=', caseId).executeTakeFirstOrThrow()).title;
  }
});
