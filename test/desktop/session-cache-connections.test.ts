/** Sign-in and unlock open the encrypted cache once each: the session's rows go through that connection, never a second worker. */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSyncedCache } from '../../main/sync/synced-cache.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';

describe('cache connections opened by sign-in and unlock', () => {
  let world: CoreWorld;
  // Opens through the core's openCache injection point, and every worker thread this process starts
  // (each cache connection is one worker), so a direct open elsewhere is counted too.
  let opens = 0;
  const workers: Worker[] = [];
  const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);

  beforeAll(async () => {
    subscribe('worker_threads', onWorker);
    world = await startCoreWorld({
      password: 'connect-pass-1', caseTitle: 'Street drinking at Copperkettle Green', dataDirPrefix: 'cb-connections-',
      core: {
        openCache: (args) => {
          opens += 1;
          return openSyncedCache(args);
        },
      },
    });
  });
  afterAll(async () => {
    unsubscribe('worker_threads', onWorker);
    await world.stop();
  });

  /** How many cache opens and worker threads `action` caused. */
  async function counting(action: () => Promise<unknown>): Promise<{ opens: number; workers: number }> {
    const before = { opens, workers: workers.length };
    await action();
    return { opens: opens - before.opens, workers: workers.length - before.workers };
  }

  it('signing in opens one cache connection, whose worker stays the only one running', async () => {
    expect(await counting(() => callCore(world.core, 'session.signIn', world.officer))).toEqual({ opens: 1, workers: 1 });
    expect(await callCore(world.core, 'sync.now', null)).toMatchObject({ cachedCases: 1 });
    expect(workers.filter((w) => w.threadId !== -1)).toHaveLength(1);
  });

  it('an online unlock opens the cache once', async () => {
    await callCore(world.core, 'session.lock', null);
    expect(workers.filter((w) => w.threadId !== -1)).toHaveLength(0);
    expect(await counting(() => callCore(world.core, 'session.unlock', { password: world.officer.password }))).toEqual({ opens: 1, workers: 1 });
  });

  it('offline, a refused unlock opens the cache once and closes it; the right password opens it once and keeps it', async () => {
    await callCore(world.core, 'session.lock', null);
    await world.server.stop();
    const refused = await counting(async () => {
      expect(await world.core.handle('session.unlock', { password: 'not-my-password' })).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    });
    expect(refused).toEqual({ opens: 1, workers: 1 });
    expect(workers.filter((w) => w.threadId !== -1)).toHaveLength(0);
    // The verifier and lease the online sign-in wrote through its connection are what let this in.
    expect(await counting(() => callCore(world.core, 'session.unlock', { password: world.officer.password }))).toEqual({ opens: 1, workers: 1 });
    expect(await callCore(world.core, 'cases.queue', {})).toMatchObject({ rows: [{ title: 'Street drinking at Copperkettle Green' }] });
    expect(workers.filter((w) => w.threadId !== -1)).toHaveLength(1);
  });
});
