import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../domain/errors.ts';
import type { BootstrapResponse } from '../../domain/http/sync-schemas.ts';
import type { BootstrapStore } from '../../main/cache/bootstrap-staging.ts';
import { bootstrapCache, type BootstrapPosition, type FetchBootstrapPage } from '../../main/sync/bootstrap-cache.ts';
import { pullUntilCurrent } from '../../main/sync/pull-until-current.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { buildCouncilWorld, startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

/** A promise with its resolver, to order a fetch against a stage. */
function signal(): { done: Promise<void>; fire: () => void } {
  let fire = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { done, fire };
}

describe('pipelined bootstrap: the next page is fetched while one is staged', () => {
  let server: TestServer;
  let officer: { username: string; password: string };
  let visible: Set<string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    ({ officer, visible } = await buildCouncilWorld(server, 24, 4));
  });
  afterAll(() => server.stop());

  // A prefetch that is abandoned, or fails before it is awaited, must never surface as an unhandled rejection.
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  /** The real API, 5 anchors a page; `before` runs before each fetch (n counts from 1) and may throw. */
  function fetcher(desktop: SyncDesktop, token: string, before: (position: BootstrapPosition, n: number) => Promise<void> | void = () => undefined): FetchBootstrapPage {
    let n = 0;
    return async (position) => {
      n += 1;
      await before(position, n);
      return desktop.api.call('syncBootstrap', {
        query: position === null ? { limit: 5 } : { snapshot: position.snapshot, phase: position.phase, ...(position.after ? { after: position.after } : {}), limit: 5 },
        accessToken: token,
      });
    };
  }
  const cachedIds = async (desktop: SyncDesktop) => new Set((await desktop.db().selectFrom('cases').select('id').execute()).map((r) => r.id));
  const stagedCount = async (desktop: SyncDesktop) => (await desktop.db().selectFrom('bootstrap_staged').select('id').execute()).length;

  /** The cache's real bootstrap store, with `stage` able to wait for something first. */
  function withStage(store: BootstrapStore, stage: (page: BootstrapResponse, real: () => Promise<void>) => Promise<void>): { bootstrap: BootstrapStore } {
    return {
      bootstrap: {
        progress: () => store.progress(), swapIn: () => store.swapIn(), discard: () => store.discard(),
        stage: (page) => stage(page, () => store.stage(page)),
      },
    };
  }

  it('a prefetch that fails while a page is staged leaves the cache as it was, and the next attempt resumes after that page', async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      const token = (await desktop.api.call('login', { body: officer })).accessToken;
      const cache = desktop.session.require().cache;
      const prefetchFailed = signal();
      const positions: BootstrapPosition[] = [];
      let staged = 0;
      // Fetch 4 fails; page 3 is staged only once it has, so the failure lands while page 3 is being staged.
      const failing = fetcher(desktop, token, (position, n) => {
        positions.push(position);
        if (n === 4) {
          prefetchFailed.fire();
          throw new CodedError('network_error', 'The connection dropped.');
        }
      });
      const store = withStage(cache.bootstrap, async (_page, real) => {
        staged += 1;
        if (staged === 3) {
          await prefetchFailed.done;
          await new Promise((resolve) => setTimeout(resolve, 20)); // the failure waits, unawaited, across event-loop turns
        }
        await real();
      });
      await expect(bootstrapCache(store, failing)).rejects.toMatchObject({ code: 'network_error' });
      expect(staged).toBe(3);
      expect(await cachedIds(desktop)).toEqual(new Set());
      expect(await cache.cursor()).toBeNull();
      const stopped = await cache.bootstrap.progress();
      // Page 3 was staged with the position of page 4, the one whose fetch failed.
      expect(stopped).not.toBeNull();
      expect({ snapshot: stopped!.snapshot, ...stopped!.next }).toEqual(positions[3]);
      const stagedBefore = await stagedCount(desktop);
      expect(stagedBefore).toBeGreaterThan(0);

      const resumed: BootstrapPosition[] = [];
      const outcome = await pullUntilCurrent(cache, { pull: (cursor) => desktop.api.call('syncPull', { query: { cursor, limit: 500 }, accessToken: token }),
        bootstrap: fetcher(desktop, token, (position) => void resumed.push(position)) });
      expect(outcome.bootstrapped).toBe(true);
      expect(resumed[0]).toEqual(positions[3]);
      expect(await cachedIds(desktop)).toEqual(visible);
      expect(await stagedCount(desktop)).toBe(0);
    } finally {
      await desktop.close();
    }
  });

  it('a stage that fails while the next page is fetched throws its own error once that fetch has settled, keeps the staged pages, and the next attempt resumes', async () => {
    const desktop = await startSyncDesktop(server, officer);
    try {
      const token = (await desktop.api.call('login', { body: officer })).accessToken;
      const cache = desktop.session.require().cache;
      const prefetchStarted = signal();
      let fetches = 0;
      let prefetchSettled = false;
      // Fetch 3 (the prefetch during stage 2) fails too, after stage 2 has failed: its rejection must go unheard.
      const stageFailed = signal();
      const failing: FetchBootstrapPage = async (position) => {
        fetches += 1;
        if (fetches === 3) {
          prefetchStarted.fire();
          await stageFailed.done;
          prefetchSettled = true;
          throw new CodedError('network_error', 'The connection dropped.');
        }
        return fetcher(desktop, token)(position);
      };
      let staged = 0;
      const store = withStage(cache.bootstrap, async (_page, real) => {
        staged += 1;
        if (staged === 2) {
          await prefetchStarted.done;
          stageFailed.fire();
          throw new CodedError('internal_error', 'The disk is full.');
        }
        await real();
      });
      await expect(bootstrapCache(store, failing)).rejects.toMatchObject({ code: 'internal_error', message: 'The disk is full.' });
      expect(prefetchSettled).toBe(true);
      expect(fetches).toBe(3);
      expect(await cachedIds(desktop)).toEqual(new Set());
      const stopped = await cache.bootstrap.progress();
      expect(stopped?.next).not.toBeNull();
      expect(await stagedCount(desktop)).toBeGreaterThan(0);

      const resumed: BootstrapPosition[] = [];
      await bootstrapCache(cache, fetcher(desktop, token, (position) => void resumed.push(position)));
      expect(resumed[0]).toEqual({ snapshot: stopped!.snapshot, ...stopped!.next });
      expect(await cachedIds(desktop)).toEqual(visible);
      expect(await stagedCount(desktop)).toBe(0);
    } finally {
      await desktop.close();
    }
  });
});
