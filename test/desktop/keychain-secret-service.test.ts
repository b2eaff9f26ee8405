import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../domain/entities.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { filesUnder } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('secrets in the real Secret Service', () => {
  const keychain = createTestKeychain();
  afterAll(() => keychain.cleanup());

  it('round-trips, replaces and deletes a secret; a missing one is null', async () => {
    await keychain.set('round-trip', 'first value ✓');
    expect(await keychain.get('round-trip')).toBe('first value ✓');
    await keychain.set('round-trip', 'second');
    // A second store on the same service sees it: it is in the OS keychain, not in this object.
    expect(await createKeyringSecretStore(keychain.service).get('round-trip')).toBe('second');
    await keychain.delete('round-trip');
    expect(await keychain.get('round-trip')).toBeNull();
    await expect(keychain.delete('round-trip')).resolves.toBeUndefined();
    expect(await keychain.get('never-set')).toBeNull();
  });
});

describe('the cache key is never written to disk', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  const keychain = createTestKeychain();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const user = await buildUser(server.db, { agencyId: await buildAgency(server.db), password: 'key-pass-1' });
    dataDir = mkdtempSync(join(tmpdir(), 'cb-key-'));
    core = createDesktopCore({ serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000 });
    const signIn = await core.handle('session.signIn', user);
    expect(signIn.ok).toBe(true);
    await core.handle('sync.now', null);
    await core.handle('session.lock', null);
    expect((await core.handle('session.unlock', { password: user.password })).ok).toBe(true);
    const location = cacheLocation(dataDir, server.url, (signIn as { value: SessionUser }).value.id);
    keyHex = (await keychain.get(location.keyAccount))!;
  });
  let keyHex = '';
  afterAll(async () => {
    await core.close();
    await keychain.cleanup();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('appears in no file under the data folder as hex, upper-case hex, raw bytes, base64 or UTF-16', () => {
    expect(keyHex).toMatch(/^[0-9a-f]{64}$/);
    const raw = Buffer.from(keyHex, 'hex');
    const forms = [
      Buffer.from(keyHex), Buffer.from(keyHex.toUpperCase()), Buffer.from(keyHex, 'utf16le'), raw,
      Buffer.from(raw.toString('base64')), Buffer.from(raw.toString('base64url')),
      // Half the key is enough to be a leak.
      raw.subarray(0, 16), raw.subarray(16), Buffer.from(keyHex.slice(0, 32)), Buffer.from(keyHex.slice(32)),
    ];
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    const leaks = files.flatMap((file) => {
      const bytes = readFileSync(file);
      return forms.filter((form) => bytes.includes(form)).map((form) => `${file}: ${form.length} bytes`);
    });
    expect(leaks).toEqual([]);
  });
});
