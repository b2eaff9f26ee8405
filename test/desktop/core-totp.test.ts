/**
 * The authenticator-app second factor through the desktop channels: set-up at sign-in when the
 * agency requires it, the code step, a forced password change with a code, and a voluntary set-up.
 * Real server (its clock moved in 30-second steps so each code is new), real encrypted caches,
 * OS keychain; codes are computed with the server's own TOTP helper.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { totpCode } from '../../server/auth/totp.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Setup { secret: string; otpauthUri: string; setupToken: string }

describe('the second factor through the desktop channels', () => {
  let server: TestServer;
  const dirs: string[] = [];
  const cores: DesktopCore[] = [];
  const keychain = createTestKeychain();
  const net = { offline: false };
  let clock = new Date();
  let strict = '';
  let relaxed = '';

  /** Moves both clocks' notion of "the current code" on by one 30-second step. */
  const nextStep = () => {
    clock = new Date(clock.getTime() + 30_000);
  };
  const code = (secret: string) => totpCode(secret, clock);
  const wrong = (secret: string) => (code(secret) === '000000' ? '111111' : '000000');

  const newCore = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-core-totp-'));
    dirs.push(dataDir);
    const core = createDesktopCore({
      serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    cores.push(core);
    return core;
  };
  const state = async (core: DesktopCore) => ((await core.handle('session.state', null)) as { value: { state: string } }).value.state;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { now: () => clock });
    strict = await buildAgency(server.db, { name: 'Strict agency' });
    relaxed = await buildAgency(server.db, { name: 'Relaxed agency' });
    await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', strict).execute();
  });
  afterAll(async () => {
    for (const core of cores) {
      await core.close();
    }
    await keychain.cleanup();
    await server.stop();
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets up an app at sign-in, refuses a wrong then a used code, and signs in with the next one', async () => {
    const user = await buildUser(server.db, { agencyId: strict, username: 'strict.one', password: 'strict-one-pass' });
    const core = newCore();
    const login = { username: user.username, password: user.password };

    expect(await core.handle('session.signIn', login)).toMatchObject({ ok: false, error: { code: 'totp_enrolment_required' } });
    const setup = await callCore<Setup>(core, 'session.totpSetup', login);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.otpauthUri).toContain('strict.one');

    // A wrong password cannot start a set-up; nor can a second one without the first one's token.
    expect(await core.handle('session.totpSetup', { ...login, password: 'not-the-password' })).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    expect(await core.handle('session.totpSetup', login)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const again = await callCore<Setup>(core, 'session.totpSetup', { ...login, setupToken: setup.setupToken });
    expect(again.secret).not.toBe(setup.secret);

    expect(await core.handle('session.signIn', { ...login, totpCode: wrong(again.secret) })).toEqual({
      ok: false, error: { code: 'authentication_error', message: 'Wrong verification code.' },
    });
    expect(await core.handle('session.signIn', { ...login, totpCode: '12ab56' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await state(core)).toBe('signed_out');

    const used = code(again.secret);
    expect((await callCore<{ username: string }>(core, 'session.signIn', { ...login, totpCode: used })).username).toBe('strict.one');
    expect(await state(core)).toBe('signed_in');
    await callCore(core, 'session.signOut', { wipeCache: false });

    // Enrolled now: the password alone asks for a code, and the code just used is spent.
    expect(await core.handle('session.signIn', login)).toMatchObject({ ok: false, error: { code: 'totp_required' } });
    expect(await core.handle('session.signIn', { ...login, totpCode: used })).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    expect(await core.handle('session.totpSetup', login)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    nextStep();
    await callCore(core, 'session.signIn', { ...login, totpCode: code(again.secret) });
    expect(await state(core)).toBe('signed_in');
    await callCore(core, 'session.signOut', { wipeCache: false });
  });

  it('changes a password an administrator set with the code, then asks for the next code to sign in', async () => {
    const user = await buildUser(server.db, { agencyId: strict, username: 'strict.two', password: 'given-by-admin-1' });
    const core = newCore();
    const login = { username: user.username, password: user.password };
    const setup = await callCore<Setup>(core, 'session.totpSetup', login);
    nextStep();
    await callCore(core, 'session.signIn', { ...login, totpCode: code(setup.secret) });
    await callCore(core, 'session.signOut', { wipeCache: false });
    await server.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.id).execute();

    nextStep();
    const now = code(setup.secret);
    expect(await core.handle('session.signIn', { ...login, totpCode: now })).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    const changed = await core.handle('session.changePassword', { ...login, totpCode: now, newPassword: 'my own long passphrase' });
    // The code was spent on the change: the password is changed, and the sign-in after it wants the next code.
    expect(changed).toMatchObject({ ok: false, error: { code: 'totp_required' } });
    expect(await state(core)).toBe('signed_out');
    nextStep();
    await callCore(core, 'session.signIn', { username: user.username, password: 'my own long passphrase', totpCode: code(setup.secret) });
    expect(await state(core)).toBe('signed_in');
    await callCore(core, 'session.signOut', { wipeCache: false });
  });

  it('lets a signed-in user of an agency that does not require it set up an app, then asks for its code', async () => {
    const user = await buildUser(server.db, { agencyId: relaxed, username: 'relaxed.one', password: 'relaxed-one-pass' });
    const core = newCore();
    const login = { username: user.username, password: user.password };
    expect(await core.handle('account.totpEnrol', null)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await core.handle('session.totpSetup', login)).toMatchObject({ ok: false, error: { code: 'authorization_error' } });

    await callCore(core, 'session.signIn', login);
    const enrolment = await callCore<{ secret: string; otpauthUri: string }>(core, 'account.totpEnrol', null);
    expect(await core.handle('account.totpConfirm', { code: wrong(enrolment.secret) })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('account.totpConfirm', { code: 'abc' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    // Not on until confirmed: signing in again needs no code yet.
    await callCore(core, 'session.signOut', { wipeCache: false });
    await callCore(core, 'session.signIn', login);
    const fresh = await callCore<{ secret: string }>(core, 'account.totpEnrol', null);
    expect(await callCore(core, 'account.totpConfirm', { code: code(fresh.secret) })).toBeNull();
    expect(await core.handle('account.totpEnrol', null)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await callCore(core, 'session.signOut', { wipeCache: false });

    expect(await core.handle('session.signIn', login)).toMatchObject({ ok: false, error: { code: 'totp_required' } });
    nextStep();
    await callCore(core, 'session.signIn', { ...login, totpCode: code(fresh.secret) });
    expect(await state(core)).toBe('signed_in');
  });

  it('answers network_error for a set-up while offline', async () => {
    const core = newCore();
    net.offline = true;
    try {
      expect(await core.handle('session.totpSetup', { username: 'strict.one', password: 'strict-one-pass' })).toEqual({
        ok: false, error: { code: 'network_error', message: 'Setting up an authenticator app needs a connection to the server: try again when this computer is connected.' },
      });
    } finally {
      net.offline = false;
    }
  });
});
