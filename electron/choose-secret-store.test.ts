/** Unit tests: the machine policy picks the secret store, and a refusing safeStorage never falls back. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../main/secrets/memory-secret-store.ts';
import type { SecretStore } from '../main/secrets/secret-store.ts';
import { fakeSafeStorage } from '../test/support/fake-safe-storage.ts';
import { chooseSecretStore, KEYCHAIN_SERVICE, SAFE_STORAGE_FILE, type SecretStoreSources } from './choose-secret-store.ts';
import type { SafeStorageLike } from './safe-storage-secret-store.ts';

const KEY = 'ab'.repeat(32);

describe('chooseSecretStore', () => {
  let dataDir: string;
  let keychains: Array<{ service: string; store: SecretStore & { entries: Map<string, string> } }>;
  const sources = (safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux'): SecretStoreSources => ({
    safeStorage,
    dataDir,
    platform,
    createKeychain: (service) => {
      const store = createMemorySecretStore();
      keychains.push({ service, store });
      return store;
    },
  });
  // A safeStorage that must not be asked anything: the keychain choice never touches it.
  const untouchable: SafeStorageLike = {
    isEncryptionAvailable: () => expect.unreachable('safeStorage asked with the keychain chosen'),
    encryptString: () => expect.unreachable('safeStorage asked with the keychain chosen'),
    decryptString: () => expect.unreachable('safeStorage asked with the keychain chosen'),
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cb-choose-'));
    keychains = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses the OS keychain under the Casebridge service when the policy says keychain', async () => {
    const chosen = chooseSecretStore('keychain', sources(untouchable));
    expect(chosen.problem).toBeNull();
    await chosen.store.set('cache-key:u1', KEY);
    expect(keychains).toHaveLength(1);
    expect(keychains[0]!.service).toBe(KEYCHAIN_SERVICE);
    expect(keychains[0]!.store.entries.get('cache-key:u1')).toBe(KEY);
    expect(existsSync(join(dataDir, SAFE_STORAGE_FILE))).toBe(false);
  });

  it('uses safeStorage with an encrypted file in the data dir when the policy says safeStorage, and never the keychain', async () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['win32', undefined]] as const) {
      const chosen = chooseSecretStore('safeStorage', sources(fakeSafeStorage(backend), platform));
      expect(chosen.problem).toBeNull();
      await chosen.store.set(`cache-key:${platform}`, KEY);
      expect(await chosen.store.get(`cache-key:${platform}`)).toBe(KEY);
    }
    expect(readFileSync(join(dataDir, SAFE_STORAGE_FILE), 'utf8')).not.toContain('abab');
    expect(keychains).toEqual([]);
  });

  it("refuses with keychain_unavailable on Linux's basic_text or without encryption, writing nothing and never falling back", async () => {
    for (const safeStorage of [fakeSafeStorage('basic_text'), fakeSafeStorage('gnome_libsecret', false)]) {
      const chosen = chooseSecretStore('safeStorage', sources(safeStorage));
      expect(chosen.problem).toMatch(/keyring|keychain/);
      await expect(chosen.store.set('cache-key:u1', KEY)).rejects.toMatchObject({ code: 'keychain_unavailable' });
      await expect(chosen.store.get('cache-key:u1')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    }
    expect(existsSync(join(dataDir, SAFE_STORAGE_FILE))).toBe(false);
    expect(keychains).toEqual([]);
  });
});
