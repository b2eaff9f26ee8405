/** The sync engine's audit step against a real server: reads from the offline copy are reported, and only acknowledged ones forgotten. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { createApiClient, type ApiClient } from '../../main/api/api-client.ts';
import { AUDIT_BATCH } from '../../main/sync/push-audit-events.ts';
import { SyncEngine } from '../../main/sync/sync-engine.ts';
import { SyncStatusTracker } from '../../main/sync/sync-status-tracker.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

describe('the audit step of a sync run', () => {
  let server: TestServer;
  let officer: { id: string; username: string; password: string };
  let caseIds: string[] = [];

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council' });
    officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    caseIds = [(await buildCase(server.db, { ownerAgencyId: council })).id, (await buildCase(server.db, { ownerAgencyId: council })).id];
  });
  afterAll(() => server.stop());

  // The desktop's session and outbox, signed in from a registered device (as the desktop always is) with its own token.
  const boundEngine = async (desktop: SyncDesktop, name: string, api: ApiClient = desktop.api) => {
    const device = await desktop.api.call('registerDevice', { body: { name }, accessToken: await desktop.session.accessToken() });
    const bound = await desktop.api.call('login', { body: { username: officer.username, password: officer.password, deviceId: device.id } });
    const session = { active: desktop.session.active, accessToken: () => Promise.resolve(bound.accessToken) };
    return new SyncEngine(session, api, new SyncStatusTracker(), () => new Date(), { storeFor: () => desktop.store() });
  };
  const reported = async () => (await server.db.selectFrom('audit_events').select('details').where('user_id', '=', officer.id).execute())
    .filter((r) => (JSON.parse(r.details) as { source?: string }).source === 'offline_copy');

  it('keeps pending reads through the first bootstrap swap and an unreachable server, and reports them once the server takes them', async () => {
    // Signed in without a device first: the server refuses the report, which must not stop the bootstrap or lose a read.
    const desktop = await startSyncDesktop(server, officer);
    try {
      const cache = desktop.session.require().cache;
      await cache.auditOutbox.record(officer.id, { action: 'record.view', entityType: 'case', entityId: caseIds[0]!, details: {} });
      await cache.auditOutbox.record(officer.id, { action: 'record.search', entityType: 'case', entityId: null, details: { terms: { q: 'council' }, results: 2 } });
      const pending = await cache.auditOutbox.pending(officer.id, 10);

      const refused = await desktop.engine.syncNow();
      expect(refused).toMatchObject({ connection: 'online', lastError: { code: 'authorization_error' } });
      expect(desktop.history.some((s) => s.phase === 'bootstrapping')).toBe(true);
      expect(await cache.caseCount()).toBe(2);
      expect(await cache.auditOutbox.pending(officer.id, 10)).toEqual(pending);

      const unreachable = createApiClient({ baseUrl: 'http://127.0.0.1:9', retry: { maxAttempts: 1 } });
      const offline = await desktop.engineWith(unreachable, new SyncStatusTracker()).syncNow();
      expect(offline).toMatchObject({ connection: 'offline', lastError: { code: 'network_error' } });
      expect(await cache.auditOutbox.pending(officer.id, 10)).toEqual(pending);
      expect(await reported()).toEqual([]);

      const online = await (await boundEngine(desktop, 'Laptop')).syncNow();
      expect(online).toMatchObject({ connection: 'online', lastError: null });
      expect(await cache.auditOutbox.count()).toBe(0);
      expect((await reported()).map((r) => (JSON.parse(r.details) as { clientEventId: string }).clientEventId)).toEqual(pending.map((e) => e.clientEventId));
    } finally {
      await desktop.close();
    }
  });

  it("reports a long queue in batches, and never another user's reads under this user's token", async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      const cache = desktop.session.require().cache;
      // The real client, noting the size of each report it sends.
      const batches: number[] = [];
      const api: ApiClient = {
        call(name, input) {
          if (name === 'auditClientEvents') {
            batches.push((input?.body as { events: unknown[] }).events.length);
          }
          return desktop.api.call(name, input);
        },
        download: (name, input, maxBytes) => desktop.api.download(name, input, maxBytes),
      };
      const engine = await boundEngine(desktop, 'Laptop 2', api);
      const before = (await reported()).length;
      for (let i = 0; i < 120; i += 1) {
        await cache.auditOutbox.record(officer.id, { action: 'record.view', entityType: 'case', entityId: caseIds[i % 2]!, details: {} });
      }
      // Another user's read (a cache is one user's, but never send one under the wrong token) stays where it is.
      await cache.auditOutbox.record(newId(), { action: 'record.view', entityType: 'case', entityId: caseIds[0]!, details: {} });
      const status = await engine.syncNow();
      expect(status).toMatchObject({ lastError: null });
      expect((await reported()).length - before).toBe(120);
      expect(batches).toEqual([AUDIT_BATCH, AUDIT_BATCH, 120 - 2 * AUDIT_BATCH]);
      expect(await cache.auditOutbox.count()).toBe(1);
    } finally {
      await desktop.close();
    }
  });
});
