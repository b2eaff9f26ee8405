import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/ipc/contract.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
};

describe('idle lock with a real server, encrypted cache and keychain', () => {
  let world: CoreWorld;
  let core: DesktopCore;
  let states: SessionState[];
  let officer: { username: string; password: string };

  beforeAll(async () => {
    // 0.01 minutes = 600 ms, so the real timer fires within the test.
    world = await startCoreWorld({
      agencyName: 'Lockton Council', password: 'lock-pass-1', caseTitle: 'Graffiti at Lockgate Lane', dataDirPrefix: 'cb-lock-',
      core: { settings: { idleLockMinutes: 0.01 } },
    });
    ({ core, states, officer } = world);
  });
  afterAll(() => world.stop());

  const state = () => states.at(-1)?.state;

  it('locks after the idle minutes: the cache closes and every session channel answers session_locked', async () => {
    expect((await core.handle('session.signIn', officer)).ok).toBe(true);
    expect(await core.handle('sync.now', null)).toMatchObject({ ok: true, value: { cachedCases: 1 } });
    expect(await until(() => state() === 'locked', 3_000)).toBe(true);
    expect(states.at(-1)).toMatchObject({ state: 'locked', user: { username: officer.username } });
    expect(await core.handle('session.state', null)).toMatchObject({ ok: true, value: { state: 'locked' } });
    for (const channel of ['cases.queue', 'sync.now'] as const) {
      expect(await core.handle(channel, channel === 'cases.queue' ? {} : null)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    }
  });

  it('refuses a wrong password with a clear error and stays locked; the right one reopens the cache', async () => {
    expect(await core.handle('session.unlock', { password: 'wrong-pass' })).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    expect(await core.handle('session.unlock', { password: officer.password })).toMatchObject({ ok: true, value: { username: officer.username } });
    expect(state()).toBe('signed_in');
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: true, value: { total: 1, rows: [{ title: 'Graffiti at Lockgate Lane' }] } });
  });

  it('activity pings keep the session open; without them it locks again', async () => {
    const started = Date.now();
    while (Date.now() - started < 1_500) {
      expect((await core.handle('session.activity', null)).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(state()).toBe('signed_in');
    expect((await core.handle('cases.queue', {})).ok).toBe(true);
    expect(await until(() => state() === 'locked', 3_000)).toBe(true);
  });

  it('locks on request and answers policy.status without a session', async () => {
    expect(await core.handle('session.unlock', { password: officer.password })).toMatchObject({ ok: true });
    expect(await core.handle('session.lock', null)).toEqual({ ok: true, value: null });
    expect(state()).toBe('locked');
    expect(await core.handle('policy.status', null)).toEqual({ ok: true, value: { warnings: [], enforced: [] } });
    expect(await core.handle('session.signOut', { wipeCache: true })).toEqual({ ok: true, value: null });
    expect(await core.handle('session.lock', null)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });
});
