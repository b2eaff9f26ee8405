/** Removing the offline copy at sign-out never silently loses work the server has not received. */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';

describe('sign-out that removes the offline copy', () => {
  let world: CoreWorld;
  let caseId = '';
  const net = { offline: false };

  beforeAll(async () => {
    world = await startCoreWorld({
      password: 'sign-out-pass-1', caseTitle: 'Unsent work at Larkspur Row', dataDirPrefix: 'cb-signout-',
      core: { fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)) },
    });
    caseId = (await world.server.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => world.stop());

  async function signInWithUnsentReport(): Promise<{ user: SessionUser; reportId: string }> {
    net.offline = false;
    const user = await callCore<SessionUser>(world.core, 'session.signIn', world.officer);
    await callCore(world.core, 'sync.now', null);
    net.offline = true;
    const reportId = newId();
    await callCore(world.core, 'changes.submit', { name: 'report.create', args: { reportId, caseId, kind: 'contact', title: 'Doorstep visit', body: 'Written offline.' } });
    return { user, reportId };
  }
  const reportsOnServer = async (id: string) => (await world.server.db.selectFrom('reports').select('id').where('id', '=', id).execute()).length;

  it('refuses while a change has not reached the server, keeping the session and the copy; once online it delivers first, then removes', async () => {
    const { user, reportId } = await signInWithUnsentReport();
    const file = cacheLocation(world.dataDir, world.server.url, user.id).file;
    const refused = await world.core.handle('session.signOut', { wipeCache: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsent_work', message: expect.stringMatching(/^1 change on this computer has not reached the server/) as unknown } });
    expect(await callCore(world.core, 'session.state', null)).toMatchObject({ state: 'signed_in' });
    expect(existsSync(file)).toBe(true);
    expect(await reportsOnServer(reportId)).toBe(0);

    net.offline = false;
    expect(await world.core.handle('session.signOut', { wipeCache: true })).toEqual({ ok: true, value: null });
    expect(await reportsOnServer(reportId)).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it('removes the copy and the unsent change only when the user explicitly chooses to lose it', async () => {
    const { user, reportId } = await signInWithUnsentReport();
    const file = cacheLocation(world.dataDir, world.server.url, user.id).file;
    expect(await world.core.handle('session.signOut', { wipeCache: true, discardUnsent: true })).toEqual({ ok: true, value: null });
    expect(existsSync(file)).toBe(false);
    expect(await reportsOnServer(reportId)).toBe(0);
    net.offline = false;
  });

  it('keeping the copy never asks: the unsent change stays on this computer for the next sign-in', async () => {
    const { user } = await signInWithUnsentReport();
    expect(await world.core.handle('session.signOut', { wipeCache: false })).toEqual({ ok: true, value: null });
    expect(existsSync(cacheLocation(world.dataDir, world.server.url, user.id).file)).toBe(true);
    net.offline = false;
  });
});
