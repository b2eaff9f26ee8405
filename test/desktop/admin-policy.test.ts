/** The machine-wide admin policy read from real temp files and a fake registry (docs/security.md). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../main/machine-policy/admin-policy.ts';
import { createFileLastGoodStore } from '../../main/machine-policy/last-good-store.ts';
import { loadAdminPolicy, type PolicySources } from '../../main/machine-policy/load-admin-policy.ts';
import { POLICY_REGISTRY_KEY, type RegistryReader, type RegistryValues } from '../../main/machine-policy/registry-reader.ts';

/** A registry holding one key's values in memory, as `reg query` would report them. */
function fakeRegistry(values: Record<string, string | number> | null): RegistryReader & { keysRead: string[] } {
  const keysRead: string[] = [];
  return {
    keysRead,
    readValues(key): Promise<RegistryValues | null> {
      keysRead.push(key);
      return Promise.resolve(values === null ? null : new Map(Object.entries(values)));
    },
  };
}

describe('loadAdminPolicy', () => {
  let dir: string;
  let policyFile: string;
  let lastGoodFile: string;
  const sources = (extra: Partial<PolicySources> = {}): PolicySources => ({
    filePath: policyFile,
    lastGood: createFileLastGoodStore(lastGoodFile),
    ...extra,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cb-policy-'));
    policyFile = join(dir, 'machine', 'policy.json');
    lastGoodFile = join(dir, 'data', 'policy-last-good.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function setPolicy(value: unknown): void {
    mkdirSync(dirname(policyFile), { recursive: true });
    writeFileSync(policyFile, typeof value === 'string' ? value : JSON.stringify(value));
  }

  it('applies a valid file and reports which fields the admin set', async () => {
    setPolicy({ serverUrl: 'https://api.riverton.example', idleLockMinutes: 5, exportsAllowed: false });
    const loaded = await loadAdminPolicy(sources());
    expect(loaded.policy).toEqual({ ...DEFAULT_POLICY, serverUrl: 'https://api.riverton.example', idleLockMinutes: 5, exportsAllowed: false });
    expect([...loaded.enforced].sort()).toEqual(['exportsAllowed', 'idleLockMinutes', 'serverUrl']);
    expect(loaded.warnings).toEqual([]);
  });

  it('uses the defaults with no warning when there is no policy file', async () => {
    const loaded = await loadAdminPolicy(sources());
    expect(loaded.policy).toEqual({ idleLockMinutes: 10, offlineLeaseHours: 72, offlineAllowed: true, contentProtection: true, exportsAllowed: true, secretStore: 'keychain' });
    expect(loaded.enforced.size).toBe(0);
    expect(loaded.warnings).toEqual([]);
  });

  it('keeps the last good policy, across restarts, when the file becomes broken JSON, and warns', async () => {
    setPolicy({ idleLockMinutes: 3, contentProtection: true, offlineAllowed: false });
    await loadAdminPolicy(sources());
    expect(JSON.parse(readFileSync(lastGoodFile, 'utf8'))).toEqual({ file: { idleLockMinutes: 3, contentProtection: true, offlineAllowed: false } });

    setPolicy('{ "idleLockMinutes": 30, ');
    // A fresh store: the copy on disk, not memory, carries the last good policy.
    const loaded = await loadAdminPolicy(sources());
    expect(loaded.policy.idleLockMinutes).toBe(3);
    expect(loaded.policy.offlineAllowed).toBe(false);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatchObject({ source: 'file' });
    expect(loaded.warnings[0]!.message).toMatch(/not valid JSON.*last valid policy/);
  });

  it('rejects an out-of-range value with a message naming the field, keeping the last good value', async () => {
    setPolicy({ idleLockMinutes: 7 });
    await loadAdminPolicy(sources());
    setPolicy({ idleLockMinutes: 1000 });
    const loaded = await loadAdminPolicy(sources());
    expect(loaded.policy.idleLockMinutes).toBe(7);
    expect(loaded.warnings[0]!.message).toMatch(/idleLockMinutes/);
  });

  it('warns rather than silently using defaults when a broken policy has no earlier good copy', async () => {
    setPolicy({ offlineLeaseHours: 0, idleLockMinute: 5 });
    const loaded = await loadAdminPolicy(sources());
    expect(loaded.policy).toEqual(DEFAULT_POLICY);
    expect(loaded.warnings[0]!.message).toMatch(/offlineLeaseHours/);
    expect(loaded.warnings[0]!.message).toMatch(/idleLockMinute\b/);
    expect(loaded.warnings[0]!.message).toMatch(/No earlier valid policy/);
  });

  it('refuses a plain-http server URL except to this machine', async () => {
    setPolicy({ serverUrl: 'http://api.riverton.example' });
    const refused = await loadAdminPolicy(sources());
    expect(refused.policy.serverUrl).toBeUndefined();
    expect(refused.warnings[0]!.message).toMatch(/serverUrl/);
    setPolicy({ serverUrl: 'http://127.0.0.1:4318' });
    expect((await loadAdminPolicy(sources())).policy.serverUrl).toBe('http://127.0.0.1:4318');
  });

  it('lets the registry win over the file where both set a value', async () => {
    setPolicy({ idleLockMinutes: 30, offlineLeaseHours: 24, serverUrl: 'https://file.example' });
    const registry = fakeRegistry({ IdleLockMinutes: 5, ContentProtection: 0, ServerUrl: 'https://gpo.example', Unrelated: 'x' });
    const loaded = await loadAdminPolicy(sources({ registry }));
    expect(registry.keysRead).toEqual([POLICY_REGISTRY_KEY]);
    expect(loaded.policy).toEqual({
      serverUrl: 'https://gpo.example', idleLockMinutes: 5, offlineLeaseHours: 24,
      offlineAllowed: true, contentProtection: false, exportsAllowed: true, secretStore: 'keychain',
    });
    expect(loaded.warnings).toEqual([]);
  });

  it('takes the secret store from the file or, winning over it, the registry; anything but keychain or safeStorage is refused by name', async () => {
    setPolicy({ secretStore: 'safeStorage' });
    const fromFile = await loadAdminPolicy(sources());
    expect(fromFile.policy.secretStore).toBe('safeStorage');
    expect([...fromFile.enforced]).toEqual(['secretStore']);
    expect((await loadAdminPolicy(sources({ registry: fakeRegistry({ SecretStore: 'keychain' }) }))).policy.secretStore).toBe('keychain');

    rmSync(policyFile);
    const plaintext = await loadAdminPolicy(sources({ registry: fakeRegistry({ SecretStore: 'plaintext' }) }));
    expect(plaintext.policy.secretStore).toBe('keychain');
    expect(plaintext.warnings).toEqual([{ source: 'registry', message: expect.stringMatching(/secretStore/) as unknown }]);
  });

  it('keeps the last good registry values when a registry value is out of range', async () => {
    await loadAdminPolicy(sources({ registry: fakeRegistry({ OfflineLeaseHours: 8 }) }));
    const loaded = await loadAdminPolicy(sources({ registry: fakeRegistry({ OfflineLeaseHours: 9000 }) }));
    expect(loaded.policy.offlineLeaseHours).toBe(8);
    expect(loaded.warnings).toEqual([{ source: 'registry', message: expect.stringMatching(/offlineLeaseHours.*last valid/) as unknown }]);
  });

  it('drops a source\'s last good copy once the admin removes that policy', async () => {
    setPolicy({ exportsAllowed: false });
    await loadAdminPolicy(sources());
    rmSync(policyFile);
    expect((await loadAdminPolicy(sources())).policy.exportsAllowed).toBe(true);
    setPolicy('not json');
    const loaded = await loadAdminPolicy(sources());
    expect(loaded.policy.exportsAllowed).toBe(true);
    expect(loaded.warnings[0]!.message).toMatch(/No earlier valid policy/);
  });
});
