import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { bootstrapCache, type BootstrapPosition } from '../../main/sync/bootstrap-cache.ts';
import { pullUntilCurrent, type PullSource } from '../../main/sync/pull-until-current.ts';
import { buildCase } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { buildCouncilWorld, startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

describe('bootstrap of the desktop cache against a real server', () => {
  let server: TestServer;
  let council = '';
  let officer: { username: string; password: string };
  let visible: Set<string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    ({ council, officer, visible } = await buildCouncilWorld(server, 45, 10));
    await server.db.updateTable('cases').set({ status: 'closed' }).where('title', 'like', 'Council case 1%').execute();
  });
  afterAll(() => server.stop());

  /** The real API as a pull source, fetching `limit` anchors per bootstrap page; `onPage` may interrupt. */
  function source(desktop: SyncDesktop, token: string, limit: number, onPage: (position: BootstrapPosition, n: number) => Promise<void> | void = () => undefined): PullSource {
    let n = 0;
    return {
      pull: (cursor) => desktop.api.call('syncPull', { query: { cursor, limit: 500 }, accessToken: token }),
      bootstrap: async (position) => {
        n += 1;
        await onPage(position, n);
        return desktop.api.call('syncBootstrap', {
          query: position === null ? { limit } : { snapshot: position.snapshot, phase: position.phase, ...(position.after ? { after: position.after } : {}), limit },
          accessToken: token,
        });
      },
    };
  }
  const cachedIds = async (desktop: SyncDesktop) => new Set((await desktop.db().selectFrom('cases').select('id').execute()).map((r) => r.id));

  it('fills a fresh cache through a bootstrap, says so while it runs, and holds exactly what the user may see', async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      const status = await desktop.engine.syncNow();
      expect(desktop.history.some((s) => s.phase === 'bootstrapping')).toBe(true);
      expect(status).toMatchObject({ phase: 'idle', lastError: null, cachedCases: visible.size });
      expect(await cachedIds(desktop)).toEqual(visible);
      expect(await desktop.db().selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
      const seen = desktop.history.length;
      await desktop.engine.syncNow();
      expect(desktop.history.slice(seen).some((s) => s.phase === 'bootstrapping')).toBe(false);
    } finally {
      await desktop.close();
    }
  });

  it('after a reset keeps the old cache until the new one is complete, resumes an interrupted bootstrap where it stopped, and keeps local changes', async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      await desktop.engine.syncNow();
      const token = await desktop.session.accessToken();
      const before = await cachedIds(desktop);
      const pending = newId();
      const anyCase = [...visible][0]!;
      await desktop.store().enqueue({ name: 'report.create', args: { reportId: pending, caseId: anyCase, kind: 'contact', title: 'Kept', body: 'Written offline.' } },
        { userId: desktop.session.require().user.id, agencyId: council, teamId: null });
      // The server forgets our position (say, restored from a backup) and the world moves on.
      await desktop.db().updateTable('meta').set({ value: '999999999' }).where('key', '=', 'cursor').execute();
      const added = (await buildCase(server.db, { ownerAgencyId: council, title: 'Opened during the reset' })).id;
      const cache = desktop.session.require().cache;
      const interrupted = source(desktop, token, 10, async (_position, n) => {
        // While pages are staged, the user still works on the whole old cache.
        expect(await cachedIds(desktop)).toEqual(before);
        if (n === 4) {
          throw new CodedError('network_error', 'The connection dropped.');
        }
      });
      await expect(pullUntilCurrent(cache, interrupted)).rejects.toMatchObject({ code: 'network_error' });
      expect(await cachedIds(desktop)).toEqual(before);
      const stopped = await cache.bootstrap.progress();
      expect(stopped?.next).not.toBeNull();
      expect((await desktop.db().selectFrom('bootstrap_staged').select('id').execute()).length).toBeGreaterThan(0);

      const positions: BootstrapPosition[] = [];
      const outcome = await pullUntilCurrent(cache, source(desktop, token, 10, (position) => void positions.push(position)));
      expect(outcome.bootstrapped).toBe(true);
      expect(positions[0]).toEqual({ snapshot: stopped!.snapshot, ...stopped!.next });
      expect(await cachedIds(desktop)).toEqual(new Set([...visible, added]));
      expect(await desktop.db().selectFrom('bootstrap_staged').selectAll().execute()).toEqual([]);
      expect(await desktop.db().selectFrom('outbox').select('state').execute()).toEqual([{ state: 'pending' }]);
      visible.add(added);
    } finally {
      await desktop.close();
    }
  });

  it('drops staged pages and starts again when the server no longer knows the bootstrap position', async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      const token = (await desktop.api.call('login', { body: officer })).accessToken;
      const cache = desktop.session.require().cache;
      await cache.bootstrap.stage({ snapshot: '999999999', changes: [], next: { phase: 'open_cases', after: null } });
      const positions: BootstrapPosition[] = [];
      await bootstrapCache(cache, source(desktop, token, 50, (position) => void positions.push(position)).bootstrap);
      expect(positions[0]).toEqual({ snapshot: '999999999', phase: 'open_cases', after: null });
      expect(positions[1]).toBeNull();
      expect(await cachedIds(desktop)).toEqual(visible);
    } finally {
      await desktop.close();
    }
  });
});
