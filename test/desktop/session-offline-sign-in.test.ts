/** Signing in from a cold start while the server cannot be reached, against the encrypted offline copy. */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../domain/ipc/contract.ts';
import { createApiClient } from '../../main/api/api-client.ts';
import { createDesktopCore, type CoreSettings } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { offlineIndexAccount } from '../../main/session/offline-index.ts';
import { SessionManager } from '../../main/session/session-manager.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';
import { buildAgency, buildUser } from '../support/factories.ts';

const HOUR = 3_600_000;
const NEEDS_ONLINE = /sign in online once/;

/** A TCP port nothing listens on (just released), so requests sent there meet a real refused connection. */
async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  await new Promise((resolve) => listener.close(resolve));
  return port;
}

describe('offline sign-in from a cold start', () => {
  let world: CoreWorld;
  let clock = Date.now();
  // The core's fetch: while the network is down, every request goes to a closed port instead of the server.
  const network = { down: false, closedPort: 0 };
  const cores: DesktopCore[] = [];
  let core: DesktopCore;
  let states: SessionState[] = [];
  let onlineWrongPassword: unknown;
  let stranger: { username: string; password: string };
  const workers: Worker[] = [];
  const onWorker = (message: unknown) => workers.push((message as { worker: Worker }).worker);
  const liveWorkers = () => workers.filter((w) => w.threadId !== -1).length;

  /** A freshly started app on the same machine: same data folder, keychain and server URL. */
  function coldStart(settings: Partial<CoreSettings> = {}): DesktopCore {
    const started = createDesktopCore({
      serverUrl: world.server.url, dataDir: world.dataDir, secretStore: world.keychain, syncIntervalMs: 60_000, settings, now: () => clock,
      fetchImpl: (input, init) => (network.down ? fetch(`http://127.0.0.1:${network.closedPort}/`) : fetch(input, init)),
    });
    cores.push(started);
    states = [];
    started.onEvent((event, payload) => {
      if (event === 'session.state') {
        states.push(payload as SessionState);
      }
    });
    return started;
  }

  const indexEntry = () => world.keychain.get(offlineIndexAccount(world.server.url, world.officer.username));
  const location = () => cacheLocation(world.dataDir, world.server.url, world.officer.id);

  beforeAll(async () => {
    subscribe('worker_threads', onWorker);
    world = await startCoreWorld({ password: 'cold-start-pass-1', caseTitle: 'Noise nuisance at Marram Court', dataDirPrefix: 'cb-offline-sign-in-', core: { now: () => clock } });
    network.closedPort = await closedPort();
    stranger = await buildUser(world.server.db, { agencyId: await buildAgency(world.server.db), password: 'stranger-pass-1' });
    core = coldStart();
    onlineWrongPassword = await core.handle('session.signIn', { username: world.officer.username, password: 'not-my-password' });
    await callCore(core, 'session.signIn', world.officer);
    expect(await callCore(core, 'sync.now', null)).toMatchObject({ cachedCases: 1 });
    // The app is closed (not signed out): the refresh token stays in the keychain.
    await core.close();
  });
  afterAll(async () => {
    unsubscribe('worker_threads', onWorker);
    for (const c of cores) {
      await c.close();
    }
    await world.stop();
  });

  it('an online sign-in records the username in the keychain index, under a hashed account name', async () => {
    expect(await indexEntry()).toBe(world.officer.id);
    const account = offlineIndexAccount(world.server.url, world.officer.username);
    expect(account).not.toContain(world.officer.username);
    expect(offlineIndexAccount(world.server.url, ` ${world.officer.username.toUpperCase()} `)).toBe(account);
    expect(await world.keychain.get(location().refreshTokenAccount)).not.toBeNull();
  });

  it('someone who never signed in online on this computer is told to connect and sign in online first', async () => {
    network.down = true;
    core = coldStart();
    for (const who of [stranger, { username: 'nobody-here', password: 'whatever-1' }]) {
      const refused = await core.handle('session.signIn', who);
      expect(refused).toMatchObject({ ok: false, error: { code: 'network_error' } });
      expect(!refused.ok && refused.error.message).toMatch(NEEDS_ONLINE);
    }
    expect(await core.handle('session.state', null)).toEqual({ ok: true, value: { state: 'signed_out' } });
    expect(liveWorkers()).toBe(0);
  });

  it('with the server unreachable, a wrong password is refused in the same words as online and leaves nothing open', async () => {
    expect(onlineWrongPassword).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    expect(await core.handle('session.signIn', { username: world.officer.username, password: 'not-my-password' })).toEqual(onlineWrongPassword);
    expect(liveWorkers()).toBe(0);
    expect(await core.handle('session.state', null)).toEqual({ ok: true, value: { state: 'signed_out' } });
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('the right password signs in offline: the cached cases show and the session says it is offline', async () => {
    const user = await callCore<{ id: string; username: string }>(core, 'session.signIn', world.officer);
    expect(user).toMatchObject({ id: world.officer.id, username: world.officer.username });
    expect(await callCore(core, 'session.state', null)).toEqual({ state: 'signed_in', user, offline: true });
    expect(states.at(-1)).toEqual({ state: 'signed_in', user, offline: true });
    expect(await callCore(core, 'cases.queue', {})).toMatchObject({ rows: [{ title: 'Noise nuisance at Marram Court' }] });
    expect(await callCore(core, 'sync.now', null)).toMatchObject({ connection: 'offline', lastError: { code: 'network_error' }, cachedCases: 1 });
    expect(liveWorkers()).toBe(1);
  });

  it('when the server answers again, the next sync renews the session with the refresh token from the keychain and goes online', async () => {
    const before = await world.keychain.get(location().refreshTokenAccount);
    network.down = false;
    expect(await callCore(core, 'sync.now', null)).toMatchObject({ connection: 'online', lastError: null, cachedCases: 1 });
    const state = await callCore<SessionState>(core, 'session.state', null);
    expect(state).toEqual({ state: 'signed_in', user: expect.objectContaining({ id: world.officer.id }) as unknown });
    expect(states.at(-1)).toEqual(state);
    const after = await world.keychain.get(location().refreshTokenAccount);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it('a refresh the server refuses ends the session and its offline lease, keeping the cache; offline sign-in then asks to connect', async () => {
    await world.server.db.updateTable('refresh_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', world.officer.id).execute();
    clock += 20 * 60_000; // past the 15-minute access token, so the next call must refresh
    expect(await core.handle('sync.now', null)).toMatchObject({ ok: true, value: { lastError: { code: 'authentication_error' } } });
    expect(await callCore(core, 'session.state', null)).toEqual({ state: 'signed_out', reason: 'session_ended' });
    expect(states.at(-1)).toEqual({ state: 'signed_out', reason: 'session_ended' });
    expect(liveWorkers()).toBe(0);
    expect(existsSync(location().file)).toBe(true);
    network.down = true;
    const refused = await core.handle('session.signIn', world.officer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    expect(!refused.ok && refused.error.message).toMatch(/Offline use .* has expired/);
    expect(liveWorkers()).toBe(0);
  });

  it('after a sign-out that keeps the offline copy, offline sign-in works; once the server answers, the session ends for an online sign-in', async () => {
    network.down = false;
    await callCore(core, 'session.signIn', world.officer);
    await callCore(core, 'session.signOut', { wipeCache: false });
    expect(await world.keychain.get(location().refreshTokenAccount)).toBeNull();
    network.down = true;
    expect(await callCore(core, 'session.signIn', world.officer)).toMatchObject({ id: world.officer.id });
    expect(await callCore(core, 'session.state', null)).toMatchObject({ state: 'signed_in', offline: true });
    expect(await callCore(core, 'sync.now', null)).toMatchObject({ connection: 'offline', lastError: { code: 'network_error' } });
    expect(await callCore(core, 'session.state', null)).toMatchObject({ state: 'signed_in', offline: true });

    network.down = false;
    await core.handle('sync.now', null);
    expect(await callCore(core, 'session.state', null)).toEqual({ state: 'signed_out', reason: 'session_ended' });
    expect(liveWorkers()).toBe(0);
    // Nothing was refused by the server, so the lease still lets this user in offline.
    network.down = true;
    expect(await callCore(core, 'session.signIn', world.officer)).toMatchObject({ id: world.officer.id });
    network.down = false;
    expect(await callCore(core, 'session.signIn', world.officer)).toMatchObject({ id: world.officer.id });
    expect(await callCore(core, 'session.state', null)).toEqual({ state: 'signed_in', user: expect.objectContaining({ id: world.officer.id }) as unknown });
  });

  it('when policy forbids offline work, an unreachable server is a plain network error and no cache is opened', async () => {
    const strict = coldStart({ offlineAllowed: false });
    network.down = true;
    const opened = workers.length;
    const refused = await strict.handle('session.signIn', world.officer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'network_error' } });
    expect(!refused.ok && refused.error.message).toMatch(/Cannot reach the Casebridge server/);
    expect(workers.length).toBe(opened);
  });

  it('past the offline lease even the right password is refused with the typed "connect" error, and nothing stays open', async () => {
    await callCore(core, 'session.signOut', { wipeCache: false });
    const signedOutAt = clock;
    clock += 73 * HOUR;
    try {
      const refused = await core.handle('session.signIn', world.officer);
      expect(refused).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
      expect(!refused.ok && refused.error.message).toMatch(/Offline use .* has expired/);
      expect(liveWorkers()).toBe(0);
      expect(await core.handle('session.state', null)).toEqual({ ok: true, value: { state: 'signed_out' } });
    } finally {
      clock = signedOutAt;
    }
  });

  it('signing out with the cache wiped forgets the username, so offline sign-in asks for an online sign-in again', async () => {
    network.down = false;
    await callCore(core, 'session.signIn', world.officer);
    expect(await indexEntry()).toBe(world.officer.id);
    await callCore(core, 'session.signOut', { wipeCache: true });
    expect(await indexEntry()).toBeNull();
    expect(existsSync(location().file)).toBe(false);
    network.down = true;
    const refused = await core.handle('session.signIn', world.officer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'network_error' } });
    expect(!refused.ok && refused.error.message).toMatch(NEEDS_ONLINE);
  });

  it('a device revocation wipe forgets the username too', async () => {
    network.down = false;
    await callCore(core, 'session.signIn', world.officer);
    expect(await indexEntry()).toBe(world.officer.id);
    await world.server.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', world.officer.id).execute();
    expect(await core.handle('sync.now', null)).toMatchObject({ ok: true, value: { lastError: { code: 'device_revoked' } } });
    expect(await indexEntry()).toBeNull();
    network.down = true;
    const refused = await core.handle('session.signIn', world.officer);
    expect(!refused.ok && refused.error.message).toMatch(NEEDS_ONLINE);
  });

  it('two callers needing a token at once share one refresh, so the server never sees a refresh token twice', async () => {
    network.down = false;
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-offline-refresh-'));
    const manager = new SessionManager({
      api: createApiClient({ baseUrl: world.server.url }), secrets: world.keychain, serverUrl: world.server.url, dataDir,
      now: () => clock, settings: { offlineLeaseHours: 72, offlineAllowed: true },
    });
    try {
      await manager.signIn(world.officer.username, world.officer.password);
      clock = Date.now() + 20 * 60_000; // the access token has expired: both callers must refresh
      const [first, second] = await Promise.all([manager.accessToken(), manager.accessToken()]);
      expect(second).toBe(first);
      const account = cacheLocation(dataDir, world.server.url, world.officer.id).refreshTokenAccount;
      const rotated = await world.keychain.get(account);
      clock += 20 * 60_000;
      // Presenting a refresh token twice would have revoked the whole family; this one still renews.
      expect(await manager.accessToken()).toEqual(expect.any(String));
      expect(await world.keychain.get(account)).not.toBe(rotated);
    } finally {
      await manager.signOut(true);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
