import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const HOUR = 3_600_000;

describe('offline unlock against the verifier in the encrypted cache, and the offline lease', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();
  let clock = Date.now();
  let officer: { username: string; password: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const agency = await buildAgency(server.db);
    officer = await buildUser(server.db, { agencyId: agency, password: 'offline-pass-1' });
    await buildCase(server.db, { ownerAgencyId: agency, title: 'Rough sleeping at Ferryman Steps' });
    dataDir = mkdtempSync(join(tmpdir(), 'cb-offline-'));
    core = createDesktopCore({ serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000, now: () => clock });
    expect((await core.handle('session.signIn', officer)).ok).toBe(true);
    expect(await core.handle('sync.now', null)).toMatchObject({ ok: true, value: { cachedCases: 1 } });
    await server.stop();
  });
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with the server stopped, a wrong password is refused and the right one opens the cached cases', async () => {
    expect(await core.handle('session.lock', null)).toEqual({ ok: true, value: null });
    expect(await core.handle('session.unlock', { password: 'not-my-password' })).toEqual({ ok: false, error: { code: 'authentication_error', message: 'Wrong password.' } });
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    expect(await core.handle('session.unlock', { password: officer.password })).toMatchObject({ ok: true, value: { username: officer.username } });
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: true, value: { rows: [{ title: 'Rough sleeping at Ferryman Steps' }] } });
  });

  it('still opens 71 hours later, but not once the 72-hour lease has passed, even with the right password', async () => {
    clock += 71 * HOUR;
    expect(await core.handle('session.lock', null)).toEqual({ ok: true, value: null });
    expect(await core.handle('session.unlock', { password: officer.password })).toMatchObject({ ok: true });
    clock += 2 * HOUR;
    expect(await core.handle('session.lock', null)).toEqual({ ok: true, value: null });
    const refused = await core.handle('session.unlock', { password: officer.password });
    expect(refused).toMatchObject({ ok: false, error: { code: 'authentication_error' } });
    expect(!refused.ok && refused.error.message).toMatch(/Offline use .* has expired/);
    expect(await core.handle('session.state', null)).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: false, error: { code: 'session_locked' } });
  });
});
